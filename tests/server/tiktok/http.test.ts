import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  desktopPageRequest,
  imageRequest,
  mobilePageRequest,
  readImageResponse,
  readPageResponse,
  readTikwmResponse,
  shortLinkRequest,
  tikwmRequest,
} from '../../../src/server/tiktok/http';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/tiktok', name), 'utf8');
const POST_ID = '7401234567890123456';

describe('request descriptions', () => {
  test('a short link hop does not follow redirects and presents itself as a link preview', () => {
    expect(shortLinkRequest('https://vm.tiktok.com/ZMabc/')).toEqual({
      url: 'https://vm.tiktok.com/ZMabc/',
      method: 'get',
      headers: { 'User-Agent': 'facebookexternalhit/1.1' },
      followRedirects: false,
      muteHttpExceptions: true,
    });
  });

  test('the desktop page uses @_ when the handle is unknown, with a desktop browser User-Agent', () => {
    const request = desktopPageRequest(POST_ID, null);
    expect(request.url).toBe(`https://www.tiktok.com/@_/video/${POST_ID}`);
    expect(request.headers['User-Agent']).toMatch(/Windows NT.*Chrome/);
    expect(request.followRedirects).toBe(false);
    expect(desktopPageRequest(POST_ID, 'lisbon.bites').url).toBe(
      `https://www.tiktok.com/@lisbon.bites/video/${POST_ID}`,
    );
  });

  test('the mobile page uses an Android User-Agent', () => {
    const request = mobilePageRequest(POST_ID);
    expect(request.url).toBe(`https://m.tiktok.com/v/${POST_ID}.html`);
    expect(request.headers['User-Agent']).toMatch(/Android.*Mobile Safari/);
  });

  test('tikwm and images', () => {
    expect(tikwmRequest(POST_ID).url).toBe(`https://www.tikwm.com/api/?url=${POST_ID}&hd=1`);
    const signed =
      'https://p16-sign-va.tiktokcdn.com/x~tplv-photomode-image.jpeg?x-expires=1&x-signature=a%3D';
    expect(imageRequest(signed)).toMatchObject({
      url: signed,
      headers: { Referer: 'https://www.tiktok.com/' },
    });
  });
});

describe('readPageResponse', () => {
  const url = `https://www.tiktok.com/@_/video/${POST_ID}`;

  test('a 200 page is parsed', () => {
    const result = readPageResponse(
      { status: 200, headers: {}, body: fixture('photo-desktop.html') },
      url,
      POST_ID,
    );
    expect(result).toMatchObject({ ok: true, post: { id: POST_ID } });
  });

  test('a redirect to /login is a login wall', () => {
    const result = readPageResponse(
      { status: 302, headers: { Location: '/login?redirect_url=x' }, body: '' },
      url,
      POST_ID,
    );
    expect(result).toMatchObject({ ok: false, reason: 'login-wall', tryFallback: true });
  });

  test('a redirect to the post elsewhere says where to go next', () => {
    const result = readPageResponse(
      {
        status: 301,
        headers: { location: [`https://www.tiktok.com/@lisbon.bites/photo/${POST_ID}?lang=en`] },
        body: '',
      },
      url,
      POST_ID,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'redirect',
      nextUrl: `https://www.tiktok.com/@lisbon.bites/photo/${POST_ID}?lang=en`,
    });
  });

  test.each([
    [403, 'blocked', true],
    [404, 'not-found', false],
    [429, 'rate-limited', true],
    [502, 'server-error', true],
  ])('status %d → %s', (status, reason, retryable) => {
    expect(readPageResponse({ status, headers: {}, body: fixture('stub.html') }, url)).toMatchObject({
      ok: false,
      reason,
      retryable,
      tryFallback: true,
    });
  });
});

describe('readTikwmResponse', () => {
  test('parses a 200 answer and never points further', () => {
    expect(readTikwmResponse({ status: 200, headers: {}, body: fixture('tikwm-photo.json') })).toMatchObject({
      ok: true,
    });
    expect(readTikwmResponse({ status: 503, headers: {}, body: '' })).toMatchObject({
      ok: false,
      reason: 'server-error',
      tryFallback: false,
    });
  });
});

describe('readImageResponse', () => {
  test.each([
    [200, 'image/jpeg', 'ok'],
    [200, null, 'ok'],
    [200, 'text/html; charset=utf-8', 'next-mirror'],
    [403, 'text/plain', 'next-mirror'],
    [404, null, 'next-mirror'],
    [429, null, 'retry-later'],
    [503, null, 'retry-later'],
  ])('%d %s → %s', (status, contentType, outcome) => {
    expect(readImageResponse(status, contentType)).toBe(outcome);
  });
});
