/**
 * One hop of resolving a short link by hand. UrlFetchApp has no HEAD and, when it follows redirects
 * itself, hides where it ended up; so the caller fetches with `followRedirects: false`, hands the answer
 * here, and gets the next address, the post, or a dead end. The caller stops after MAX_SHORT_LINK_HOPS.
 */
import { checkLink, type PostKind } from '../../shared/links';

import { loginWall } from './page';
import { failure, type FetchFailure } from './post';

export const MAX_SHORT_LINK_HOPS = 5;

export type RedirectStep =
  | { readonly kind: 'next'; readonly url: string }
  | {
      readonly kind: 'resolved';
      readonly postId: string;
      readonly username: string | null;
      readonly postKind: PostKind;
      /** The long address, signed query and all, as TikTok sent it. */
      readonly url: string;
    }
  | { readonly kind: 'dead-end'; readonly failure: FetchFailure };

export interface RedirectResponse {
  readonly status: number;
  /** The `Location` header, absolute or relative; null when absent. */
  readonly location: string | null;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function nextRedirectStep(response: RedirectResponse, currentUrl: string): RedirectStep {
  const { status, location } = response;
  if (REDIRECT_STATUSES.has(status)) {
    if (!location) {
      return deadEnd(
        failure('malformed', 'TikTok redirected this short link without saying where to.', {
          retryable: true,
          tryFallback: true,
        }),
      );
    }
    return classifyDestination(resolveLocation(location, currentUrl));
  }
  return deadEnd(statusWithoutRedirect(status));
}

function classifyDestination(url: string): RedirectStep {
  const parts = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(url);
  const host = (parts?.[1] ?? '').toLowerCase().replace(/:\d+$/, '');
  const path = (parts?.[2] ?? '').replace(/\/+$/, '').toLowerCase();
  if (!/(?:^|\.)tiktokv?\.com$/.test(host)) {
    return deadEnd(
      failure('not-found', `This short link leads outside TikTok (to ${host || 'nowhere'}), not to a post.`, {
        retryable: false,
        tryFallback: false,
      }),
    );
  }
  // Checked before the link shapes: "/notfound" on vm.tiktok.com would otherwise pass for a short code.
  if (path === '' || path === '/foryou' || path === '/notfound') return deadEnd(postGone());
  if (path === '/login' || path.startsWith('/login/')) return deadEnd(loginWall());

  const check = checkLink(url);
  if (check.status === 'post') {
    return { kind: 'resolved', postId: check.postId, username: check.username, postKind: check.kind, url };
  }
  if (check.status === 'short') return { kind: 'next', url };
  if (check.reason === 'profile' || check.reason === 'not-a-post-page') {
    return deadEnd(
      failure('not-found', `This short link leads to a TikTok page that is not a post: ${check.message}`, {
        retryable: false,
        tryFallback: false,
      }),
    );
  }
  // Some other TikTok address: it may redirect again; the hop limit stops a loop.
  return { kind: 'next', url };
}

function postGone(): FetchFailure {
  return failure(
    'not-found',
    'This short link no longer leads to a post: the post was deleted or is blocked, or the link was copied incompletely.',
    { retryable: false, tryFallback: false },
  );
}

function statusWithoutRedirect(status: number): FetchFailure {
  if (status === 404 || status === 410) return postGone();
  if (status === 429) {
    return failure(
      'rate-limited',
      'TikTok is limiting how fast links can be opened; the row will be tried again.',
      {
        retryable: true,
        tryFallback: true,
      },
    );
  }
  if (status === 403) {
    return failure(
      'blocked',
      'TikTok refused to open this short link for the add-on; the row will be tried again.',
      {
        retryable: true,
        tryFallback: true,
      },
    );
  }
  if (status >= 500) {
    return failure('server-error', `TikTok had a problem (error ${status}); the row will be tried again.`, {
      retryable: true,
      tryFallback: true,
    });
  }
  return failure(
    'stub-page',
    `TikTok answered this short link (status ${status}) without saying which post it leads to; the row will be tried again.`,
    { retryable: true, tryFallback: true },
  );
}

function deadEnd(reason: FetchFailure): RedirectStep {
  return { kind: 'dead-end', failure: reason };
}

/** A `Location` value made absolute against the address that sent it (RFC 3986 reference forms). */
export function resolveLocation(location: string, baseUrl: string): string {
  const trimmed = location.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  const base = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(baseUrl);
  if (!base) return trimmed;
  const [, scheme = 'https:', authority = '', basePath = '', baseQuery = ''] = base;
  if (trimmed.startsWith('//')) return `${scheme}${trimmed}`;
  if (trimmed.startsWith('/')) return `${scheme}//${authority}${trimmed}`;
  if (trimmed === '' || trimmed.startsWith('#'))
    return `${scheme}//${authority}${basePath}${baseQuery}${trimmed}`;
  if (trimmed.startsWith('?')) return `${scheme}//${authority}${basePath}${trimmed}`;
  const directory = basePath.slice(0, basePath.lastIndexOf('/') + 1) || '/';
  return `${scheme}//${authority}${directory}${trimmed}`;
}
