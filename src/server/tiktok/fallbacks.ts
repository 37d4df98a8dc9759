/**
 * The routes to try when TikTok's desktop page holds nothing: the mobile page, then tikwm.com (a free
 * third-party service many download tools use). Both give the same post shape as the desktop page.
 */
import { z } from 'zod';

import { collectHashtags, failure, MANUAL_ROUTE_HINT, orderSlideUrls, type PostResult } from './post';

// Apps Script's UrlFetchApp may replace or extend a User-Agent header with its own
// ("...Google-Apps-Script..."); these are sent anyway because they cost nothing and help where honoured.

/** TikTok serves its full page to desktop browsers most often. */
export const DESKTOP_CHROME_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
/** With an Android browser's User-Agent, the mobile page more often carries the data to datacenter IPs. */
export const ANDROID_CHROME_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
/** Link-preview crawlers get a plain redirect from short links instead of a script page. */
export const LINK_PREVIEW_USER_AGENT = 'facebookexternalhit/1.1';

export function mobilePageUrl(postId: string): string {
  return `https://m.tiktok.com/v/${postId}.html`;
}

/** `target` is a post id or a TikTok link (tikwm resolves short links itself). */
export function tikwmApiUrl(target: string): string {
  return `https://www.tikwm.com/api/?url=${encodeURIComponent(target)}&hd=1`;
}

/** The free tier answers about one request per second; callers space their requests by this much. */
export const TIKWM_MIN_INTERVAL_MS = 1100;

const tikwmEnvelopeSchema = z.object({
  code: z.number().int(),
  msg: z.string().optional(),
  data: z.unknown().optional(),
});

const tikwmPostSchema = z.object({
  id: z.union([z.string().regex(/^\d{15,21}$/), z.number().int().transform(String)]),
  title: z.string().default(''),
  author: z.object({ unique_id: z.string().min(1), nickname: z.string().default('') }),
  images: z.array(z.string().min(1)).optional(),
  music_info: z.object({ title: z.string().default(''), author: z.string().default('') }).optional(),
});

export function parseTikwmResponse(body: string, expectedPostId?: string): PostResult {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return tikwmMalformed('its answer was not JSON');
  }
  const envelope = tikwmEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return tikwmMalformed('its answer had no result code');
  const { code, msg, data } = envelope.data;
  if (code !== 0) return tikwmError(msg ?? '');

  const parsed = tikwmPostSchema.safeParse(data);
  if (!parsed.success) return tikwmMalformed('its answer had no post in it');
  const post = parsed.data;
  if (expectedPostId !== undefined && post.id !== expectedPostId) {
    return failure(
      'wrong-post',
      `tikwm.com answered with a different post (${post.id}) than the link names (${expectedPostId}).`,
      { retryable: false, tryFallback: false },
    );
  }
  if (!post.images || post.images.length === 0) {
    return failure(
      'not-a-slideshow',
      'This is a video, not a photo slideshow: only photo posts (pictures you swipe through) can be remade.',
      { retryable: false, tryFallback: false },
    );
  }
  return {
    ok: true,
    post: {
      id: post.id,
      author: post.author.unique_id,
      nickname: post.author.nickname,
      caption: post.title,
      hashtags: collectHashtags(post.title, null),
      music: post.music_info ? { title: post.music_info.title, author: post.music_info.author } : null,
      // tikwm gives one address per slide and no size.
      slides: post.images.map((url) => ({ urls: orderSlideUrls([url]), width: null, height: null })),
    },
  };
}

function tikwmError(message: string): PostResult {
  if (/limit|too many|frequent/i.test(message)) {
    return failure(
      'rate-limited',
      'tikwm.com asked to slow down (about one request per second); the row will be tried again.',
      {
        retryable: true,
        tryFallback: false,
      },
    );
  }
  const said = message ? ` ("${message}")` : '';
  return failure(
    'unavailable',
    `Neither TikTok nor tikwm.com gave this post${said}. If it opens in your browser, ${MANUAL_ROUTE_HINT}.`,
    { retryable: false, tryFallback: false },
  );
}

function tikwmMalformed(detail: string): PostResult {
  return failure('malformed', `tikwm.com could not be read (${detail}); the row will be tried again.`, {
    retryable: true,
    tryFallback: false,
  });
}
