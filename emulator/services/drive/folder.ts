/** Drive's Folder. */
import { GasError } from '../../core/env';
import type { Blob } from '../blob/blob';
import { ACCESS_DENIED, folderArgument, handleId, requireRole } from './drive-context';
import { createFileIn, createFolderIn, listIds, stringArgument } from './drive-queries';
import type { File } from './file';
import { DriveItem } from './item';
import { FileIterator, FolderIterator } from './iterators';

type TypedMethods =
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSize'
  | 'isTrashed'
  | 'isStarred'
  | 'getDescription'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getResourceKey';

export class Folder extends DriveItem implements Pick<GoogleAppsScript.Drive.Folder, TypedMethods> {
  static readonly gasName = 'Folder';

  getUrl(): string {
    this._item();
    return `https://drive.google.com/drive/folders/${this.id}`;
  }

  /** Folders take no storage of their own. */
  getSize(): number {
    this._item();
    return 0;
  }

  createFile(blobOrName: Blob | string, content?: string, mimeType?: string): File {
    const args =
      mimeType === undefined
        ? content === undefined
          ? [blobOrName]
          : [blobOrName, content]
        : [blobOrName, content, mimeType];
    return this.context.file(createFileIn(this.context, this.id, 'Folder.createFile', args));
  }

  createFolder(name: string): Folder {
    return this.context.folder(createFolderIn(this.context, this.id, 'Folder.createFolder', name));
  }

  getFiles(): FileIterator {
    this._item();
    return new FileIterator(this.context, listIds(this.context, { kind: 'file', parentId: this.id }));
  }

  getFolders(): FolderIterator {
    this._item();
    return new FolderIterator(this.context, listIds(this.context, { kind: 'folder', parentId: this.id }));
  }

  getFilesByName(name: string): FileIterator {
    const wanted = stringArgument(name, 'Folder.getFilesByName', [name]);
    this._item();
    return new FileIterator(
      this.context,
      listIds(this.context, { kind: 'file', parentId: this.id, name: wanted }),
    );
  }

  getFoldersByName(name: string): FolderIterator {
    const wanted = stringArgument(name, 'Folder.getFoldersByName', [name]);
    this._item();
    return new FolderIterator(
      this.context,
      listIds(this.context, { kind: 'folder', parentId: this.id, name: wanted }),
    );
  }

  getFilesByType(mimeType: string): FileIterator {
    const wanted = stringArgument(mimeType, 'Folder.getFilesByType', [mimeType]);
    this._item();
    return new FileIterator(
      this.context,
      listIds(this.context, { kind: 'file', parentId: this.id, mimeType: wanted }),
    );
  }

  /** Adds this folder as a further parent of `child` (Drive's multi-parent model, as DriveApp exposes it). */
  addFile(child: File): Folder {
    this._addChild(handleId(child, 'Folder.addFile', [child]));
    return this;
  }

  addFolder(child: Folder): Folder {
    this._addChild(folderArgument(this.context, child, 'Folder.addFolder', [child]));
    return this;
  }

  /** Takes `child` out of this folder; an item left with no folder stays reachable by id. */
  removeFile(child: File): Folder {
    this._removeChild(handleId(child, 'Folder.removeFile', [child]));
    return this;
  }

  removeFolder(child: Folder): Folder {
    this._removeChild(folderArgument(this.context, child, 'Folder.removeFolder', [child]));
    return this;
  }

  private _addChild(childId: string): void {
    this._item('editor');
    requireRole(this.context, childId, 'viewer');
    const child = this.context.store.get(childId);
    if (!child || child.parents.includes(this.id)) return;
    if (this.context.store.isRoot(childId)) throw new GasError(ACCESS_DENIED);
    this.context.store.update(childId, { parents: [...child.parents, this.id] });
  }

  private _removeChild(childId: string): void {
    this._item('editor');
    requireRole(this.context, childId, 'viewer');
    const child = this.context.store.get(childId);
    if (!child) return;
    this.context.store.update(childId, { parents: child.parents.filter((p) => p !== this.id) });
  }
}
