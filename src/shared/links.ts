/**
 * What a Link cell holds: one TikTok post, a short link that still needs one redirect, or a reason the row
 * cannot be processed. Runs on the server (Apps Script V8) and in the sidebar, so it parses URLs by hand:
 * Apps Script has no `URL`.
 */

/** From the link's path only; the post page has the final word (a `/video/` link may still be a slideshow). */
export type PostKind = 'photo' | 'video' | 'unknown';

export interface PostLink {
  readonly status: 'post';
  /** 15 to 21 digits, as a string: it does not fit in a JavaScript number. */
  readonly postId: string;
  readonly username: string | null;
  readonly kind: PostKind;
  /**
   * `https://www.tiktok.com/@{username or _}/{photo|video}/{postId}`: `photo` only when the link said so,
   * `_` when the link had no handle (TikTok serves the page whatever handle is in it). Meant for people
   * (sheet cells, Drive metadata); two links to the same post may differ here, so compare `postId`.
   */
  readonly canonicalUrl: string;
}

export interface ShortLink {
  readonly status: 'short';
  /** `https://vm.tiktok.com/CODE/`, `https://vt.tiktok.com/CODE/` or `https://www.tiktok.com/t/CODE/`. */
  readonly shortUrl: string;
}

export type InvalidReason =
  | 'empty'
  | 'not-a-link'
  | 'not-tiktok'
  | 'profile'
  | 'not-a-post-page'
  | 'incomplete-post-number'
  | 'post-number-too-long'
  | 'no-post-found'
  | 'several-links';

export interface InvalidLink {
  readonly status: 'invalid';
  readonly reason: InvalidReason;
  /** A sentence for the Status cell: what is wrong and what to do. */
  readonly message: string;
}

export type LinkCheck = PostLink | ShortLink | InvalidLink;

const MIN_ID_DIGITS = 15;
const MAX_ID_DIGITS = 21;
const COPY_HINT = 'open the slideshow in TikTok and use Share → Copy link';
const PICK_HINT = 'open the slideshow you want and use Share → Copy link';

// Link characters are ASCII only (TikTok percent-encodes the rest): share sheets in some languages glue
// words or full-width punctuation to the link, and quotes and brackets around it must not stick either.
const CANDIDATE =
  /(?:https?:\/\/|\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}\.?(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#@!$&*+,;=%]*)?/gi;
const NOT_URL_CHARACTER = /[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]+/;
const MAX_TOKEN_LENGTH = 4096;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
// Bare hosts like "e.g." or "Mr.Smith" are prose; a bare host counts as a link with one of these endings.
const COMMON_TLDS = new Set('com net org io co me app ly gl be tv us uk'.split(' '));
const TIKTOK_HOST = /(?:^|\.)(?:tiktok|tiktokv|tiktokcdn|tiktokcdn-us)\.com$/;
const SHORT_LINK_HOSTS = new Set(['vm.tiktok.com', 'vt.tiktok.com']);
const HANDLE = /^[A-Za-z0-9._]{1,30}$/;
const NON_POST_PAGES: Readonly<Record<string, string>> = {
  tag: 'hashtag',
  music: 'sound',
  search: 'search',
  discover: 'topic',
  explore: 'explore',
  live: 'live',
};

interface Candidate {
  /** As found, trailing punctuation removed. */
  readonly text: string;
  readonly hasScheme: boolean;
  readonly host: string;
  readonly path: string;
}

function findCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  // Scanning token by token keeps the host pattern's backtracking to one short token, not the whole cell.
  for (const token of text.split(NOT_URL_CHARACTER)) {
    if (token.length < 4 || token.length > MAX_TOKEN_LENGTH) continue;
    for (const match of token.matchAll(CANDIDATE)) {
      const start = match.index ?? 0;
      // An e-mail address or an @handle that happens to contain a dot is not a link.
      if (start > 0 && token[start - 1] === '@') continue;
      const raw = match[0].replace(TRAILING_PUNCTUATION, '');
      const candidate = splitUrl(raw);
      if (candidate && looksLikeLink(candidate)) found.push(candidate);
    }
  }
  return found;
}

