/**
 * The DriveApp global. Lookups by id return trashed items too (isTrashed() tells), but an id that was
 * deleted for good, never existed, or names an item the current user may not open throws Drive's
 * "No item with the given ID could be found..." error.
 */
import { GasError, type ServiceEnv } from '../../core/env';
import { signatureError } from '../blob/args';
import type { Blob } from '../blob/blob';
import { currentUser, folderArgument, handleId, NOT_FOUND, type DriveContext } from './drive-context';
import { createFileIn, createFolderIn, listIds, stringArgument } from './drive-queries';
import type { DriveStore } from './drive-store';
import { Access, Permission } from './drive-types';
import { File } from './file';
import { Folder } from './folder';
import { decodeToken, FileIterator, FolderIterator } from './iterators';

/** A consumer account's 15 GB. */
export const DRIVE_STORAGE_LIMIT_BYTES = 15 * 1024 * 1024 * 1024;

export function createDriveContext(env: ServiceEnv, store: DriveStore): DriveContext {
  const context: DriveContext = {
    env,
    store,
    file: (id) => new File(context, id),
    folder: (id) => new Folder(context, id),
  };
  return context;
}

export class DriveApp {
  static readonly gasName = 'DriveApp';

  readonly Access = Access;
  readonly Permission = Permission;
  private readonly context: DriveContext;

  constructor(env: ServiceEnv, store: DriveStore) {
    this.context = createDriveContext(env, store);
  }

  private _root(): Folder {
    return this.context.folder(this.context.store.rootId(currentUser(this.context)));
  }

  private _lookUp(id: unknown, method: string): string {
    if (typeof id !== 'string') throw signatureError(method, [id]);
    if (id.trim() === '') throw new GasError('Invalid argument: id');
    const { store } = this.context;
    if (!store.has(id) || store.roleOf(id, currentUser(this.context)) === null) throw new GasError(NOT_FOUND);
    return id;
  }

  getRootFolder(): Folder {
    return this._root();
  }

  /** Folder ids are accepted too: a folder is a file in Drive, and getFileById opens it as one. */
  getFileById(id: string): File {
    return this.context.file(this._lookUp(id, 'DriveApp.getFileById'));
  }

  getFolderById(id: string): Folder {
    const found = this._lookUp(id, 'DriveApp.getFolderById');
    if (!this.context.store.isFolder(found)) throw new GasError(NOT_FOUND);
    return this.context.folder(found);
  }

  /** In the current user's My Drive. */
  createFile(blobOrName: Blob | string, content?: string, mimeType?: string): File {
    const args =
      mimeType === undefined
        ? content === undefined
          ? [blobOrName]
          : [blobOrName, content]
        : [blobOrName, content, mimeType];
    const rootId = this.context.store.rootId(currentUser(this.context));
    return this.context.file(createFileIn(this.context, rootId, 'DriveApp.createFile', args));
  }

  createFolder(name: string): Folder {
    const rootId = this.context.store.rootId(currentUser(this.context));
    return this.context.folder(createFolderIn(this.context, rootId, 'DriveApp.createFolder', name));
  }

  getFiles(): FileIterator {
    return new FileIterator(this.context, listIds(this.context, { kind: 'file' }));
  }

  getFolders(): FolderIterator {
    return new FolderIterator(this.context, listIds(this.context, { kind: 'folder' }));
  }

  getFilesByName(name: string): FileIterator {
    const wanted = stringArgument(name, 'DriveApp.getFilesByName', [name]);
    return new FileIterator(this.context, listIds(this.context, { kind: 'file', name: wanted }));
  }

  getFoldersByName(name: string): FolderIterator {
    const wanted = stringArgument(name, 'DriveApp.getFoldersByName', [name]);
    return new FolderIterator(this.context, listIds(this.context, { kind: 'folder', name: wanted }));
  }

  getFilesByType(mimeType: string): FileIterator {
    const wanted = stringArgument(mimeType, 'DriveApp.getFilesByType', [mimeType]);
    return new FileIterator(this.context, listIds(this.context, { kind: 'file', mimeType: wanted }));
  }

  getTrashedFiles(): FileIterator {
    return new FileIterator(this.context, listIds(this.context, { kind: 'file', trashed: true }));
  }

  getTrashedFolders(): FolderIterator {
    return new FolderIterator(this.context, listIds(this.context, { kind: 'folder', trashed: true }));
  }

  continueFileIterator(continuationToken: string): FileIterator {
    return new FileIterator(this.context, decodeToken(continuationToken, 'file', currentUser(this.context)));
  }

  continueFolderIterator(continuationToken: string): FolderIterator {
    return new FolderIterator(
      this.context,
      decodeToken(continuationToken, 'folder', currentUser(this.context)),
    );
  }

  addFile(child: File): Folder {
    handleId(child, 'DriveApp.addFile', [child]);
    return this._root().addFile(child);
  }

  addFolder(child: Folder): Folder {
    folderArgument(this.context, child, 'DriveApp.addFolder', [child]);
    return this._root().addFolder(child);
  }

  removeFile(child: File): Folder {
    handleId(child, 'DriveApp.removeFile', [child]);
    return this._root().removeFile(child);
  }

  removeFolder(child: Folder): Folder {
    folderArgument(this.context, child, 'DriveApp.removeFolder', [child]);
    return this._root().removeFolder(child);
  }

  /** Bytes of the files the current user owns, trashed ones included (the trash counts until emptied). */
  getStorageUsed(): number {
    const user = currentUser(this.context);
    return this.context.store
      .list()
      .filter((item) => item.owner === user)
      .reduce((sum, item) => sum + item.size, 0);
  }

  getStorageLimit(): number {
    return DRIVE_STORAGE_LIMIT_BYTES;
  }
}
