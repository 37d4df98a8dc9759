import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { mobilePageUrl, parseTikwmResponse, tikwmApiUrl } from '../../../src/server/tiktok/fallbacks';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/tiktok', name), 'utf8');
const POST_ID = '7401234567890123456';

describe('fallback addresses', () => {
  test('the mobile page', () => {
    expect(mobilePageUrl(POST_ID)).toBe(`https://m.tiktok.com/v/${POST_ID}.html`);
  });

  test('tikwm takes an id or an encoded URL', () => {
    expect(tikwmApiUrl(POST_ID)).toBe(`https://www.tikwm.com/api/?url=${POST_ID}&hd=1`);
    expect(tikwmApiUrl('https://vm.tiktok.com/ZMabc/')).toBe(
      'https://www.tikwm.com/api/?url=https%3A%2F%2Fvm.tiktok.com%2FZMabc%2F&hd=1',
    );
  });
});

describe('parseTikwmResponse', () => {
  test('a photo post gives the same post shape as the page, sizes unknown', () => {
    const result = parseTikwmResponse(fixture('tikwm-photo.json'), POST_ID);
    expect(result).toEqual({
      ok: true,
      post: {
        id: POST_ID,
        author: 'lisbon.bites',
        nickname: 'Lisbon Bites 🇵🇹',
        caption: "3 places to eat in Lisbon you can't miss 🍽️ #lisbon #foodtok #travelportugal",
        hashtags: ['lisbon', 'foodtok', 'travelportugal'],
        music: { title: 'original sound - lisbon.bites', author: 'Lisbon Bites' },
        slides: [1, 2, 3].map((n) => ({
          urls: [expect.stringContaining(`x-signature=tw${n}%3D`)],
          width: null,
          height: null,
        })),
      },
    });
  });

  test('a video is not a slideshow', () => {
    expect(parseTikwmResponse(fixture('tikwm-video.json'))).toMatchObject({
      ok: false,
      reason: 'not-a-slideshow',
      tryFallback: false,
    });
  });

  test('the free-tier limit is retryable', () => {
    expect(parseTikwmResponse(fixture('tikwm-rate-limited.json'))).toMatchObject({
      ok: false,
      reason: 'rate-limited',
      retryable: true,
      tryFallback: false,
    });
  });

  test('a post tikwm cannot find is the end of the automatic routes, with the manual one offered', () => {
    const result = parseTikwmResponse(fixture('tikwm-not-found.json'));
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', retryable: false, tryFallback: false });
    if (!result.ok) expect(result.message).toMatch(/Url parsing is failed.*Drive folder/);
  });

  test('another post than the one asked for is refused', () => {
    expect(parseTikwmResponse(fixture('tikwm-photo.json'), '7401234567890000000')).toMatchObject({
      reason: 'wrong-post',
    });
  });

  test.each(['<html>busy</html>', '{"msg":"no code"}', '{"code":0,"data":{"id":"7401234567890123456"}}'])(
    'an unreadable answer (%s) is malformed and retryable',
    (body) => {
      expect(parseTikwmResponse(body)).toMatchObject({ ok: false, reason: 'malformed', retryable: true });
    },
  );
});