function splitUrl(raw: string): Candidate | null {
  const schemeMatch = /^(?:https?:)?\/\//i.exec(raw);
  const rest = schemeMatch ? raw.slice(schemeMatch[0].length) : raw;
  const hostEnd = rest.search(/[/?#]/);
  const hostPart = hostEnd === -1 ? rest : rest.slice(0, hostEnd);
  const afterHost = hostEnd === -1 ? '' : rest.slice(hostEnd);
  const host = hostPart.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  if (!host) return null;
  const pathEnd = afterHost.search(/[?#]/);
  const rawPath = pathEnd === -1 ? afterHost : afterHost.slice(0, pathEnd);
  return { text: raw, hasScheme: schemeMatch !== null, host, path: normalizePath(rawPath) };
}

function normalizePath(rawPath: string): string {
  let path = rawPath.replace(/\/{2,}/g, '/');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray "%" is not worth rejecting the link over; the shapes below only need "@".
    path = path.replace(/%40/gi, '@');
  }
  return path;
}

function looksLikeLink(candidate: Candidate): boolean {
  if (candidate.hasScheme || candidate.host.startsWith('www.') || isTikTokHost(candidate.host)) return true;
  const tld = candidate.host.slice(candidate.host.lastIndexOf('.') + 1);
  return candidate.path.length > 1 || COMMON_TLDS.has(tld);
}

function isTikTokHost(host: string): boolean {
  return TIKTOK_HOST.test(host);
}

function withScheme(candidate: Candidate): string {
  if (candidate.hasScheme) return candidate.text.replace(/^\/\//, 'https://');
  return `https://${candidate.text}`;
}

/**
 * The TikTok link inside a cell's text (share-sheet prose, quotes, brackets, trailing punctuation), with
 * `https://` added when it had no scheme; null when the text holds none. A link to a post or a short link
 * is preferred over other TikTok links in the same text.
 */
export function extractTikTokUrl(text: string): string | null {
  const tiktok = findCandidates(text).filter((c) => isTikTokHost(c.host));
  const best = tiktok.find((c) => classifyTikTok(c).status !== 'invalid') ?? tiktok[0];
  return best ? withScheme(best) : null;
}

/** Reads one Link cell. Never throws: every odd input becomes an `invalid` with a reason Jenny can act on. */
export function checkLink(cellText: string): LinkCheck {
  const text = typeof cellText === 'string' ? cellText : String(cellText ?? '');
  if (text.trim() === '') {
    return invalid('empty', `The Link cell is empty: paste a TikTok post link (${COPY_HINT}).`);
  }
  const candidates = findCandidates(text);
  const tiktok = candidates.filter((c) => isTikTokHost(c.host));
  if (tiktok.length === 0) {
    const other = candidates[0];
    if (other) {
      return invalid(
        'not-tiktok',
        `This is not a TikTok link (it points to ${other.host}): paste the link of a TikTok photo post.`,
      );
    }
    return invalid('not-a-link', `This is not a link: paste a TikTok post link (${COPY_HINT}).`);
  }

  const checks = tiktok.map(classifyTikTok);
  const usable = checks.filter((c): c is PostLink | ShortLink => c.status !== 'invalid');
  const distinct = new Set(usable.map(identityOf));
  if (distinct.size > 1) {
    return invalid(
      'several-links',
      `This cell holds ${distinct.size} different TikTok links: put one link per row.`,
    );
  }
  return usable[0] ?? checks[0] ?? invalid('no-post-found', noPostMessage());
}

function identityOf(check: PostLink | ShortLink): string {
  return check.status === 'post' ? `post:${check.postId}` : `short:${check.shortUrl}`;
}

function invalid(reason: InvalidReason, message: string): InvalidLink {
  return { status: 'invalid', reason, message };
}

function noPostMessage(): string {
  return `This looks like a TikTok link but no post could be found in it: ${COPY_HINT}.`;
}

function classifyTikTok(candidate: Candidate): LinkCheck {
  const { host, path } = candidate;
  const segments = path.split('/').filter((s) => s !== '');

  const short = shortLinkOf(host, segments);
  if (short) return short;

  const post = postShapeOf(segments);
  if (post)
    return post.idSegment === null
      ? invalid('no-post-found', noPostMessage())
      : postFrom(post.idSegment, post);

  const first = segments[0] ?? '';
  if (first.startsWith('@') && segments.length === 1) {
    return invalid('profile', `This is a TikTok profile (${first}), not a post: ${PICK_HINT}.`);
  }
  const page = NON_POST_PAGES[first.toLowerCase()];
  if (page) {
    return invalid('not-a-post-page', `This is a TikTok ${page} page, not a post: ${PICK_HINT}.`);
  }
  return invalid('no-post-found', noPostMessage());
}

function shortLinkOf(host: string, segments: readonly string[]): ShortLink | null {
  const code = /^[A-Za-z0-9_-]{3,40}$/;
  if (SHORT_LINK_HOSTS.has(host) && segments.length === 1 && code.test(segments[0] ?? '')) {
    return { status: 'short', shortUrl: `https://${host}/${segments[0]}/` };
  }
  const isMainSite = host === 'tiktok.com' || host === 'www.tiktok.com' || host === 'm.tiktok.com';
  if (isMainSite && segments.length === 2 && segments[0] === 't' && code.test(segments[1] ?? '')) {
    return { status: 'short', shortUrl: `https://www.tiktok.com/t/${segments[1]}/` };
  }
  return null;
}

interface PostShape {
  /** null when the shape is right but the last segment is missing. */
  readonly idSegment: string | null;
  readonly username: string | null;
  readonly kind: PostKind;
}

function postShapeOf(segments: readonly string[]): PostShape | null {
  const [first = '', second = '', third] = segments;
  const lowerSecond = second.toLowerCase();
  if (first.startsWith('@') && (lowerSecond === 'photo' || lowerSecond === 'video')) {
    const handle = first.slice(1);
    return {
      idSegment: third ?? null,
      username: HANDLE.test(handle) ? handle : null,
      kind: lowerSecond,
    };
  }
  const lowerFirst = first.toLowerCase();
  // These shapes carry no hint of the post's type (TikTok uses them for photo posts too).
  if (lowerFirst === 'v' && segments.length <= 2) {
    return { idSegment: second ? second.replace(/\.html$/i, '') : null, username: null, kind: 'unknown' };
  }
  if (lowerFirst === 'share' && (lowerSecond === 'video' || lowerSecond === 'photo')) {
    return { idSegment: third ? third.replace(/\.html$/i, '') : null, username: null, kind: 'unknown' };
  }
  if (lowerFirst === 'embed') {
    const id = lowerSecond === 'v2' ? third : second;
    return { idSegment: id ?? null, username: null, kind: 'unknown' };
  }
  if (lowerFirst === 'player' && lowerSecond === 'v1') {
    return { idSegment: third ?? null, username: null, kind: 'unknown' };
  }
  return null;
}

function postFrom(id: string, shape: PostShape): LinkCheck {
  if (!/^\d+$/.test(id)) return invalid('no-post-found', noPostMessage());
  if (id.length < MIN_ID_DIGITS) {
    return invalid(
      'incomplete-post-number',
      `The post number in this link is incomplete (${id.length} digits; TikTok posts have ${MIN_ID_DIGITS} to ${MAX_ID_DIGITS}): copy the link again from TikTok.`,
    );
  }
  if (id.length > MAX_ID_DIGITS) {
    return invalid(
      'post-number-too-long',
      `The post number in this link has ${id.length} digits, more than a TikTok post's ${MAX_ID_DIGITS}: check that two links were not pasted together, then copy it again from TikTok.`,
    );
  }
  return {
    status: 'post',
    postId: id,
    username: shape.username,
    kind: shape.kind,
    canonicalUrl: canonicalPostUrl(id, shape.username, shape.kind),
  };
}

/** See `PostLink.canonicalUrl`. */
export function canonicalPostUrl(postId: string, username: string | null, kind: PostKind): string {
  return `https://www.tiktok.com/@${username ?? '_'}/${kind === 'photo' ? 'photo' : 'video'}/${postId}`;
}

export interface LinkRow {
  /** The row's hidden id: its identity while rows move. */
  readonly rowId: string;
  /** Where the row is now, for the message only. */
  readonly rowNumber: number;
  readonly check: LinkCheck;
}

export interface Duplicate {
  readonly rowId: string;
  readonly firstRowId: string;
  readonly firstRowNumber: number;
  readonly message: string;
}

/**
 * Rows whose link names a post already named by an earlier row (the first occurrence wins, whatever shape
 * each link has). A short link is compared by its short URL until `resolvedShortLinks` (short URL as in
 * `ShortLink.shortUrl` → post id) says which post it is. Invalid rows are never duplicates.
 */
export function findDuplicates(
  rows: readonly LinkRow[],
  resolvedShortLinks: ReadonlyMap<string, string> = new Map(),
): Map<string, Duplicate> {
  const firstByKey = new Map<string, LinkRow>();
  const duplicates = new Map<string, Duplicate>();
  for (const row of rows) {
    const key = duplicateKey(row.check, resolvedShortLinks);
    if (key === null) continue;
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, row);
      continue;
    }
    duplicates.set(row.rowId, {
      rowId: row.rowId,
      firstRowId: first.rowId,
      firstRowNumber: first.rowNumber,
      message: `Duplicate of row ${first.rowNumber}: the same TikTok post is already there, so this row is skipped.`,
    });
  }
  return duplicates;
}

function duplicateKey(check: LinkCheck, resolved: ReadonlyMap<string, string>): string | null {
  if (check.status === 'post') return `post:${check.postId}`;
  if (check.status === 'short') {
    const postId = resolved.get(check.shortUrl);
    return postId ? `post:${postId}` : `short:${check.shortUrl}`;
  }
  return null;
}

export const MAX_LINKS_PER_BATCH = 100;

export type BatchSizeCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

export function validateBatchSize(count: number, max: number = MAX_LINKS_PER_BATCH): BatchSizeCheck {
  if (!Number.isFinite(count) || count <= 0) {
    return { ok: false, message: 'There are no links to process: paste TikTok links in the Link column.' };
  }
  if (count > max) {
    return {
      ok: false,
      message: `This batch has ${count} links; one batch can take at most ${max}. Run the first ${max} now and the remaining ${count - max} in a second batch.`,
    };
  }
  return { ok: true };
}
