/**
 * The simulated TikTok behind the emulator's UrlFetchApp: post pages (desktop and mobile), short links,
 * the image CDN and the tikwm.com fallback. Any post id is a slideshow derived from the id; the ids in
 * RESERVED_POSTS (tiktok-posts.ts) play the failures TikTok serves to datacenter IPs. Deterministic: the
 * same seed and the same requests at the same virtual times give the same answers.
 *
 *   const tiktok = createTikTokSim({ latencyMs: 200, failureRate: 0.05, seed: 7 });
 *   world.router.registerAll(tiktok.handlers);
 *   ...; expect(tiktok.counters['www.tiktok.com']).toBe(3);
 */
import type { HttpHandler, SimRequest, SimResponse } from '../core/http';
import { seededRandom } from './seeded-random';
import { CDN_HOSTS, createCdnServer } from './tiktok-cdn';
import {
  challengePageHtml,
  homePageHtml,
  loginPageHtml,
  notFoundPageHtml,
  postPageHtml,
  statusPageHtml,
  stubPageHtml,
  tikwmPostJson,
  type PageFlavour,
} from './tiktok-pages';
import { shortCodeTarget, simPost, type SimBehaviour, type SimPost } from './tiktok-posts';

export { RESERVED_POSTS, RESERVED_POST_IDS, RESERVED_SHORT_CODES, simPost } from './tiktok-posts';
export type { ReservedPost, SimBehaviour, SimPost, SimSlide } from './tiktok-posts';

export interface TikTokSimOptions {
  /** Milliseconds each answer takes: fixed, or per request. Defaults depend on the host (pages are slowest). */
  readonly latencyMs?: number | ((request: SimRequest, host: string) => number);
  /** Share of page, short-link and CDN requests that fail at random (stub, challenge or 503). 0 by default. */
  readonly failureRate?: number;
  /** Seeds the random failures. */
  readonly seed?: number;
  /** Width of the served JPEG slides; heights follow each post's aspect (3:4 or 9:16). 360 by default. */
  readonly slideWidth?: number;
  readonly jpegQuality?: number;
  /** tikwm's free tier: about one request per second. */
  readonly tikwmMinIntervalMs?: number;
}

export interface TikTokSim {
  /** For `HttpRouter.registerAll`. */
  readonly handlers: Readonly<Record<string, HttpHandler>>;
  /** Requests received, per host. */
  readonly counters: Record<string, number>;
  /** What the simulator says about a post, to compare results with. */
  post(postId: string): SimPost;
}

export const TIKTOK_SIM_HOSTS = [
  'www.tiktok.com',
  'tiktok.com',
  'm.tiktok.com',
  'vm.tiktok.com',
  'vt.tiktok.com',
  ...CDN_HOSTS,
  'www.tikwm.com',
] as const;

const STATUS_OF: Partial<Record<SimBehaviour, [number, string]>> = {
  unavailable: [10204, 'item doesn\u2019t exist'],
  'private-post': [10216, 'item is private'],
  'user-not-found': [10221, 'user not exist'],
  'private-account': [10222, 'author secret'],
  'region-locked': [10231, 'item region unavailable'],
};
const TIKWM_REFUSES: ReadonlySet<SimBehaviour> = new Set([
  'unavailable',
  'private-post',
  'user-not-found',
  'private-account',
  'age-gated',
  'blocked-everywhere',
]);
const TIKWM_PARSE_FAILED = {
  code: -1,
  msg: 'Url parsing is failed! Please check url.',
  processed_time: 0.09,
};
const TIKWM_LIMITED = { code: -1, msg: 'Free Api Limit: 1 request/second.', processed_time: 0.001 };

function defaultLatency(_request: SimRequest, host: string): number {
  if (host === 'www.tikwm.com') return 700;
  if ((CDN_HOSTS as readonly string[]).includes(host)) return 90;
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com') return 150;
  return 350;
}

function html(status: number, body: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body };
}

