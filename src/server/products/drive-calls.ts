/**
 * The Drive requests of the Products screen, one at a time while Jenny waits (not in the batch's
 * waves): read a folder of photos (drive.readonly), make a folder for uploads and upload a photo into it
 * (drive.file: the add-on may only write into folders it made itself). Requests are built by the Drive
 * client and sent through a port, so this runs in Apps Script and in unit tests alike.
 */
import type { HttpRequestSpec, HttpResult } from '../http/spec';
import {
  createFolderRequest,
  findChildrenRequest,
  FOLDER_MIME_TYPE,
  folderUrl,
  getFileRequest,
  multipartUploadRequest,
  MY_DRIVE,
  readFile,
  readFileList,
  readFolder,
  readUploadedFile,
  type DriveFailure,
  type DriveFile,
} from '../drive';
import { FOLDER_LINK_HINT } from './folder';

export interface DriveSession {
  /** Sends one request and returns its answer (status 0 when there was none). */
  send(spec: HttpRequestSpec): HttpResult;
  token: string;
  now(): number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

interface Wording {
  notFound?: string;
  noAccess?: string;
}

/** The folder in My Drive that holds the photos Jenny uploads from her computer. */
export const PRODUCT_PHOTOS_FOLDER_NAME = 'Slideshow Remix product photos';

/** Drive's folder, found, listed or made, as the sidebar links to it. */
export interface FolderFacts {
  id: string;
  name: string;
  url: string;
}

const MAX_LIST_PAGES = 20;

/** A request that got no answer, or a server error, is sent once more before Jenny hears of it. */
function exchange(session: DriveSession, spec: HttpRequestSpec): HttpResult {
  const first = session.send(spec);
  if (first.status !== 0 && first.status < 500 && first.status !== 408) return first;
  return session.send(spec);
}

function unanswered(result: HttpResult): Outcome<never> | null {
  return result.status === 0
    ? { ok: false, message: 'Google Drive could not be reached: check the connection and try again.' }
    : null;
}

/** The sentence Jenny reads: what happened and what to do, for someone waiting at the sidebar. */
export function failureMessage(failure: DriveFailure, wording: Wording = {}): string {
  switch (failure.kind) {
    case 'not-found':
      return wording.notFound ?? failure.message;
    case 'no-access':
      return wording.noAccess ?? failure.message;
    case 'rate-limited':
      return 'Google Drive asked the add-on to slow down: wait a minute, then try again.';
    case 'transient':
    case 'auth':
      return `Google Drive did not answer properly (HTTP ${failure.httpStatus}): try again in a moment.`;
    default:
      return failure.message;
  }
}

const FOLDER_WORDING: Wording = {
  notFound:
    'Google Drive could not find this folder: check the link, and that the folder is shared with your Google account.',
  noAccess:
    'Your Google account may not open this folder: ask its owner to share it with you (Viewer is enough).',
};

function facts(folder: DriveFile, fallbackName: string): FolderFacts {
  return { id: folder.id, name: folder.name ?? fallbackName, url: folderUrl(folder.id) };
}

/** A folder Jenny named, and its files (every page), or why it cannot be read. */
export function readPhotoFolder(
  session: DriveSession,
  folderId: string,
): Outcome<{ folder: FolderFacts; files: DriveFile[] }> {
  const answer = exchange(session, getFileRequest(session.token, folderId, 'id,name,mimeType,trashed'));
  const silent = unanswered(answer);
  if (silent) return silent;
  const read = readFile(answer, session.now());
  if (read.kind !== 'ok') return { ok: false, message: failureMessage(read, FOLDER_WORDING) };
  const file = read.file;
  if (file.mimeType !== FOLDER_MIME_TYPE) {
    return {
      ok: false,
      message: `This link is a file${file.name ? ` (${file.name})` : ''}, not a folder: ${FOLDER_LINK_HINT}`,
    };
  }
  if (file.trashed) {
    return {
      ok: false,
      message: `The folder "${file.name ?? ''}" is in the Google Drive trash: restore it, or choose another folder.`,
    };
  }
  const files: DriveFile[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const listed = exchange(
      session,
      findChildrenRequest(session.token, folderId, undefined, undefined, pageToken),
    );
    const none = unanswered(listed);
    if (none) return none;
    const list = readFileList(listed, session.now());
    if (list.kind !== 'ok') return { ok: false, message: failureMessage(list, FOLDER_WORDING) };
    files.push(...list.files);
    pageToken = list.nextPageToken;
    if (!pageToken) break;
  }
  return { ok: true, value: { folder: facts(file, folderId), files } };
}

/**
 * The "Slideshow Remix product photos" folder in My Drive: the one made earlier (its id remembered by
 * the caller) while it exists and is not in the trash, else a new one.
 */
export function ensureProductPhotosFolder(
  session: DriveSession,
  rememberedId: string | null,
): Outcome<{ folder: FolderFacts; created: boolean }> {
  if (rememberedId) {
    const answer = exchange(session, getFileRequest(session.token, rememberedId, 'id,name,mimeType,trashed'));
    const silent = unanswered(answer);
    if (silent) return silent;
    const read = readFile(answer, session.now());
    if (read.kind === 'ok' && read.file.mimeType === FOLDER_MIME_TYPE && !read.file.trashed) {
      return { ok: true, value: { folder: facts(read.file, PRODUCT_PHOTOS_FOLDER_NAME), created: false } };
    }
    if (read.kind !== 'ok' && read.kind !== 'not-found') {
      return { ok: false, message: failureMessage(read) };
    }
  }
  const made = createFolder(session, PRODUCT_PHOTOS_FOLDER_NAME, MY_DRIVE);
  return made.ok ? { ok: true, value: { folder: made.value, created: true } } : made;
}

export function createFolder(session: DriveSession, name: string, parentId: string): Outcome<FolderFacts> {
  const answer = exchange(session, createFolderRequest(session.token, name, parentId));
  const silent = unanswered(answer);
  if (silent) return silent;
  const read = readFolder(answer, session.now());
  if (read.kind !== 'ok') {
    return {
      ok: false,
      message: failureMessage(read, {
        noAccess:
          'The add-on was not allowed to make a folder in your Google Drive: open Extensions › Slideshow Remix again and allow access when Google asks.',
      }),
    };
  }
  return { ok: true, value: facts(read.folder, name) };
}

const UPLOAD_WORDING: Wording = {
  notFound:
    'The folder for your uploads is gone (deleted, or in the Drive trash): choose the photos again to start a new upload.',
  noAccess:
    'The add-on may only upload into the folder it made for your photos: choose the photos again to start a new upload.',
};

export interface UploadFile {
  name: string;
  mimeType: string;
  bytes: number;
  base64: string;
}

/**
 * One photo into the upload folder. A file of that name and size already there (the same photo chosen
 * twice, or a call whose answer was lost) is reused rather than uploaded a second time.
 */
export function uploadPhoto(
  session: DriveSession,
  folderId: string,
  file: UploadFile,
): Outcome<{ file: DriveFile; reused: boolean }> {
  const listed = exchange(session, findChildrenRequest(session.token, folderId, file.name));
  const silent = unanswered(listed);
  if (silent) return silent;
  const list = readFileList(listed, session.now());
  if (list.kind !== 'ok') return { ok: false, message: failureMessage(list, UPLOAD_WORDING) };
  const same = list.files.find((existing) => existing.size === String(file.bytes));
  if (same) return { ok: true, value: { file: same, reused: true } };

  const request = multipartUploadRequest(
    session.token,
    {
      name: file.name,
      mimeType: file.mimeType,
      parentId: folderId,
      appProperties: { slideshowRemix: 'product-photo' },
    },
    { base64: file.base64 },
  );
  // An upload is not sent twice blindly: a lost answer may hide a file that was made.
  const answer = session.send(request);
  if (answer.status === 0) {
    return {
      ok: false,
      message: `Google Drive did not answer while ${file.name} was uploading: try this photo again.`,
    };
  }
  const read = readUploadedFile(answer, session.now());
  if (read.kind !== 'ok') return { ok: false, message: failureMessage(read, UPLOAD_WORDING) };
  return { ok: true, value: { file: read.file, reused: false } };
}
