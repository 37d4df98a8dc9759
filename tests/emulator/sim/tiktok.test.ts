import { decode } from 'jpeg-js';

import type { SimResponse } from '../../../emulator/core/http';
import {
  createTikTokSim,
  RESERVED_POST_IDS,
  RESERVED_POSTS,
  RESERVED_SHORT_CODES,
  TIKTOK_SIM_HOSTS,
  type TikTokSim,
} from '../../../emulator/sim/tiktok';
import { behaviourOf, postIdForShortCode } from '../../../emulator/sim/tiktok-posts';
import { readImageResponse, readPageResponse, readTikwmResponse } from '../../../src/server/tiktok/http';
import { parsePostPage } from '../../../src/server/tiktok/page';
import type { PostResult, TikTokPost } from '../../../src/server/tiktok/post';
import {
  MAX_SHORT_LINK_HOPS,
  nextRedirectStep,
  type RedirectStep,
} from '../../../src/server/tiktok/redirect';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const POST_ID = '7401234567890123456';

function send(sim: TikTokSim, url: string, now = NOW, method = 'GET'): SimResponse {
  const handler = sim.handlers[new URL(url).hostname];
  if (!handler) throw new Error(`no simulated host for ${url}`);
  return handler({ url, method, headers: {}, body: new Uint8Array() }, { now });
}

function text(response: SimResponse): string {
  return typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body);
}

function header(response: SimResponse, name: string): string | null {
  const value = response.headers?.[name];
  return typeof value === 'string' ? value : (value?.[0] ?? null);
}

function page(sim: TikTokSim, url: string, expectedId?: string, now = NOW) {
  const response = send(sim, url, now);
  return readPageResponse(
    { status: response.status, headers: response.headers ?? {}, body: text(response) },
    url,
    expectedId,
  );
}

function tikwm(sim: TikTokSim, target: string, now = NOW): PostResult {
  const response = send(sim, `https://www.tikwm.com/api/?url=${encodeURIComponent(target)}&hd=1`, now);
  return readTikwmResponse({
    status: response.status,
    headers: response.headers ?? {},
    body: text(response),
  });
}

function okPost(result: ReturnType<typeof page>): TikTokPost {
  if (!result.ok) throw new Error(`expected a post, got ${result.reason}: ${result.message}`);
  return result.post;
}

/** What the ingest does with a slide: mirrors in order, on to the next when one refuses. */
function downloadSlide(sim: TikTokSim, urls: readonly string[], now = NOW): Uint8Array | null {
  for (const url of urls) {
    const response = send(sim, url, now);
    const outcome = readImageResponse(response.status, header(response, 'Content-Type'));
    if (outcome === 'ok' && response.body instanceof Uint8Array) return response.body;
  }
  return null;
}

function resolveShortLink(sim: TikTokSim, url: string): RedirectStep & { hops: number } {
  let current = url;
  for (let hop = 1; hop <= MAX_SHORT_LINK_HOPS; hop++) {
    const response = send(sim, current);
    const step = nextRedirectStep(
      { status: response.status, location: header(response, 'Location') },
      current,
    );
    if (step.kind !== 'next') return { ...step, hops: hop };
    current = step.url;
  }
  return { kind: 'next', url: current, hops: MAX_SHORT_LINK_HOPS + 1 };
}

