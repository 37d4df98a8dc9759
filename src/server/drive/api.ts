/**
 * Drive REST API v3 addresses, the field lists this project asks for, and the links people open.
 * Outputs go through REST rather than DriveApp because DriveApp's write methods need the full `drive`
 * scope, and the add-on only asks for `drive.file` (what it creates) and `drive.readonly`.
 */

export const DRIVE_HOST = 'www.googleapis.com';
export const FILES_URL = `https://${DRIVE_HOST}/drive/v3/files`;
export const UPLOAD_URL = `https://${DRIVE_HOST}/upload/drive/v3/files`;

export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';

/** The alias Drive accepts for the user's "My Drive" folder wherever a folder id goes. */
export const MY_DRIVE = 'root';

/** What a folder answer carries: its link goes into the row's Output cell. */
export const FOLDER_FIELDS = 'id,name,parents,webViewLink';

/** What an upload answer carries: enough to link to the file and to check its size. */
export const UPLOADED_FILE_FIELDS = 'id,name,mimeType,size,parents,createdTime,webViewLink';

/** One listing entry: enough to find an earlier copy by name and tell a complete one by its size. */
export const LISTED_FILE_FIELDS = 'id,name,mimeType,size,createdTime';

/** The most files.list returns per page, so one folder of slides is nearly always one request. */
export const MAX_PAGE_SIZE = 1000;

/** A Bearer token from ScriptApp.getOAuthToken(); it carries the manifest's scopes. */
export function authHeader(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export function fileUrl(id: string): string {
  return `https://drive.google.com/file/d/${encodeURIComponent(id)}/view`;
}

export function folderUrl(id: string): string {
  return `https://drive.google.com/drive/folders/${encodeURIComponent(id)}`;
}

/**
 * encodeURIComponent leaves `!'()*` alone; they are legal in a URL, but a query full of quotes reads
 * badly in UrlFetchApp's error messages and some proxies rewrite them, so they are encoded too.
 */
export function encodeParam(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `a=1&b=2` from pairs, skipping undefined values; there is no URLSearchParams in Apps Script. */
export function queryString(params: Readonly<Record<string, string | number | boolean | undefined>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeParam(key)}=${encodeParam(String(value))}`)
    .join('&');
}
