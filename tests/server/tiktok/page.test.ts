import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parsePostPage } from '../../../src/server/tiktok/page';
import type { FetchFailure, PostResult, TikTokPost } from '../../../src/server/tiktok/post';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/tiktok', name), 'utf8');
const POST_ID = '7401234567890123456';

function expectPost(result: PostResult): TikTokPost {
  if (!result.ok) throw new Error(`expected a post, got ${result.reason}: ${result.message}`);
  return result.post;
}

function expectFailure(result: PostResult): FetchFailure {
  if (result.ok) throw new Error(`expected a failure, got post ${result.post.id}`);
  return result;
}

describe('parsePostPage: a photo slideshow', () => {
  test.each(['photo-desktop.html', 'photo-mobile-reflow.html'])('%s gives the whole post', (name) => {
    const post = expectPost(parsePostPage(fixture(name), POST_ID));
    expect(post).toMatchObject({
      id: POST_ID,
      author: 'lisbon.bites',
      nickname: 'Lisbon Bites 🇵🇹',
      caption: "3 places to eat in Lisbon you can't miss 🍽️ #lisbon #foodtok #travelportugal",
      hashtags: ['lisbon', 'foodtok', 'travelportugal'],
      music: { title: 'original sound - lisbon.bites', author: 'Lisbon Bites' },
    });
    expect(post.slides.map((slide) => [slide.width, slide.height])).toEqual([
      [1080, 1440],
      [1080, 1920],
      [1440, 1080],
    ]);
    expect(post.slides.map((slide) => slide.urls.length)).toEqual([2, 1, 2]);
  });

  test('JPEG mirrors come first and every URL is kept byte for byte', () => {
    const html = fixture('photo-desktop.html');
    const post = expectPost(parsePostPage(html));
    const third = post.slides[2];
    expect(third?.urls[0]).toMatch(/^https:\/\/p19-sign\.tiktokcdn-us\.com\/.*\.jpeg\?/);
    expect(third?.urls[1]).toMatch(/\.webp\?/);
    for (const url of post.slides.flatMap((slide) => slide.urls)) {
      expect(url).toContain('x-signature=');
      expect(html).toContain(url);
    }
    // The first slide's mirrors keep TikTok's own order.
    expect(post.slides[0]?.urls[0]).toMatch(/^https:\/\/p16-sign-va\.tiktokcdn\.com\//);
  });

  test('the cover and share cover are not slides', () => {
    const post = expectPost(parsePostPage(fixture('photo-desktop.html')));
    expect(post.slides.flatMap((slide) => slide.urls).some((url) => /c0ver1/.test(url))).toBe(false);
  });

  test('a page for another post is refused when the id is known', () => {
    const failure = expectFailure(parsePostPage(fixture('photo-desktop.html'), '7401234567890000000'));
    expect(failure).toMatchObject({ reason: 'wrong-post', tryFallback: true });
  });

  test('hashtags come from the caption when textExtra lists none', () => {
    const html = fixture('photo-desktop.html').replace(/"hashtagName": "[a-z]+"/g, '"hashtagName": ""');
    const post = expectPost(parsePostPage(html));
    expect(post.hashtags).toEqual(['lisbon', 'foodtok', 'travelportugal']);
  });
});

describe('parsePostPage: every way a page holds no slideshow', () => {
  test.each([
    ['status-unavailable-10204.html', 'unavailable', false, true, /not available/],
    ['status-private-post-10216.html', 'private-post', false, false, /private/],
    ['status-private-account-10222.html', 'private-account', false, false, /private account/],
    ['status-user-not-found-10221.html', 'user-not-found', false, true, /cannot find the account/],
    ['status-region-locked-10231.html', 'region-locked', false, true, /region/],
    ['status-unknown-status-10299.html', 'unknown-status', true, true, /10299.*something new/],
    ['video.html', 'not-a-slideshow', false, false, /this is a video, not a photo slideshow/i],
    ['age-gated.html', 'age-restricted', false, true, /adults/],
    ['challenge.html', 'challenge', true, true, /robot check/],
    ['stub.html', 'stub-page', true, true, /empty page/],
    ['login.html', 'login-wall', false, true, /log in/],
    ['malformed.html', 'malformed', false, true, /could not be read/],
    ['item-without-author.html', 'malformed', false, true, /author/],
  ])('%s → %s', (name, reason, retryable, tryFallback, message) => {
    const failure = expectFailure(parsePostPage(fixture(name)));
    expect(failure).toMatchObject({ ok: false, reason, retryable, tryFallback });
    expect(failure.message).toMatch(message);
  });

  test('failures a person can work around point to the Drive folder route', () => {
    for (const name of ['status-private-post-10216.html', 'age-gated.html', 'login.html']) {
      expect(expectFailure(parsePostPage(fixture(name))).message).toMatch(/Drive folder/);
    }
  });

  test('a slideshow with no pictures is not a post', () => {
    const html = fixture('photo-desktop.html').replace(
      /"images": \[[\s\S]*?\]\s*\}\s*,\s*"stickersOnItem"/,
      '"images": [] }, "stickersOnItem"',
    );
    expect(expectFailure(parsePostPage(html))).toMatchObject({ reason: 'no-slides' });
  });

  test('script attributes in another order and single quotes are still found', () => {
    const html = fixture('photo-desktop.html').replace(
      '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">',
      "<script type='application/json' id='__UNIVERSAL_DATA_FOR_REHYDRATION__' nonce='x'>",
    );
    expect(expectPost(parsePostPage(html)).id).toBe(POST_ID);
  });

  test('an empty string and random text are stubs, not crashes', () => {
    expect(expectFailure(parsePostPage(''))).toMatchObject({ reason: 'stub-page' });
    expect(expectFailure(parsePostPage('<html>{"statusCode":0}</html>'))).toMatchObject({
      reason: 'stub-page',
    });
  });

  test('JSON of the wrong shape is malformed', () => {
    const page = (json: string) =>
      `<html><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${json}</script></body></html>`;
    expect(expectFailure(parsePostPage(page('[1,2]')))).toMatchObject({ reason: 'malformed' });
    expect(
      expectFailure(parsePostPage(page('{"__DEFAULT_SCOPE__":{"webapp.video-detail":{"statusMsg":"ok"}}}'))),
    ).toMatchObject({ reason: 'malformed' });
    expect(
      expectFailure(
        parsePostPage(page('{"__DEFAULT_SCOPE__":{"webapp.video-detail":{"statusCode":0,"itemInfo":{}}}}')),
      ),
    ).toMatchObject({ reason: 'malformed' });
  });
});
