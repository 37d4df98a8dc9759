/**
 * `ingest`, `ingest:mobile`, `ingest:tikwm`: the slideshow from one route each. A route that cannot see
 * the post hands over to the next one (a new item, so each route is bounded by its own few steps);
 * the last one fails the row with what every route said. Whichever route gets the post plans the rest
 * of the row's work.
 */
import type { RowRecord, StepContext, StepResult } from '../../engine/types';
import {
  desktopPageRequest,
  mobilePageRequest,
  readPageResponse,
  readTikwmResponse,
  tikwmRequest,
  type PageRedirect,
  type TikTokRequest,
} from '../../tiktok/http';
import type { FetchFailure, FetchFailureReason, TikTokPost } from '../../tiktok/post';
import { asTikTok, fromTikTok } from '../http';
import { fail, tiktokFailure } from '../failures';
import { jobSettingsOf } from '../job-settings';
import { ingestItem, planWork, type IngestInput, type IngestRoute } from '../plan';
import { json, type SourceResult } from '../results';
import { carryOf, response, send, type Step } from './common';

const ROUTE_NAMES: Record<IngestRoute, string> = {
  page: "TikTok's page",
  mobile: "TikTok's mobile page",
  tikwm: 'tikwm.com',
};
const NEXT_ROUTE: Record<IngestRoute, IngestRoute | null> = { page: 'mobile', mobile: 'tikwm', tikwm: null };

/** A few words per reason, for the list of what was tried. */
const SHORT_REASONS: Record<FetchFailureReason, string> = {
  unavailable: 'not available',
  'private-post': 'private post',
  'user-not-found': 'account not found',
  'private-account': 'private account',
  'region-locked': 'not shown in this region',
  'unknown-status': 'unexpected status',
  'not-a-slideshow': 'a video, not a slideshow',
  'no-slides': 'no pictures',
  'age-restricted': 'for signed-in adults only',
  challenge: 'robot check',
  'stub-page': 'empty page',
  'login-wall': 'login wall',
  malformed: 'unreadable answer',
  'wrong-post': 'a different post',
  'not-found': 'not found',
  blocked: 'refused',
  'rate-limited': 'rate limited',
  'server-error': 'server error',
  redirect: 'redirected',
};

/** Vague last words ("neither gave this post") lose to what an earlier route said precisely. */
const VAGUE: ReadonlySet<FetchFailureReason> = new Set([
  'unavailable',
  'malformed',
  'stub-page',
  'not-found',
]);

interface IngestCarry {
  url: string;
  redirects: number;
  first: { reason: FetchFailureReason; message: string } | null;
}

function requestFor(input: IngestInput): TikTokRequest {
  if (input.route === 'tikwm') return tikwmRequest(input.target);
  const postId = input.postId ?? '';
  return input.route === 'page' ? desktopPageRequest(postId, input.username) : mobilePageRequest(postId);
}

export const ingestStep: Step = (item, context, previous) => {
  const input = item.input as unknown as IngestInput;
  if (input.invalid) return fail({ kind: 'fatal', message: input.invalid });
  if (!previous) {
    const request = requestFor(input);
    return send([fromTikTok(request)], { url: request.url, redirects: 0, first: input.first ?? null });
  }
  const carry = carryOf<IngestCarry>(previous);
  const answer = asTikTok(response(previous));
  const read =
    input.route === 'tikwm'
      ? readTikwmResponse(answer, input.postId ?? undefined)
      : readPageResponse(answer, carry.url, input.postId ?? undefined);
  if (read.ok) return found(item.id, input, read.post, context);
  if (isRedirect(read) && carry.redirects === 0) {
    // One redirect (to the post's canonical address, say) is followed; a second is a dead end.
    const again: TikTokRequest = { ...requestFor(input), url: read.nextUrl };
    return send([fromTikTok(again)], { ...carry, url: read.nextUrl, redirects: 1 });
  }
  return failed(input, read, carry.first);
};

function isRedirect(read: FetchFailure | PageRedirect): read is PageRedirect {
  return read.reason === 'redirect' && typeof (read as Partial<PageRedirect>).nextUrl === 'string';
}

function failed(input: IngestInput, failure: FetchFailure, first: IngestCarry['first']): StepResult {
  const tried = [...input.tried, `${ROUTE_NAMES[input.route]}: ${SHORT_REASONS[failure.reason]}`];
  const earliest = first ?? { reason: failure.reason, message: failure.message };
  const next = NEXT_ROUTE[input.route];
  if (failure.tryFallback && next && input.postId) {
    return {
      kind: 'done',
      result: { fallback: failure.reason },
      newItems: [ingestItem({ ...input, route: next, tried, first: earliest })],
      event: `${ROUTE_NAMES[input.route]}: ${SHORT_REASONS[failure.reason]}; trying ${ROUTE_NAMES[next]}`,
    };
  }
  const said =
    VAGUE.has(failure.reason) && !VAGUE.has(earliest.reason)
      ? { ...failure, message: earliest.message }
      : failure;
  return fail(tiktokFailure(said, tried));
}

function found(itemId: string, input: IngestInput, post: TikTokPost, context: StepContext): StepResult {
  const row: RowRecord = context.row;
  const source: SourceResult = {
    route: input.route,
    link: row.link.trim(),
    postId: post.id,
    author: post.author,
    nickname: post.nickname,
    caption: post.caption,
    hashtags: [...post.hashtags],
    music: post.music ? { ...post.music } : null,
    folderId: null,
    folderName: null,
    tried: input.tried,
    // Two mirrors are plenty (JPEG first); the signed URLs are long and the state keeps them until saved.
    slides: post.slides.map((slide) => ({
      urls: slide.urls.slice(0, 2),
      driveFileId: null,
      name: null,
      mimeType: null,
      width: slide.width,
      height: slide.height,
    })),
  };
  const settings = jobSettingsOf(context.meta);
  return {
    kind: 'done',
    result: json(source),
    newItems: planWork(row, settings, itemId, source.slides.length),
    label: `@${post.author}`,
    event: `found ${post.slides.length} slides by @${post.author} via ${ROUTE_NAMES[input.route]}`,
  };
}
