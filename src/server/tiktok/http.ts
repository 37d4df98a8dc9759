/**
 * Every request the TikTok ingest sends, as plain descriptions the engine hands to UrlFetchApp.fetchAll,
 * and the readers for their answers. Nothing here sends anything.
 */
import {
  ANDROID_CHROME_USER_AGENT,
  DESKTOP_CHROME_USER_AGENT,
  LINK_PREVIEW_USER_AGENT,
  mobilePageUrl,
  parseTikwmResponse,
  tikwmApiUrl,
} from './fallbacks';
import { parsePostPage } from './page';
import { failure, type FetchFailure, type PostResult } from './post';
import { nextRedirectStep } from './redirect';

/** The fields of UrlFetchApp's request object that these requests use. */
export interface TikTokRequest {
  readonly url: string;
  readonly method: 'get';
  readonly headers: Readonly<Record<string, string>>;
  readonly followRedirects: boolean;
  readonly muteHttpExceptions: true;
}

export interface TikTokResponse {
  readonly status: number;
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: string;
}

const ACCEPT_HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function get(url: string, headers: Record<string, string>, followRedirects: boolean): TikTokRequest {
  return { url, method: 'get', headers, followRedirects, muteHttpExceptions: true };
}

/** `https://www.tiktok.com/@{username or _}/video/{id}`: TikTok serves photo posts at `/video/` too. */
export function desktopPageUrl(postId: string, username: string | null): string {
  return `https://www.tiktok.com/@${username ?? '_'}/video/${postId}`;
}

/** One hop of a short link; read the answer with `nextRedirectStep`. */
export function shortLinkRequest(url: string): TikTokRequest {
  return get(url, { 'User-Agent': LINK_PREVIEW_USER_AGENT }, false);
}

// Pages are fetched without following redirects so a bounce to /login or the home page is visible.
export function desktopPageRequest(postId: string, username: string | null): TikTokRequest {
  return get(
    desktopPageUrl(postId, username),
    { 'User-Agent': DESKTOP_CHROME_USER_AGENT, Accept: ACCEPT_HTML, 'Accept-Language': 'en-US,en;q=0.9' },
    false,
  );
}

export function mobilePageRequest(postId: string): TikTokRequest {
  return get(
    mobilePageUrl(postId),
    { 'User-Agent': ANDROID_CHROME_USER_AGENT, Accept: ACCEPT_HTML, 'Accept-Language': 'en-US,en;q=0.9' },
    false,
  );
}

export function tikwmRequest(target: string): TikTokRequest {
  return get(tikwmApiUrl(target), { Accept: 'application/json' }, true);
}

/** The signed slide URL exactly as the page listed it; the CDN checks the Referer. */
export function imageRequest(url: string): TikTokRequest {
  return get(
    url,
    {
      'User-Agent': DESKTOP_CHROME_USER_AGENT,
      Referer: 'https://www.tiktok.com/',
      Accept: 'image/jpeg,image/*',
    },
    true,
  );
}

export function headerValue(response: TikTokResponse, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return typeof value === 'string' ? value : (value[0] ?? null);
  }
  return null;
}

/** A page answer that points elsewhere: fetch `nextUrl` (same request kind) and read that instead. */
export interface PageRedirect extends FetchFailure {
  readonly reason: 'redirect';
  readonly nextUrl: string;
}

/** The answer to `desktopPageRequest` or `mobilePageRequest`. */
export function readPageResponse(
  response: TikTokResponse,
  requestUrl: string,
  expectedPostId?: string,
): PostResult | PageRedirect {
  if (response.status >= 300 && response.status < 400) {
    const step = nextRedirectStep(
      { status: response.status, location: headerValue(response, 'location') },
      requestUrl,
    );
    if (step.kind === 'dead-end') return step.failure;
    return {
      ...failure('redirect', 'TikTok moved this page; the new address has to be fetched.', {
        retryable: true,
        tryFallback: false,
      }),
      reason: 'redirect',
      nextUrl: step.url,
    };
  }
  return httpFailure(response.status, 'TikTok') ?? parsePostPage(response.body, expectedPostId);
}

/** The answer to `tikwmRequest`. */
export function readTikwmResponse(response: TikTokResponse, expectedPostId?: string): PostResult {
  const refused = httpFailure(response.status, 'tikwm.com');
  if (refused) return { ...refused, tryFallback: false };
  return parseTikwmResponse(response.body, expectedPostId);
}

/** What a non-2xx status says, before the body is worth reading; null for a 2xx. */
export function httpFailure(status: number, site: string): FetchFailure | null {
  if (status >= 200 && status < 300) return null;
  if (status === 404 || status === 410) {
    return failure('not-found', `${site} has no page for this post: it was probably deleted.`, {
      retryable: false,
      tryFallback: true,
    });
  }
  if (status === 429) {
    return failure(
      'rate-limited',
      `${site} is limiting how fast posts can be fetched; the row will be tried again.`,
      {
        retryable: true,
        tryFallback: true,
      },
    );
  }
  if (status === 401 || status === 403) {
    return failure('blocked', `${site} refused the request (error ${status}); the row will be tried again.`, {
      retryable: true,
      tryFallback: true,
    });
  }
  return failure('server-error', `${site} had a problem (error ${status}); the row will be tried again.`, {
    retryable: status >= 500,
    tryFallback: true,
  });
}

export type ImageOutcome = 'ok' | 'next-mirror' | 'retry-later';

/**
 * The answer to `imageRequest`. A refused or missing mirror is not the end: the slide has other mirrors.
 * A 403 on every mirror usually means the signed URLs expired: fetch the page again for fresh ones.
 */
export function readImageResponse(status: number, contentType: string | null): ImageOutcome {
  if (status === 429 || status >= 500) return 'retry-later';
  if (status >= 200 && status < 300) {
    return contentType === null || contentType.toLowerCase().startsWith('image/') ? 'ok' : 'next-mirror';
  }
  return 'next-mirror';
}
