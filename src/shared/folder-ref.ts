/**
 * The Parent folder box, read without zod or anything else heavy: the sidebar imports it, and its bundle
 * stays small.
 */

/** What the Parent folder box holds: nothing or My Drive's own link (My Drive), a folder, or not a folder. */
export type FolderRef =
  { kind: 'my-drive' } | { kind: 'folder'; folderId: string } | { kind: 'invalid'; message: string };

const MY_DRIVE_LINK = /^(?:https?:\/\/)?drive\.google\.com\/drive\/(?:u\/\d+\/)?my-drive\/?(?:[?#].*)?$/i;
const FOLDER_LINK =
  /^(?:https?:\/\/)?drive\.google\.com\/(?:drive\/(?:u\/\d+\/)?folders\/([A-Za-z0-9_-]{10,})|(?:(?:embedded)?folderview|open)\?(?:[^\s#]*&)?id=([A-Za-z0-9_-]{10,}))/i;
const FILE_LINK = /^(?:https?:\/\/)?(?:drive|docs)\.google\.com\/.*(?:\/d\/|[?&]id=)/i;
const BARE_ID = /^[A-Za-z0-9_-]{20,60}$/;

/**
 * Reads the Parent folder box. Pure (the sidebar checks as Jenny types; the server checks again and
 * then asks Drive): whether the folder exists and the add-on may write there is not known here.
 */
export function parseFolderRef(text: string): FolderRef {
  const value = String(text ?? '').trim();
  if (value === '' || MY_DRIVE_LINK.test(value)) return { kind: 'my-drive' };
  const folder = FOLDER_LINK.exec(value);
  const id = folder?.[1] ?? folder?.[2];
  if (id) return { kind: 'folder', folderId: id };
  if (BARE_ID.test(value)) return { kind: 'folder', folderId: value };
  if (FILE_LINK.test(value)) {
    return {
      kind: 'invalid',
      message:
        'This is a link to a file, not a folder: open the folder in Google Drive and copy the address from the browser, or leave the box empty for My Drive.',
    };
  }
  return {
    kind: 'invalid',
    message:
      'This is not a Google Drive folder link: open the folder in Google Drive and copy the address from the browser (it contains /folders/), or leave the box empty for My Drive.',
  };
}
