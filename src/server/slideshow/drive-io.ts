/**
 * The Drive calls the job makes, as engine requests, and their answers read through the Drive client.
 * Writes go through Drive's REST API with the user's OAuth token (scope drive.file); reads of Jenny's
 * own files (the product photo, a folder of slides) use drive.readonly.
 */
import type { EngineRequest, EngineResponse, Failure } from '../engine/types';
import {
  classifyDriveResponse,
  createFolderRequest,
  existingByName,
  findChildrenRequest,
  FOLDER_MIME_TYPE,
  getFileRequest,
  getMediaRequest,
  multipartUploadRequest,
  pickExisting,
  readFileList,
  readFolder,
  readUploadedFile,
  trashRequest,
  readTrash,
  type DriveFile,
} from '../drive';
import { asMediaResult, asResult, fromSpec } from './http';
import { driveFailure } from './failures';

export type Read<T> = { ok: true; value: T } | { ok: false; failure: Failure };

type Wording = { notFound?: string; noAccess?: string };

export const drive = {
  listChildren(token: string, parentId: string, name?: string, mimeType?: string): EngineRequest {
    return fromSpec(findChildrenRequest(token, parentId, name, mimeType));
  },
  createFolder(token: string, name: string, parentId: string): EngineRequest {
    return fromSpec(createFolderRequest(token, name, parentId));
  },
  upload(
    token: string,
    file: { name: string; mimeType: string; parentId: string },
    base64: string,
  ): EngineRequest {
    return fromSpec(multipartUploadRequest(token, file, { base64 }));
  },
  media(token: string, fileId: string): EngineRequest {
    return fromSpec(getMediaRequest(token, fileId));
  },
  metadata(token: string, fileId: string, fields: string): EngineRequest {
    return fromSpec(getFileRequest(token, fileId, fields));
  },
  trash(token: string, fileId: string): EngineRequest {
    return fromSpec(trashRequest(token, fileId));
  },
};

export function readList(response: EngineResponse, now: number, wording?: Wording): Read<DriveFile[]> {
  const read = readFileList(asResult(response), now);
  return read.kind === 'ok'
    ? { ok: true, value: read.files }
    : { ok: false, failure: driveFailure(read, wording) };
}

/** The one file of that name in a listing (the oldest, if an earlier run left copies). */
export function pick(files: readonly DriveFile[], name: string, mimeType?: string): DriveFile | undefined {
  return pickExisting(files, name, mimeType).existing;
}

export function byName(files: readonly DriveFile[], mimeType?: string): Map<string, DriveFile> {
  return existingByName(files, mimeType);
}

export function readCreatedFolder(response: EngineResponse, now: number, wording?: Wording): Read<DriveFile> {
  const read = readFolder(asResult(response), now);
  return read.kind === 'ok'
    ? { ok: true, value: read.folder }
    : { ok: false, failure: driveFailure(read, wording) };
}

export function readUpload(response: EngineResponse, now: number, wording?: Wording): Read<DriveFile> {
  const read = readUploadedFile(asResult(response), now);
  return read.kind === 'ok'
    ? { ok: true, value: read.file }
    : { ok: false, failure: driveFailure(read, wording) };
}

export function readTrashed(response: EngineResponse, now: number): Read<true> {
  const read = readTrash(asResult(response), now);
  return read.kind === 'ok' ? { ok: true, value: true } : { ok: false, failure: driveFailure(read) };
}

/** A download: its base64, or what went wrong (the body is read as text only for an error). */
export function readMediaBase64(response: EngineResponse, now: number, wording?: Wording): Read<string> {
  if (response.status >= 200 && response.status < 300) return { ok: true, value: response.base64() };
  const error = asMediaResult(response);
  const read = classifyDriveResponse(error.status, error.body, error.headers, now);
  return read.kind === 'ok'
    ? { ok: false, failure: { kind: 'retry', message: `Drive answered ${response.status}` } }
    : { ok: false, failure: driveFailure(read, wording) };
}

export function sizeOf(file: DriveFile): number {
  const size = Number(file.size ?? '');
  return Number.isFinite(size) ? size : 0;
}

export { FOLDER_MIME_TYPE };
