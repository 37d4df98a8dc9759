/**
 * Reads a TikTok post page (desktop `webapp.video-detail` or mobile `webapp.reflow.video.detail`) into a
 * post, or into the reason it holds none. TikTok changes its pages often and answers datacenter IPs with
 * stubs and challenges, so every way this can go wrong ends in a failure that says whether to retry or to
 * try another route.
 */
import { z } from 'zod';

import {
  collectHashtags,
  failure,
  MANUAL_ROUTE_HINT,
  orderSlideUrls,
  type FetchFailure,
  type PostResult,
  type Slide,
} from './post';

const DETAIL_SCOPES = ['webapp.video-detail', 'webapp.reflow.video.detail'] as const;

const UNIVERSAL_DATA_SCRIPT =
  /<script\b[^>]*\bid\s*=\s*["']?__UNIVERSAL_DATA_FOR_REHYDRATION__["']?[^>]*>([\s\S]*?)<\/script\s*>/i;
const CHALLENGE_DIV = /<div\b[^>]*\bid\s*=\s*["']?cs["'\s>]/i;
const LOGIN_TITLE = /<title[^>]*>[^<]*\blog\s?in\b/i;
const LOGIN_CANONICAL = /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*\/login\b/i;

const universalDataSchema = z.object({
  __DEFAULT_SCOPE__: z.record(z.string(), z.unknown()),
});

// Only the status first: failures (10216, ...) come with an empty itemInfo that the item schema would reject.
const detailSchema = z.object({
  statusCode: z.number().int(),
  statusMsg: z.string().optional(),
  itemInfo: z.object({ itemStruct: z.unknown().optional() }).optional(),
});

// What decides the kind of failure, read before the item must be complete: a gated item arrives stripped.
const itemShapeSchema = z.object({
  id: z.string().optional(),
  isContentClassified: z.boolean().optional(),
  imagePost: z.unknown().optional(),
});

const imageSchema = z.object({
  imageURL: z.object({ urlList: z.array(z.string().min(1)).min(1) }),
  imageWidth: z.number().nonnegative().optional(),
  imageHeight: z.number().nonnegative().optional(),
});

const itemSchema = z.object({
  id: z.string().regex(/^\d{15,21}$/),
  desc: z.string().default(''),
  author: z.object({ uniqueId: z.string().min(1), nickname: z.string().default('') }),
  music: z.object({ title: z.string().default(''), authorName: z.string().default('') }).optional(),
  textExtra: z.array(z.object({ hashtagName: z.string().optional() })).optional(),
  imagePost: z.object({ images: z.array(imageSchema) }),
});

type PageImage = z.infer<typeof imageSchema>;

export function parsePostPage(html: string, expectedPostId?: string): PostResult {
  const json = UNIVERSAL_DATA_SCRIPT.exec(html)?.[1];
  if (json === undefined) return pageWithoutData(html);

  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return malformed('its data could not be read');
  }
  const universal = universalDataSchema.safeParse(payload);
  if (!universal.success) return malformed('its data has no default scope');
  const scope = universal.data.__DEFAULT_SCOPE__;
  const detailValue = DETAIL_SCOPES.map((key) => scope[key]).find((value) => value !== undefined);
  if (detailValue === undefined) return pageWithoutData(html, Object.keys(scope));

  const detail = detailSchema.safeParse(detailValue);
  if (!detail.success) return malformed('the post details have no status');
  const { statusCode, statusMsg, itemInfo } = detail.data;
  if (statusCode !== 0) return statusFailure(statusCode, statusMsg);

  return itemResult(itemInfo?.itemStruct, expectedPostId);
}

function itemResult(itemValue: unknown, expectedPostId: string | undefined): PostResult {
  const shape = itemShapeSchema.safeParse(itemValue);
  if (itemValue === undefined || !shape.success) return malformed('the post details are missing');
  if (expectedPostId !== undefined && shape.data.id !== undefined && shape.data.id !== expectedPostId) {
    return failure(
      'wrong-post',
      `TikTok answered with a different post (${shape.data.id}) than the link names (${expectedPostId}).`,
      { retryable: false, tryFallback: true },
    );
  }
  if (shape.data.isContentClassified === true) {
    return failure(
      'age-restricted',
      `TikTok only shows this post to signed-in adults, so it cannot be fetched automatically: ${MANUAL_ROUTE_HINT}.`,
      { retryable: false, tryFallback: true },
    );
  }
  if (shape.data.imagePost === undefined || shape.data.imagePost === null) {
    return failure(
      'not-a-slideshow',
      'This is a video, not a photo slideshow: only photo posts (pictures you swipe through) can be remade.',
      { retryable: false, tryFallback: false },
    );
  }

  const item = itemSchema.safeParse(itemValue);
  if (!item.success) return malformed(`the post details are incomplete (${describeIssue(item.error)})`);
  const { id, desc, author, music, textExtra, imagePost } = item.data;
  if (imagePost.images.length === 0) {
    return failure(
      'no-slides',
      'This slideshow has no pictures in it (it may have been edited or removed).',
      {
        retryable: false,
        tryFallback: true,
      },
    );
  }
  // textExtra also lists @mentions (with an empty hashtagName); with no tag in it, read the caption.
  const listed = (textExtra ?? []).map((entry) => entry.hashtagName ?? '').filter((tag) => tag !== '');
  return {
    ok: true,
    post: {
      id,
      author: author.uniqueId,
      nickname: author.nickname,
      caption: desc,
      hashtags: collectHashtags(desc, listed.length > 0 ? listed : null),
      music: music ? { title: music.title, author: music.authorName } : null,
      slides: imagePost.images.map(toSlide),
    },
  };
}

function toSlide(image: PageImage): Slide {
  return {
    urls: orderSlideUrls(image.imageURL.urlList),
    width: image.imageWidth || null,
    height: image.imageHeight || null,
  };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'unknown';
}

/** A page with no post data: TikTok's robot check, its login wall, or a bare stub. */
function pageWithoutData(html: string, scopeKeys: readonly string[] = []): FetchFailure {
  if (CHALLENGE_DIV.test(html)) {
    return failure(
      'challenge',
      'TikTok answered with a robot check instead of the post; this usually passes, so the row will be tried again.',
      { retryable: true, tryFallback: true },
    );
  }
  if (LOGIN_TITLE.test(html) || LOGIN_CANONICAL.test(html) || scopeKeys.some((key) => /login/i.test(key))) {
    return loginWall();
  }
  return failure(
    'stub-page',
    'TikTok sent back an empty page instead of the post (it does this to requests it suspects are automated); the row will be tried again.',
    { retryable: true, tryFallback: true },
  );
}

export function loginWall(): FetchFailure {
  return failure(
    'login-wall',
    `TikTok asked to log in before showing this post. If it keeps asking, ${MANUAL_ROUTE_HINT}.`,
    { retryable: false, tryFallback: true },
  );
}

function malformed(detail: string): FetchFailure {
  return failure(
    'malformed',
    `TikTok's page was not in the shape this add-on knows (${detail}); TikTok may have changed its site.`,
    { retryable: false, tryFallback: true },
  );
}

function statusFailure(statusCode: number, statusMsg: string | undefined): FetchFailure {
  switch (statusCode) {
    case 10204:
      return failure(
        'unavailable',
        `TikTok says this post is not available: it was deleted, or TikTok blocked the request. If it opens in your browser, try again later or ${MANUAL_ROUTE_HINT}.`,
        { retryable: false, tryFallback: true },
      );
    case 10216:
      return failure(
        'private-post',
        `This post is private: only people its author chooses can see it. Ask the author to make it public, or ${MANUAL_ROUTE_HINT}.`,
        { retryable: false, tryFallback: false },
      );
    case 10222:
      return failure(
        'private-account',
        `This post belongs to a private account, so it cannot be fetched: ${MANUAL_ROUTE_HINT}.`,
        { retryable: false, tryFallback: false },
      );
    case 10221:
      // Another route looks the post up by its number alone, in case the handle in our address is stale.
      return failure(
        'user-not-found',
        'TikTok cannot find the account that posted this: it may have been renamed, banned or deleted.',
        { retryable: false, tryFallback: true },
      );
    case 10231:
      return failure(
        'region-locked',
        `This post is not shown in the region the requests come from: ${MANUAL_ROUTE_HINT}.`,
        { retryable: false, tryFallback: true },
      );
    default: {
      const said = statusMsg ? `: "${statusMsg}"` : '';
      return failure(
        'unknown-status',
        `TikTok answered with an unexpected status (${statusCode}${said}); the row will be tried again.`,
        { retryable: true, tryFallback: true },
      );
    }
  }
}
