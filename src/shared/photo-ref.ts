/**
 * What a Product photo cell points at: a Drive file (any of the URL shapes Drive and Docs hand out, or a
 * bare file id) or an https image URL. Runs in Apps Script and in the sidebar, so URLs are taken apart by
 * hand (Apps Script has no `URL`). Nothing here reaches the network: whether the file exists and is an
 * image is checked when the batch starts.
 */

export interface DrivePhoto {
  readonly kind: 'drive';
  readonly fileId: string;
  /** The `resourcekey` of an older shared link: Drive needs it to open some files shared by link. */
  readonly resourceKey: string | null;
}

export interface UrlPhoto {
  readonly kind: 'url';
  readonly url: string;
}

export interface MissingPhoto {
  readonly kind: 'missing';
}

export type PhotoInvalidReason =
  | 'folder'
  | 'google-doc'
  | 'drive-page'
  | 'incomplete-id'
  | 'not-https'
  | 'several-links'
  | 'not-a-photo-link';

export interface InvalidPhoto {
  readonly kind: 'invalid';
  readonly reason: PhotoInvalidReason;
  /** Starts lower-case: it follows "Invalid product photo: " in the Status cell. */
  readonly message: string;
}

export type PhotoRef = DrivePhoto | UrlPhoto | MissingPhoto | InvalidPhoto;

/** Drive ids seen in the wild: 28 (old "0B…"), 33 (files and folders), 44 (Docs editors' files). */
const DRIVE_ID = /^[A-Za-z0-9_-]{25,44}$/;
const DRIVE_HOSTS = new Set(['drive.google.com', 'docs.google.com', 'drive.usercontent.google.com']);
const DOC_KINDS: Readonly<Record<string, string>> = {
  document: 'a Google Doc',
  spreadsheets: 'a Google Sheet',
  presentation: 'a Google Slides file',
  forms: 'a Google Form',
  drawings: 'a Google Drawing',
};
const FOLDER_PAGES = new Set(['folderview', 'embeddedfolderview']);
const URL_IN_TEXT = /(?:https?:\/\/|(?:drive|docs)\.google\.com\/)[^\s"'<>()[\]{}]+/gi;
const SHARE_HINT = 'open the photo in Google Drive and use Share → Copy link';

interface UrlParts {
  readonly scheme: 'http' | 'https' | null;
  readonly host: string;
  readonly segments: readonly string[];
  readonly query: ReadonlyMap<string, string>;
}

/** Reads one Product photo cell. Never throws. */
export function parsePhotoRef(cellText: string): PhotoRef {
  const text = String(cellText ?? '').trim();
  if (text === '') return { kind: 'missing' };

  const urls = [...text.matchAll(URL_IN_TEXT)].map((m) => m[0].replace(/[.,;:!?]+$/, ''));
  if (urls.length === 0) {
    if (DRIVE_ID.test(text)) return { kind: 'drive', fileId: text, resourceKey: null };
    return invalid(
      'not-a-photo-link',
      `this is not a Google Drive link, a Drive file id or an https image link: ${SHARE_HINT}.`,
    );
  }
  const refs = urls.map(refOfUrl);
  // The same photo linked twice (in two shapes, say) is still one photo.
  const identities = new Set(refs.map(identityOf));
  if (identities.size > 1) {
    return invalid(
      'several-links',
      `this cell holds ${identities.size} links: put one product photo per row.`,
    );
  }
  return refs[0] ?? { kind: 'missing' };
}

function identityOf(ref: PhotoRef): string {
  if (ref.kind === 'drive') return `drive:${ref.fileId}`;
  if (ref.kind === 'url') return `url:${ref.url}`;
  return ref.kind === 'invalid' ? `invalid:${ref.reason}` : 'missing';
}

function refOfUrl(url: string): PhotoRef {
  const parts = splitUrl(url);
  if (DRIVE_HOSTS.has(parts.host)) return driveRef(parts);
  if (parts.scheme !== 'https') {
    return invalid(
      'not-https',
      'this image link does not start with https://: use an https link, or put the photo in Google Drive and link it from there.',
    );
  }
  return { kind: 'url', url };
}

function driveRef(parts: UrlParts): PhotoRef {
  const { segments, query } = parts;
  const resourceKey = query.get('resourcekey') ?? null;
  const dIndex = segments.indexOf('d');
  if (dIndex > 0) {
    const owner = (segments[dIndex - 1] ?? '').toLowerCase();
    const docKind = DOC_KINDS[owner];
    if (docKind) {
      return invalid(
        'google-doc',
        `this is ${docKind}, not a photo: link the image file itself (${SHARE_HINT}).`,
      );
    }
    return fileRef(segments[dIndex + 1] ?? '', resourceKey);
  }
  const lowered = segments.map((s) => s.toLowerCase());
  if (lowered.includes('folders') || lowered.some((s) => FOLDER_PAGES.has(s))) {
    return invalid(
      'folder',
      `this is a Drive folder, not a photo: open the folder, pick the product photo and use Share → Copy link.`,
    );
  }
  const id = query.get('id');
  if (id !== undefined) return fileRef(id, resourceKey);
  return invalid('drive-page', `this Google Drive link does not point to a file: ${SHARE_HINT}.`);
}

function fileRef(id: string, resourceKey: string | null): PhotoRef {
  if (DRIVE_ID.test(id)) return { kind: 'drive', fileId: id, resourceKey };
  return invalid(
    'incomplete-id',
    `the file id in this Google Drive link looks cut short: copy the link again (${SHARE_HINT}).`,
  );
}

function splitUrl(raw: string): UrlParts {
  const schemeMatch = /^(https?):\/\//i.exec(raw);
  const scheme = schemeMatch ? (schemeMatch[1]?.toLowerCase() as 'http' | 'https') : null;
  const rest = schemeMatch ? raw.slice(schemeMatch[0].length) : raw;
  const hostEnd = rest.search(/[/?#]/);
  const host = (hostEnd === -1 ? rest : rest.slice(0, hostEnd)).replace(/:\d+$/, '').toLowerCase();
  const afterHost = hostEnd === -1 ? '' : rest.slice(hostEnd);
  const hashAt = afterHost.indexOf('#');
  const beforeHash = hashAt === -1 ? afterHost : afterHost.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const queryText = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  return {
    scheme,
    host,
    segments: path.split('/').filter((s) => s !== ''),
    query: parseQuery(queryText),
  };
}

function parseQuery(text: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = safeDecode(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    // The first value wins, as Drive reads it.
    if (!query.has(key)) query.set(key, safeDecode(eq === -1 ? '' : pair.slice(eq + 1)));
  }
  return query;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function invalid(reason: PhotoInvalidReason, message: string): InvalidPhoto {
  return { kind: 'invalid', reason, message };
}
