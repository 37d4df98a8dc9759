/**
 * The searches behind DriveApp's and Folder's listings.
 *
 * Trash: the reference pages do not say whether getFilesByName and friends return trashed items. The Drive
 * REST API's files.list does unless asked not to, but live DriveApp leaves them out (as observed against
 * live Apps Script and reported in brucemcpherson/gas-fakes#44), and DriveApp has getTrashedFiles and
 * getTrashedFolders for them. So here: trashed items, and the contents of trashed folders, are left out of
 * getFiles, getFolders, getFilesByName, getFoldersByName and getFilesByType (DriveApp's and Folder's);
 * the getTrashed* methods list only them; getFileById still opens a trashed item.
 *
 * Order: Drive promises none; the emulator returns creation order so runs repeat.
 */
import { blobFromSource } from '../blob/blob-source';
import { blobBytes } from '../blob/blob';
import { signatureError } from '../blob/args';
import { notEmulated } from '../../core/env';
import { currentUser, requireRole, type DriveContext } from './drive-context';
import { FOLDER_MIME, isGoogleType } from './mime-type';

export interface ListQuery {
  kind: 'file' | 'folder';
  /** Direct children of this folder; the whole Drive of the current user when omitted. */
  parentId?: string;
  name?: string;
  mimeType?: string;
  /** List trashed items instead of untrashed ones. */
  trashed?: boolean;
}

export function listIds(context: DriveContext, query: ListQuery): string[] {
  const { store } = context;
  const user = currentUser(context);
  const candidates = query.parentId === undefined ? store.list() : store.children(query.parentId);
  return candidates
    .filter((item) => (item.mimeType === FOLDER_MIME) === (query.kind === 'folder'))
    .filter((item) => query.name === undefined || item.name === query.name)
    .filter((item) => query.mimeType === undefined || item.mimeType === query.mimeType)
    .filter((item) => store.isTrashed(item.id) === (query.trashed ?? false))
    .filter((item) =>
      query.parentId === undefined
        ? !store.isRoot(item.id) && store.isListedFor(item.id, user)
        : store.roleOf(item.id, user) !== null,
    )
    .map((item) => item.id);
}

/** Checks a name-like argument is a string, as the signature requires. */
export function stringArgument(value: unknown, method: string, args: readonly unknown[]): string {
  if (typeof value !== 'string') throw signatureError(method, args);
  return value;
}

/**
 * createFile in a folder, for both overloads: (blob) takes name and type from the blob ("Untitled" and
 * application/octet-stream when it has none); (name, content, mimeType?) stores the text as UTF-8,
 * typed text/plain unless a type is given. Returns the new file's id, owned by the current user.
 */
export function createFileIn(
  context: DriveContext,
  folderId: string,
  method: string,
  args: readonly unknown[],
): string {
  const [first, content, mimeType] = args;
  let name: string;
  let bytes: Uint8Array;
  let type: string;
  if (typeof first === 'string') {
    if (typeof content !== 'string' || (mimeType !== undefined && typeof mimeType !== 'string')) {
      throw signatureError(method, args);
    }
    name = first;
    bytes = new TextEncoder().encode(content);
    type = mimeType ?? 'text/plain';
  } else {
    if (args.length > 1 && args.slice(1).some((a) => a !== undefined)) throw signatureError(method, args);
    const blob = blobFromSource(first, method, args);
    name = blob.getName() ?? 'Untitled';
    // Copied so the file cannot change if Node-side code later writes into the blob's array.
    bytes = new Uint8Array(blobBytes(blob));
    type = blob.getContentType() ?? 'application/octet-stream';
  }
  if (isGoogleType(type)) notEmulated(`${method} (with Google Workspace type ${type})`);
  requireRole(context, folderId, 'editor');
  return context.store.addFile({
    name,
    owner: currentUser(context),
    parentId: folderId,
    mimeType: type,
    content: bytes,
  });
}

/** createFolder in a folder; the new folder is owned by the current user. */
export function createFolderIn(
  context: DriveContext,
  folderId: string,
  method: string,
  name: unknown,
): string {
  const folderName = stringArgument(name, method, [name]);
  requireRole(context, folderId, 'editor');
  return context.store.addFolder({ name: folderName, owner: currentUser(context), parentId: folderId });
}
