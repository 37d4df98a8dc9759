/**
 * Settings › Parent folder: where new batch folders go. A folder is kept only after Drive says it exists,
 * is a folder, and the add-on may add to it. The add-on asks for `drive.file`, which lets it write only
 * into My Drive and the folders it made itself, so a folder Jenny made by hand is refused with a message
 * that says so and offers the way out: My Drive, or a new folder the add-on makes (she may move it).
 *
 * The write check is an empty metadata update (PATCH with `{}`): it changes nothing, and Drive answers it
 * with the same refusal a real upload would get.
 */
import { parseFolderRef } from '../../shared/settings';
import {
  classifyDriveResponse,
  createFolderRequest,
  FOLDER_MIME_TYPE,
  getFileRequest,
  MY_DRIVE,
  readFolder,
  authHeader,
  FILES_URL,
  queryString,
  type DriveFailure,
} from '../drive';
import type { EngineRequest } from '../engine/types';
import { urlFetchHttp } from '../gas/http';
import { asResult, fromSpec } from '../slideshow/http';

export type FolderCheck =
  { ok: true; folderId: string | null; name: string | null } | { ok: false; message: string };

export const NEW_FOLDER_NAME = 'Slideshow Remix results';

const DRIVE_FILE_LIMIT = (name: string) =>
  `The add-on cannot save into “${name}”. Google lets it save only into My Drive and into folders it made itself (it asks for the limited Drive permission “drive.file”, not for access to all your files). Leave the box empty to save into My Drive, or press “Make a new folder” and then move that folder wherever you like in Drive.`;

function couldNotCheck(failure: DriveFailure): string {
  return failure.kind === 'storage-full'
    ? failure.message
    : `Drive could not check the folder just now (HTTP ${failure.httpStatus}). Try Save again in a moment.`;
}

function probeRequest(token: string, folderId: string): EngineRequest {
  return {
    url: `${FILES_URL}/${encodeURIComponent(folderId)}?${queryString({ fields: 'id', supportsAllDrives: true })}`,
    method: 'patch',
    headers: authHeader(token),
    contentType: 'application/json; charset=UTF-8',
    payload: '{}',
  };
}

/** Checks the Parent folder box: My Drive, or a Drive folder the add-on may write into. */
export function checkParentFolder(text: string): FolderCheck {
  const ref = parseFolderRef(text);
  if (ref.kind === 'invalid') return { ok: false, message: ref.message };
  if (ref.kind === 'my-drive') return { ok: true, folderId: null, name: null };
  const token = ScriptApp.getOAuthToken();
  const [meta, probe] = urlFetchHttp.fetchAll([
    fromSpec(getFileRequest(token, ref.folderId, 'id,name,mimeType,trashed')),
    probeRequest(token, ref.folderId),
  ]);
  if (!meta || !probe) return { ok: false, message: 'Drive did not answer: try Save again.' };
  const now = Date.now();
  const read = classifyDriveResponse(meta.status, asResult(meta).body, meta.headers, now);
  if (read.kind === 'not-found') {
    return {
      ok: false,
      message:
        'Drive could not find a folder at this link: check the link, and that the folder is shared with you. Or leave the box empty to save into My Drive.',
    };
  }
  if (read.kind !== 'ok') return { ok: false, message: couldNotCheck(read) };
  const file = read.json as { id?: string; name?: string; mimeType?: string; trashed?: boolean };
  const name = file.name ?? 'this folder';
  if (file.mimeType !== FOLDER_MIME_TYPE) {
    return {
      ok: false,
      message: `“${name}” is a file, not a folder: paste the link of a folder (open it in Google Drive and copy the address from the browser), or leave the box empty for My Drive.`,
    };
  }
  if (file.trashed) {
    return {
      ok: false,
      message: `The folder “${name}” is in the Drive trash: restore it in Drive, or choose another folder.`,
    };
  }
  const written = classifyDriveResponse(probe.status, asResult(probe).body, probe.headers, now);
  if (written.kind === 'no-access') {
    return {
      ok: false,
      message:
        written.reason === 'appNotAuthorizedToFile'
          ? DRIVE_FILE_LIMIT(name)
          : `You may open “${name}” but not add files to it: ask its owner for edit access, or choose a folder of your own (or leave the box empty for My Drive).`,
    };
  }
  if (written.kind !== 'ok') return { ok: false, message: couldNotCheck(written) };
  return { ok: true, folderId: file.id ?? ref.folderId, name };
}

/** Settings › Make a new folder: a folder in My Drive that the add-on made, so it may always write there. */
export function createParentFolder(name = NEW_FOLDER_NAME): FolderCheck {
  const token = ScriptApp.getOAuthToken();
  const [answer] = urlFetchHttp.fetchAll([fromSpec(createFolderRequest(token, name, MY_DRIVE))]);
  if (!answer) return { ok: false, message: 'Drive did not answer: try again.' };
  const read = readFolder(asResult(answer), Date.now());
  if (read.kind !== 'ok') return { ok: false, message: `Drive could not make the folder: ${read.message}` };
  return { ok: true, folderId: read.folder.id, name: read.folder.name ?? name };
}
