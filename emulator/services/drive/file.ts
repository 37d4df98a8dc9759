/** Drive's File. */
import { notEmulated } from '../../core/env';
import { signatureError } from '../blob/args';
import { Blob } from '../blob/blob';
import { encodeText } from '../blob/charset';
import { currentUser, folderArgument, requireRole } from './drive-context';
import { DriveItem } from './item';
import { FOLDER_MIME, isGoogleType, MimeType } from './mime-type';

/** Methods whose types can be checked against @types/google-apps-script (the rest return File or Folder). */
type TypedMethods =
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getDownloadUrl'
  | 'getMimeType'
  | 'getSize'
  | 'isTrashed'
  | 'isStarred'
  | 'getDescription'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getResourceKey';

const EDITOR_URLS: Readonly<Record<string, string>> = {
  [MimeType.GOOGLE_SHEETS]: 'spreadsheets',
  [MimeType.GOOGLE_DOCS]: 'document',
  [MimeType.GOOGLE_SLIDES]: 'presentation',
  [MimeType.GOOGLE_FORMS]: 'forms',
};

export class File extends DriveItem implements Pick<GoogleAppsScript.Drive.File, TypedMethods> {
  static readonly gasName = 'File';

  getMimeType(): string {
    return this._item().mimeType;
  }

  /** Bytes of content; Google Workspace files take no storage and report 0. */
  getSize(): number {
    return this._item().size;
  }

  getUrl(): string {
    const { mimeType } = this._item();
    const editor = EDITOR_URLS[mimeType];
    if (editor) return `https://docs.google.com/${editor}/d/${this.id}/edit?usp=drivesdk`;
    if (mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${this.id}`;
    return `https://drive.google.com/file/d/${this.id}/view?usp=drivesdk`;
  }

  getDownloadUrl(): string {
    this._item();
    return `https://drive.google.com/uc?id=${this.id}&export=download`;
  }

  /** The content as a blob named like the file and typed with its MIME type. */
  getBlob(): Blob {
    const item = this._item();
    if (isGoogleType(item.mimeType)) notEmulated(`File.getBlob (exporting ${item.mimeType})`);
    return new Blob(this.context.store.readBytes(this.id), item.mimeType, item.name);
  }

  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }

  /** Replaces the content with `content` as UTF-8 text; the MIME type stays. */
  setContent(content: string): File {
    if (typeof content !== 'string') throw signatureError('File.setContent', [content]);
    const item = this._item('editor');
    if (isGoogleType(item.mimeType)) notEmulated(`File.setContent (on ${item.mimeType})`);
    this.context.store.writeBytes(this.id, encodeText(content));
    return this;
  }

  /**
   * A copy owned by the current user, private to them: named "Copy of <name>" unless a name is given,
   * put in `destination`, else in the original's folders they can edit, else in their My Drive.
   */
  makeCopy(nameOrDestination?: string | DriveItem, destination?: DriveItem): File {
    const args = [nameOrDestination, destination];
    const { store } = this.context;
    const user = currentUser(this.context);
    const item = this._item();
    let name = `Copy of ${item.name}`;
    let target: DriveItem | undefined;
    if (typeof nameOrDestination === 'string') {
      name = nameOrDestination;
      target = destination;
    } else if (nameOrDestination !== undefined) {
      if (destination !== undefined) throw signatureError('File.makeCopy', args);
      target = nameOrDestination;
    }
    let parentId: string;
    if (target !== undefined) {
      parentId = folderArgument(this.context, target, 'File.makeCopy', args);
      requireRole(this.context, parentId, 'editor');
    } else {
      const editable = item.parents.filter((p) => {
        const role = store.roleOf(p, user);
        return role === 'editor' || role === 'owner';
      });
      parentId = editable[0] ?? store.rootId(user);
    }
    const id = store.addFile({
      name,
      owner: user,
      parentId,
      mimeType: item.mimeType,
      description: item.description,
      content: new Uint8Array(store.readBytes(this.id)),
    });
    return this.context.file(id);
  }
}
