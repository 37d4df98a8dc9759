/**
 * Builders for every Drive request the project makes. Each returns a plain description for the batch
 * engine to send with UrlFetchApp.fetchAll; none of them touches the network. The token only ever goes
 * into the Authorization header, never into a URL (URLs end up in error messages and logs).
 *
 * `supportsAllDrives=true` lets the same calls work when the chosen parent folder is in a shared drive;
 * it changes nothing for My Drive. JSON bodies are written in ASCII (see asciiJson), so a name such as
 * "Café" arrives intact whatever charset UrlFetchApp assumes for a string payload.
 */
import type { HttpRequestSpec } from '../http/spec';
import {
  authHeader,
  FILES_URL,
  FOLDER_FIELDS,
  FOLDER_MIME_TYPE,
  LISTED_FILE_FIELDS,
  MAX_PAGE_SIZE,
  queryString,
  UPLOAD_URL,
  UPLOADED_FILE_FIELDS,
} from './api';
import {
  asciiJson,
  multipartBase64,
  multipartBytes,
  multipartFrame,
  type UploadMedia,
  type UploadMetadata,
} from './multipart';
import { childrenQuery } from './query';

function fileUrlFor(fileId: string, params: Record<string, string | number | boolean | undefined>): string {
  return `${FILES_URL}/${encodeURIComponent(fileId)}?${queryString(params)}`;
}

/** A folder inside `parentId` (a folder id, or `root` for My Drive). */
export function createFolderRequest(token: string, name: string, parentId: string): HttpRequestSpec {
  return {
    url: `${FILES_URL}?${queryString({ fields: FOLDER_FIELDS, supportsAllDrives: true })}`,
    method: 'post',
    headers: authHeader(token),
    contentType: 'application/json; charset=UTF-8',
    payload: asciiJson({ name, mimeType: FOLDER_MIME_TYPE, parents: [parentId] }),
  };
}

/**
 * One page of a folder's untrashed children, optionally only those with a name and a type. Follow
 * `nextPageToken` from the answer with `pageToken` until there is none.
 */
export function findChildrenRequest(
  token: string,
  parentId: string,
  name?: string,
  mimeType?: string,
  pageToken?: string,
): HttpRequestSpec {
  const params = {
    q: childrenQuery(parentId, { name, mimeType }),
    fields: `nextPageToken,files(${LISTED_FILE_FIELDS})`,
    pageSize: MAX_PAGE_SIZE,
    pageToken,
    supportsAllDrives: true,
    includeItemsFromAllDrives: true,
  };
  return { url: `${FILES_URL}?${queryString(params)}`, method: 'get', headers: authHeader(token) };
}

/**
 * A file with its metadata and bytes in one request. Media given as base64 gives a `payloadBase64`
 * body, media given as Byte[] a `payloadBytes` body (see multipart.ts for why both, and the cost).
 */
export function multipartUploadRequest(
  token: string,
  metadata: UploadMetadata,
  media: UploadMedia,
): HttpRequestSpec {
  const frame = multipartFrame(metadata);
  const url = `${UPLOAD_URL}?${queryString({
    uploadType: 'multipart',
    fields: UPLOADED_FILE_FIELDS,
    supportsAllDrives: true,
  })}`;
  const body =
    'base64' in media
      ? { payloadBase64: multipartBase64(frame, media.base64) }
      : { payloadBytes: multipartBytes(frame, media.bytes) };
  return { url, method: 'post', headers: authHeader(token), contentType: frame.contentType, ...body };
}

/** A file's bytes. Read the answer with `response.getBlob()`/`getContent()`, not as text. */
export function getMediaRequest(token: string, fileId: string): HttpRequestSpec {
  return {
    url: fileUrlFor(fileId, { alt: 'media', supportsAllDrives: true }),
    method: 'get',
    headers: authHeader(token),
  };
}

export function getFileRequest(token: string, fileId: string, fields: string): HttpRequestSpec {
  return {
    url: fileUrlFor(fileId, { fields, supportsAllDrives: true }),
    method: 'get',
    headers: authHeader(token),
  };
}

/** Moves a file or folder to the trash (recoverable for 30 days), rather than deleting it for good. */
export function trashRequest(token: string, fileId: string): HttpRequestSpec {
  return {
    url: fileUrlFor(fileId, { fields: 'id,trashed', supportsAllDrives: true }),
    method: 'patch',
    headers: authHeader(token),
    contentType: 'application/json; charset=UTF-8',
    payload: asciiJson({ trashed: true }),
  };
}
