/**
 * The folder of product photos Jenny names: its id from what she pasted, and which of its files are
 * photos. Pure.
 */
import { FOLDER_MIME_TYPE, type DriveFile } from '../drive';
import { parsePhotoRef } from '../../shared/photo-ref';
import { isPhotoMimeType, PHOTO_TYPES_TEXT } from '../../shared/product-photos';
import { findSlideFolder } from '../../shared/slide-folder';

const BARE_ID = /^[A-Za-z0-9_-]{10,}$/;

export const FOLDER_LINK_HINT =
  "open the folder in Google Drive and copy the address from the browser's address bar (it contains /folders/).";

export type FolderInput = { ok: true; id: string } | { ok: false; message: string };

/** A folder link in any shape Drive hands out, or a bare id. Whether it is a folder, Drive says. */
export function readFolderInput(text: string): FolderInput {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '')
    return { ok: false, message: `Paste the link of a Drive folder first: ${FOLDER_LINK_HINT}` };
  const folder = findSlideFolder(trimmed);
  if (folder) return { ok: true, id: folder.folderId };
  if (BARE_ID.test(trimmed)) return { ok: true, id: trimmed };
  const ref = parsePhotoRef(trimmed);
  // An `open?id=` or `/file/d/` link: Drive tells whether the id is a folder.
  if (ref.kind === 'drive') return { ok: true, id: ref.fileId };
  return { ok: false, message: `This is not a Google Drive folder link: ${FOLDER_LINK_HINT}` };
}

export interface FolderContents {
  photos: { id: string; name: string }[];
  skipped: { name: string; reason: string }[];
}

/** Photos are the image files Gemini reads; everything else is named, with why it is left out. */
export function sortFolderFiles(files: readonly DriveFile[]): FolderContents {
  const photos: FolderContents['photos'] = [];
  const skipped: FolderContents['skipped'] = [];
  for (const file of files) {
    const name = file.name ?? file.id;
    if (file.mimeType === FOLDER_MIME_TYPE)
      skipped.push({ name, reason: 'a folder (only files directly in the folder are used)' });
    else if (isPhotoMimeType(file.mimeType)) photos.push({ id: file.id, name });
    else skipped.push({ name, reason: `not a ${PHOTO_TYPES_TEXT} photo` });
  }
  const byName = (a: { name: string }, b: { name: string }) =>
    a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });
  return { photos, skipped: skipped.sort(byName) };
}
