/**
 * The slideshow as every route (the desktop page, the mobile page, tikwm) hands it over, and the one
 * failure shape they share, so the job code never needs to know which route answered.
 */

export interface Slide {
  /**
   * Signed mirror URLs of one image, `.jpeg`/`.jpg` entries first, the rest after, each exactly as TikTok sent
   * it: the signature covers the URL, so rewriting one makes the CDN refuse it. Try them in order; move to
   * the next on a 403.
   */
  readonly urls: readonly string[];
  /** In pixels; null when the route does not say (tikwm). */
  readonly width: number | null;
  readonly height: number | null;
}

export interface TikTokPost {
  readonly id: string;
  /** The @handle without the "@". */
  readonly author: string;
  readonly nickname: string;
  readonly caption: string;
  /** Without the "#", in caption order, no repeats. */
  readonly hashtags: readonly string[];
  readonly music: { readonly title: string; readonly author: string } | null;
  readonly slides: readonly Slide[];
}

export type FetchFailureReason =
  | 'unavailable'
  | 'private-post'
  | 'private-account'
  | 'user-not-found'
  | 'region-locked'
  | 'unknown-status'
  | 'not-a-slideshow'
  | 'no-slides'
  | 'age-restricted'
  | 'challenge'
  | 'stub-page'
  | 'login-wall'
  | 'malformed'
  | 'wrong-post'
  | 'not-found'
  | 'blocked'
  | 'rate-limited'
  | 'server-error'
  | 'redirect';

export interface FetchFailure {
  readonly ok: false;
  readonly reason: FetchFailureReason;
  /** For the row's Status: what happened and, where there is one, what Jenny can do. */
  readonly message: string;
  /** Asking the same route again later may work (a block, a challenge, a rate limit). */
  readonly retryable: boolean;
  /** Another route (mobile page, tikwm) may see what this one could not. */
  readonly tryFallback: boolean;
}

export type PostResult = { readonly ok: true; readonly post: TikTokPost } | FetchFailure;

/** The manual route that no block can stop, offered whenever every automatic one may fail. */
export const MANUAL_ROUTE_HINT =
  'save the slides as images in a Drive folder and put that folder in the row instead of the link';

export function failure(
  reason: FetchFailureReason,
  message: string,
  flags: { retryable: boolean; tryFallback: boolean },
): FetchFailure {
  return { ok: false, reason, message, retryable: flags.retryable, tryFallback: flags.tryFallback };
}

/** JPEG first because every later step (Gemini, Drive) takes it; TikTok's `.webp`/`.heic` mirrors are spares. */
export function orderSlideUrls(urls: readonly string[]): string[] {
  const isJpeg = (url: string) => /\.jpe?g$/i.test(url.split(/[?#]/, 1)[0] ?? '');
  return [...urls.filter(isJpeg), ...urls.filter((url) => !isJpeg(url))];
}

/** Hashtags from TikTok's own list when it has one, else from the caption text. */
export function collectHashtags(caption: string, listed: readonly string[] | null): string[] {
  const raw = listed ?? Array.from(caption.matchAll(/#([\p{L}\p{N}_]+)/gu), (m) => m[1] ?? '');
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of raw) {
    const trimmed = tag.trim();
    if (trimmed === '' || seen.has(trimmed.toLowerCase())) continue;
    seen.add(trimmed.toLowerCase());
    tags.push(trimmed);
  }
  return tags;
}