describe('simulated TikTok: a normal post', () => {
  const sim = createTikTokSim();
  const expected = sim.post(POST_ID);

  test.each([
    ['desktop', `https://www.tiktok.com/@_/video/${POST_ID}`],
    ['desktop, photo path', `https://www.tiktok.com/@${expected.author}/photo/${POST_ID}?is_from_webapp=1`],
    ['mobile', `https://m.tiktok.com/v/${POST_ID}.html`],
  ])('the %s page parses to the post the simulator describes', (_label, url) => {
    const post = okPost(page(sim, url, POST_ID));
    expect(post).toMatchObject({
      id: POST_ID,
      author: expected.author,
      nickname: expected.nickname,
      caption: expected.caption,
      hashtags: expected.hashtags,
      music: expected.music,
    });
    expect(post.slides.map((slide) => [slide.width, slide.height])).toEqual(
      expected.slides.map((slide) => [slide.width, slide.height]),
    );
    expect(expected.slides.length).toBeGreaterThanOrEqual(3);
    expect(expected.slides.length).toBeLessThanOrEqual(10);
  });

  test('the mobile page uses the reflow scope, the desktop page the video-detail scope', () => {
    expect(text(send(sim, `https://m.tiktok.com/v/${POST_ID}.html`))).toContain(
      '"webapp.reflow.video.detail"',
    );
    const desktop = text(send(sim, `https://www.tiktok.com/@_/video/${POST_ID}`));
    expect(desktop).toContain('"webapp.video-detail"');
    expect(desktop).toMatch(/<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application\/json">\{/);
  });

  test('every slide downloads as a real JPEG of the announced size, different from the others', () => {
    const post = okPost(page(sim, `https://www.tiktok.com/@_/video/${POST_ID}`));
    const decoded = post.slides.map((slide) => {
      const bytes = downloadSlide(sim, slide.urls);
      if (!bytes) throw new Error('slide did not download');
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      const image = decode(bytes, { useTArray: true });
      expect([image.width, image.height]).toEqual([slide.width, slide.height]);
      return Buffer.from(image.data).toString('base64');
    });
    expect(new Set(decoded).size).toBe(decoded.length);
  });

  test('the same id gives the same bytes in another simulator; slideWidth sets the size', () => {
    const url = okPost(page(sim, `https://www.tiktok.com/@_/video/${POST_ID}`)).slides[0]?.urls[0] ?? '';
    const again = createTikTokSim();
    expect(send(again, url).body).toEqual(send(sim, url).body);

    const wide = createTikTokSim({ slideWidth: 540 });
    const slide = okPost(page(wide, `https://www.tiktok.com/@_/video/${POST_ID}`)).slides[0];
    const image = decode(downloadSlide(wide, slide?.urls ?? []) ?? new Uint8Array(), { useTArray: true });
    expect(image.width).toBe(540);
    expect(image.height).toBe(slide?.height);
  });

  test('signed URLs refuse tampering, a swapped mirror host and expiry', () => {
    const urls = okPost(page(sim, `https://www.tiktok.com/@_/video/${POST_ID}`)).slides[0]?.urls ?? [];
    const url = urls.find((u) => u.includes('p19-sign')) ?? '';
    expect(send(sim, url).status).toBe(200);
    expect(send(sim, url.replace(/x-signature=./, 'x-signature=0')).status).toBe(403);
    expect(send(sim, url.replace('p19-sign.tiktokcdn-us.com', 'p16-sign-va.tiktokcdn.com')).status).toBe(403);
    expect(send(sim, url, NOW + 7 * 3600 * 1000).status).toBe(403);
  });
});

describe('simulated TikTok: mirrors', () => {
  const sim = createTikTokSim();

  test('the first mirror refuses for a reserved id, and the next mirror serves', () => {
    const id = RESERVED_POST_IDS['first-mirror-403'];
    const post = okPost(page(sim, `https://www.tiktok.com/@_/video/${id}`));
    for (const slide of post.slides) {
      const first = send(sim, slide.urls[0] ?? '');
      if (slide.urls[0]?.includes('p16-sign-va')) expect(first.status).toBe(403);
      expect(downloadSlide(sim, slide.urls)).not.toBeNull();
    }
    expect(post.slides.some((slide) => slide.urls[0]?.includes('p16-sign-va'))).toBe(true);
  });

  test('every mirror refuses for another reserved id', () => {
    const post = okPost(page(sim, `https://www.tiktok.com/@_/video/${RESERVED_POST_IDS['all-mirrors-403']}`));
    expect(post.slides.every((slide) => downloadSlide(sim, slide.urls) === null)).toBe(true);
  });

  test('a .webp listed first is put behind the .jpeg mirrors by the parser', () => {
    const id = RESERVED_POST_IDS['webp-first'];
    const html = text(send(sim, `https://www.tiktok.com/@_/video/${id}`));
    expect(html).toMatch(/"urlList":\["https:[^"]+\.webp\?/);
    const post = okPost(page(sim, `https://www.tiktok.com/@_/video/${id}`));
    for (const slide of post.slides) {
      expect(slide.urls[0]).toMatch(/\.jpeg\?/);
      expect(slide.urls[slide.urls.length - 1]).toMatch(/\.webp\?/);
      expect(send(sim, slide.urls[slide.urls.length - 1] ?? '').status).toBe(404);
    }
  });

  test('random ids mix webp-first slides and refusing first mirrors, and every slide still downloads', () => {
    const sim = createTikTokSim({ slideWidth: 96 });
    let webpFirst = 0;
    let refusing = 0;
    for (let n = 0; n < 25; n++) {
      const id = `74${String(1_000_000_000_000_000 + n * 7_919_000_013).padStart(17, '0')}`;
      const described = sim.post(id);
      if (described.behaviour !== 'normal') continue;
      webpFirst += described.slides.filter((slide) => slide.webpFirst).length;
      if (described.firstMirrorRefuses) refusing += 1;
      const post = okPost(page(sim, `https://www.tiktok.com/@_/video/${id}`, id));
      for (const slide of post.slides) expect(downloadSlide(sim, slide.urls)).not.toBeNull();
    }
    expect(webpFirst).toBeGreaterThan(0);
    expect(refusing).toBeGreaterThan(0);
  });
});

describe('simulated TikTok: short links', () => {
  const sim = createTikTokSim();

  test.each([
    ['https://vm.tiktok.com/ZMabc123/', 'ZMabc123', 301],
    ['https://vt.tiktok.com/ZSabc123/', 'ZSabc123', 301],
    ['https://www.tiktok.com/t/ZTabc123/', 'ZTabc123', 302],
  ])('%s redirects to a long photo URL derived from the code', (url, code, status) => {
    const response = send(sim, url);
    expect(response.status).toBe(status);
    const id = postIdForShortCode(code);
    expect(header(response, 'Location')).toMatch(
      new RegExp(`^https://www\\.tiktok\\.com/@[^/]+/photo/${id}\\?.*aweme_type=150`),
    );
    expect(resolveShortLink(sim, url)).toMatchObject({
      kind: 'resolved',
      postId: id,
      postKind: 'photo',
      hops: 1,
    });
    expect(behaviourOf(id)).toBe('normal');
  });

  test('ZMID<id> leads to that id, ZMHOP takes two hops', () => {
    const videoId = RESERVED_POST_IDS.video;
    expect(resolveShortLink(sim, `https://vm.tiktok.com/ZMID${videoId}/`)).toMatchObject({
      kind: 'resolved',
      postId: videoId,
      postKind: 'video',
    });
    expect(resolveShortLink(sim, 'https://vm.tiktok.com/ZMHOPxyz/')).toMatchObject({
      kind: 'resolved',
      postId: postIdForShortCode('ZTxyz'),
      hops: 2,
    });
  });

  test.each([
    [RESERVED_SHORT_CODES.home, 'not-found'],
    [RESERVED_SHORT_CODES.notFound, 'not-found'],
    [RESERVED_SHORT_CODES.login, 'login-wall'],
    ['abc', 'not-found'],
  ])('code %s is a dead end (%s)', (code, reason) => {
    expect(resolveShortLink(sim, `https://vm.tiktok.com/${code}/`)).toMatchObject({
      kind: 'dead-end',
      failure: { reason },
      hops: 1,
    });
  });

  test('a redirect loop runs into the hop limit', () => {
    expect(resolveShortLink(sim, `https://vm.tiktok.com/${RESERVED_SHORT_CODES.loop}/`)).toMatchObject({
      kind: 'next',
      hops: MAX_SHORT_LINK_HOPS + 1,
    });
  });

  test('short-link ids are never reserved ones', () => {
    for (let n = 0; n < 2000; n++)
      expect(behaviourOf(postIdForShortCode(`ZM${n.toString(36)}`))).toBe('normal');
  });
});

describe('simulated TikTok: every reserved id fails as documented', () => {
  const desktop = (id: string) => `https://www.tiktok.com/@_/video/${id}`;
  const mobile = (id: string) => `https://m.tiktok.com/v/${id}.html`;

  test.each([
    ['unavailable', 'unavailable', 'unavailable'],
    ['private-post', 'private-post', 'private-post'],
    ['user-not-found', 'user-not-found', 'user-not-found'],
    ['private-account', 'private-account', 'private-account'],
    ['region-locked', 'region-locked', 'region-locked'],
    ['video', 'not-a-slideshow', 'not-a-slideshow'],
    ['age-gated', 'age-restricted', 'age-restricted'],
    ['challenge', 'challenge', 'challenge'],
    ['desktop-stub', 'stub-page', null],
    ['login-redirect', 'login-wall', 'login-wall'],
    ['stub-everywhere', 'stub-page', 'stub-page'],
    ['blocked-everywhere', 'stub-page', 'stub-page'],
  ] as const)('%s: desktop → %s, mobile → %s', (behaviour, desktopReason, mobileReason) => {
    const sim = createTikTokSim();
    const id = RESERVED_POST_IDS[behaviour];
    expect(page(sim, desktop(id), id)).toMatchObject({ ok: false, reason: desktopReason });
    if (mobileReason === null) expect(okPost(page(sim, mobile(id), id)).id).toBe(id);
    else expect(page(sim, mobile(id), id)).toMatchObject({ ok: false, reason: mobileReason });
  });

  test.each([
    ['region-locked', true],
    ['challenge', true],
    ['desktop-stub', true],
    ['login-redirect', true],
    ['stub-everywhere', true],
    ['blocked-everywhere', false],
    ['private-post', false],
    ['age-gated', false],
  ] as const)('%s through tikwm: works = %s', (behaviour, works) => {
    const sim = createTikTokSim();
    const id = RESERVED_POST_IDS[behaviour];
    const result = tikwm(sim, id);
    if (works) {
      expect(result).toMatchObject({ ok: true, post: { id, author: sim.post(id).author } });
      if (result.ok) {
        expect(result.post.slides).toHaveLength(sim.post(id).slides.length);
        expect(result.post.slides.every((slide) => downloadSlide(sim, slide.urls) !== null)).toBe(true);
      }
    } else {
      expect(result).toMatchObject({ ok: false, reason: 'unavailable', tryFallback: false });
    }
  });

  test('a video through tikwm is not a slideshow either', () => {
    expect(tikwm(createTikTokSim(), RESERVED_POST_IDS.video)).toMatchObject({ reason: 'not-a-slideshow' });
  });

  test('the table documents every behaviour once, with a 19-digit id', () => {
    expect(new Set(RESERVED_POSTS.map((entry) => entry.suffix)).size).toBe(RESERVED_POSTS.length);
    for (const entry of RESERVED_POSTS) {
      expect(entry.id).toMatch(/^\d{19}$/);
      expect(behaviourOf(entry.id)).toBe(entry.behaviour);
    }
  });
});

describe('simulated tikwm', () => {
  test('takes links, short links included, and rate-limits at about one request per second', () => {
    const sim = createTikTokSim();
    expect(tikwm(sim, 'https://vm.tiktok.com/ZMabc123/')).toMatchObject({
      ok: true,
      post: { id: postIdForShortCode('ZMabc123') },
    });
    expect(tikwm(sim, POST_ID, NOW + 500)).toMatchObject({
      ok: false,
      reason: 'rate-limited',
      retryable: true,
    });
    expect(tikwm(sim, `https://www.tiktok.com/@x/photo/${POST_ID}`, NOW + 1000)).toMatchObject({
      ok: true,
      post: { id: POST_ID },
    });
    expect(tikwm(sim, 'https://example.com/nothing', NOW + 2000)).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });
});

describe('simulator controls', () => {
  test('counters count requests per host', () => {
    const sim = createTikTokSim();
    send(sim, `https://www.tiktok.com/@_/video/${POST_ID}`);
    send(sim, `https://m.tiktok.com/v/${POST_ID}.html`);
    send(sim, 'https://vm.tiktok.com/ZMabc/');
    send(sim, 'https://vm.tiktok.com/ZMdef/');
    expect(sim.counters).toEqual({ 'www.tiktok.com': 1, 'm.tiktok.com': 1, 'vm.tiktok.com': 2 });
  });

  test('latency is fixed or computed per request', () => {
    expect(send(createTikTokSim({ latencyMs: 123 }), 'https://vm.tiktok.com/ZMabc/').latencyMs).toBe(123);
    const byHost = createTikTokSim({ latencyMs: (_request, host) => (host === 'vm.tiktok.com' ? 5 : 50) });
    expect(send(byHost, 'https://vm.tiktok.com/ZMabc/').latencyMs).toBe(5);
    expect(send(byHost, `https://www.tiktok.com/@_/video/${POST_ID}`).latencyMs).toBe(50);
    expect(send(createTikTokSim(), `https://www.tiktok.com/@_/video/${POST_ID}`).latencyMs).toBeGreaterThan(
      0,
    );
  });

  test('a failure rate makes pages fail at random, repeatably for a seed, always retryable', () => {
    const outcomes = (seed: number) => {
      const sim = createTikTokSim({ failureRate: 0.5, seed });
      return Array.from({ length: 40 }, (_, n) => {
        const result = page(sim, `https://www.tiktok.com/@_/video/${POST_ID}`, POST_ID, NOW + n * 1000);
        if (!result.ok) expect(result.retryable).toBe(true);
        return result.ok ? 'ok' : result.reason;
      });
    };
    const first = outcomes(7);
    expect(outcomes(7)).toEqual(first);
    expect(first.filter((o) => o === 'ok').length).toBeGreaterThan(5);
    expect(first.filter((o) => o !== 'ok').length).toBeGreaterThan(5);
    expect(new Set(first)).toEqual(new Set(['ok', 'stub-page', 'challenge', 'server-error']));

    const always = createTikTokSim({ failureRate: 1 });
    expect(send(always, 'https://vm.tiktok.com/ZMabc/').status).toBe(503);
  });

  test('every host is served; unknown paths, the bare domain and other methods behave like a web server', () => {
    const sim = createTikTokSim();
    for (const host of TIKTOK_SIM_HOSTS) expect(sim.handlers[host]).toBeDefined();
    expect(send(sim, 'https://www.tiktok.com/some/where').status).toBe(404);
    expect(send(sim, `https://tiktok.com/@a/photo/${POST_ID}`)).toMatchObject({
      status: 301,
      headers: { Location: `https://www.tiktok.com/@a/photo/${POST_ID}` },
    });
    expect(send(sim, 'https://vm.tiktok.com/ZMabc/', NOW, 'POST').status).toBe(405);
    expect(send(sim, 'https://www.tiktok.com/').status).toBe(200);
    expect(parsePostPage(text(send(sim, 'https://www.tiktok.com/login')))).toMatchObject({
      reason: 'login-wall',
    });
  });
});
