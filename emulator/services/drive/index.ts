export { DriveApp, createDriveContext, DRIVE_STORAGE_LIMIT_BYTES } from './drive-app';
export {
  DriveStore,
  ROOT_FOLDER_NAME,
  type NewFileSpec,
  type NewItemSpec,
  type TreeNode,
  type ItemPatch,
} from './drive-store';
export {
  Access,
  Permission,
  type AccessName,
  type PermissionName,
  type DriveItemRecord,
  type Role,
} from './drive-types';
export { ACCESS_DENIED, ITERATOR_END, NOT_FOUND } from './drive-context';
export { File } from './file';
export { Folder } from './folder';
export { FileIterator, FolderIterator } from './iterators';
export { User } from './user';
export { MimeType, isGoogleType } from './mime-type';
export { INDEX_FILE, CONTENT_DIR } from './drive-disk';