function redirect(status: 301 | 302, location: string): SimResponse {
  return html(status, '', { Location: location });
}

function json(value: unknown): SimResponse {
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  };
}

/** The long address a share link leads to, with the noise TikTok adds. */
function longPostUrl(post: SimPost, nowMs: number): string {
  const isVideo = post.behaviour === 'video';
  const query = [
    '_d=secCgYIASAHKAE',
    '_r=1',
    `aweme_type=${isVideo ? 0 : 150}`,
    ...(isVideo ? [] : [`pic_cnt=${post.slides.length}`]),
    'share_app_id=1233',
    `share_item_id=${post.id}`,
    'social_share_type=14',
    `timestamp=${Math.floor(nowMs / 1000)}`,
    'utm_campaign=client_share',
    'utm_medium=android',
    'utm_source=copy',
  ].join('&');
  return `https://www.tiktok.com/@${post.author}/${isVideo ? 'video' : 'photo'}/${post.id}?${query}`;
}

export function createTikTokSim(options: TikTokSimOptions = {}): TikTokSim {
  const slideWidth = options.slideWidth ?? 360;
  const failureRate = options.failureRate ?? 0;
  const tikwmInterval = options.tikwmMinIntervalMs ?? 1000;
  const chance = seededRandom(options.seed ?? 1);
  const serveImage = createCdnServer({ slideWidth, jpegQuality: options.jpegQuality ?? 80 });
  const counters: Record<string, number> = {};
  let lastTikwmAt: number | null = null;

  const postOf = (postId: string) => simPost(postId, slideWidth);
  const latencyOf = (request: SimRequest, host: string): number => {
    const latency = options.latencyMs;
    if (typeof latency === 'number') return latency;
    return (latency ?? defaultLatency)(request, host);
  };

  /** A random TikTok hiccup, drawn only when failures are switched on so the stream stays put otherwise. */
  function randomFailure(kind: 'page' | 'plain'): SimResponse | null {
    if (failureRate <= 0 || chance() >= failureRate) return null;
    if (kind === 'plain') return html(503, 'Service Unavailable');
    const pick = chance();
    if (pick < 0.4) return html(200, stubPageHtml());
    if (pick < 0.7) return html(200, challengePageHtml(Math.floor(chance() * 1e9)));
    return html(503, 'Service Unavailable');
  }

  function postPage(postId: string, flavour: PageFlavour, requestUrl: string, nowMs: number): SimResponse {
    const failure = randomFailure('page');
    if (failure) return failure;
    const post = postOf(postId);
    const status = STATUS_OF[post.behaviour];
    if (status) return html(200, statusPageHtml(status[0], status[1], flavour));
    switch (post.behaviour) {
      case 'challenge':
        return html(200, challengePageHtml(Number(postId.slice(-9))));
      case 'login-redirect':
        return redirect(
          302,
          `https://www.tiktok.com/login?redirect_url=${encodeURIComponent(requestUrl)}&lang=en`,
        );
      case 'stub-everywhere':
      case 'blocked-everywhere':
        return html(200, stubPageHtml());
      case 'desktop-stub':
        if (flavour === 'desktop') return html(200, stubPageHtml());
        break;
    }
    return html(200, postPageHtml(post, flavour, nowMs));
  }

  function shortLink(code: string, requestUrl: string, nowMs: number): SimResponse {
    const failure = randomFailure('plain');
    if (failure) return failure;
    const selfUrl = requestUrl.split(/[?#]/, 1)[0] ?? requestUrl;
    const target = shortCodeTarget(code, selfUrl);
    const status = requestUrl.includes('/t/') ? 302 : 301;
    return redirect(status, target.kind === 'post' ? longPostUrl(postOf(target.postId), nowMs) : target.url);
  }

  const mainSite: HttpHandler = (request, { now }) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const post = /^\/@[^/]*\/(?:video|photo)\/(\d{15,21})\/?$/.exec(path);
    if (post?.[1]) return postPage(post[1], 'desktop', request.url, now);
    const short = /^\/t\/([A-Za-z0-9_-]+)\/?$/.exec(path);
    if (short?.[1]) return shortLink(short[1], request.url, now);
    if (path === '/' || path === '') return html(200, homePageHtml());
    if (path === '/notfound') return html(200, notFoundPageHtml());
    if (path === '/login') return html(200, loginPageHtml());
    return html(404, notFoundPageHtml());
  };

  const mobileSite: HttpHandler = (request, { now }) => {
    const url = new URL(request.url);
    const post = /^\/v\/(\d{15,21})\.html$/.exec(url.pathname);
    if (post?.[1]) return postPage(post[1], 'mobile', request.url, now);
    return redirect(301, `https://www.tiktok.com${url.pathname}${url.search}`);
  };

  const shortSite: HttpHandler = (request, { now }) => {
    const url = new URL(request.url);
    const code = /^\/([A-Za-z0-9_-]+)\/?$/.exec(url.pathname)?.[1];
    return code ? shortLink(code, request.url, now) : redirect(301, 'https://www.tiktok.com/');
  };

  const bareSite: HttpHandler = (request) => {
    const url = new URL(request.url);
    return redirect(301, `https://www.tiktok.com${url.pathname}${url.search}`);
  };

  const cdn: HttpHandler = (request, { now }) =>
    randomFailure('plain') ?? serveImage(new URL(request.url), now);

  /** tikwm looks a post up by id or by any TikTok link, following short links itself. */
  function tikwmTarget(target: string): string | null {
    if (/^\d{15,21}$/.test(target)) return target;
    let address = target;
    for (let hop = 0; hop < 5; hop++) {
      const long = /^https?:\/\/[a-z.]*tiktok\.com\/(?:@[^/]*\/(?:video|photo)|v)\/(\d{15,21})/i.exec(
        address,
      );
      if (long?.[1]) return long[1];
      const short =
        /^https?:\/\/(?:vm\.tiktok\.com|vt\.tiktok\.com|(?:www\.)?tiktok\.com\/t)\/([A-Za-z0-9_-]+)/i.exec(
          address,
        );
      if (!short?.[1]) return null;
      const next = shortCodeTarget(short[1], address);
      if (next.kind === 'post') return next.postId;
      address = next.url;
    }
    return null;
  }

  const tikwm: HttpHandler = (request, { now }) => {
    const url = new URL(request.url);
    if (url.pathname !== '/api/' && url.pathname !== '/api') return html(404, '<h1>404 Not Found</h1>');
    if (lastTikwmAt !== null && now - lastTikwmAt < tikwmInterval) return json(TIKWM_LIMITED);
    lastTikwmAt = now;
    const postId = tikwmTarget((url.searchParams.get('url') ?? '').trim());
    if (postId === null) return json(TIKWM_PARSE_FAILED);
    const post = postOf(postId);
    if (TIKWM_REFUSES.has(post.behaviour)) return json(TIKWM_PARSE_FAILED);
    return json(tikwmPostJson(post, now));
  };

  const routes: Record<string, HttpHandler> = {
    'www.tiktok.com': mainSite,
    'tiktok.com': bareSite,
    'm.tiktok.com': mobileSite,
    'vm.tiktok.com': shortSite,
    'vt.tiktok.com': shortSite,
    'www.tikwm.com': tikwm,
  };
  for (const host of CDN_HOSTS) routes[host] = cdn;

  const handlers: Record<string, HttpHandler> = {};
  for (const [host, route] of Object.entries(routes)) {
    handlers[host] = (request, context) => {
      counters[host] = (counters[host] ?? 0) + 1;
      // UrlFetchApp has no HEAD, and nothing here takes a body.
      const response = request.method === 'GET' ? route(request, context) : html(405, 'Method Not Allowed');
      return { ...response, latencyMs: latencyOf(request, host) };
    };
  }

  return { handlers, counters, post: postOf };
}
