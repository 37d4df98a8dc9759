/** Reading each Drive answer: the HTTP-level look (errors.ts), then the shape the request asked for. */
import { headerValue, type HttpResult } from '../http/spec';
import { FOLDER_MIME_TYPE } from './api';
import { classifyDriveResponse } from './errors';
import { transient, type DriveOutcome } from './failure';
import { DriveFileSchema, FileListSchema, type DriveFile } from './schemas';

function readResource(result: HttpResult, now: number, what: string): DriveOutcome<{ file: DriveFile }> {
  const classified = classifyDriveResponse(result.status, result.body, result.headers, now);
  if (classified.kind !== 'ok') return classified;
  const parsed = DriveFileSchema.safeParse(classified.json);
  if (!parsed.success) return transient({ httpStatus: result.status, detail: `not ${what}` }, true);
  return { kind: 'ok', file: parsed.data };
}

/** The answer to createFolderRequest (or getFileRequest on a folder). */
export function readFolder(result: HttpResult, now: number): DriveOutcome<{ folder: DriveFile }> {
  const read = readResource(result, now, 'a folder');
  if (read.kind !== 'ok') return read;
  if (read.file.mimeType !== undefined && read.file.mimeType !== FOLDER_MIME_TYPE) {
    return transient({ httpStatus: result.status, detail: `${read.file.id} is not a folder` }, true);
  }
  return { kind: 'ok', folder: read.file };
}

/** The answer to multipartUploadRequest. */
export function readUploadedFile(result: HttpResult, now: number): DriveOutcome<{ file: DriveFile }> {
  return readResource(result, now, 'an uploaded file');
}

/** The answer to getFileRequest. */
export function readFile(result: HttpResult, now: number): DriveOutcome<{ file: DriveFile }> {
  return readResource(result, now, 'a file');
}

/** One page of findChildrenRequest; ask again with `nextPageToken` while there is one. */
export function readFileList(
  result: HttpResult,
  now: number,
): DriveOutcome<{ files: DriveFile[]; nextPageToken?: string }> {
  const classified = classifyDriveResponse(result.status, result.body, result.headers, now);
  if (classified.kind !== 'ok') return classified;
  const parsed = FileListSchema.safeParse(classified.json);
  if (!parsed.success) return transient({ httpStatus: result.status, detail: 'not a file list' }, true);
  const { files, nextPageToken } = parsed.data;
  return nextPageToken ? { kind: 'ok', files, nextPageToken } : { kind: 'ok', files };
}

/** Trashing is idempotent: an item that is already gone is what was wanted. */
export function readTrash(result: HttpResult, now: number): DriveOutcome<{ trashed: true }> {
  const classified = classifyDriveResponse(result.status, result.body, result.headers, now);
  if (classified.kind !== 'ok' && classified.kind !== 'not-found') return classified;
  return { kind: 'ok', trashed: true };
}

/**
 * A media download's status. The bytes stay in the engine's HTTPResponse (`getBlob()`): turning an image
 * into text would be slow and corrupt it, so `body` is only needed, and only read, for a failure.
 */
export type MediaResult = Omit<HttpResult, 'body'> & { body?: string };

export function readMedia(result: MediaResult, now: number): DriveOutcome<{ contentType?: string }> {
  if (result.status >= 200 && result.status < 300) {
    const contentType = headerValue(result.headers, 'Content-Type');
    return contentType === undefined ? { kind: 'ok' } : { kind: 'ok', contentType };
  }
  const classified = classifyDriveResponse(result.status, result.body ?? '', result.headers, now);
  // A non-2xx status is never classified ok; this keeps the types honest without a cast.
  return classified.kind === 'ok' ? transient({ httpStatus: result.status }, true) : classified;
}
