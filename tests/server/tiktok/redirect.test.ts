import { MAX_SHORT_LINK_HOPS, nextRedirectStep, resolveLocation } from '../../../src/server/tiktok/redirect';

const SHORT = 'https://vm.tiktok.com/ZMabc123/';
const ID = '7401234567890123456';

describe('nextRedirectStep', () => {
  test('a photo short link resolves to its post, with the long URL kept as sent', () => {
    const location = `https://www.tiktok.com/@lisbon.bites/photo/${ID}?_d=secCgYIASAHKAE&_r=1&aweme_type=150&pic_cnt=3&share_item_id=${ID}`;
    expect(nextRedirectStep({ status: 301, location }, SHORT)).toEqual({
      kind: 'resolved',
      postId: ID,
      username: 'lisbon.bites',
      postKind: 'photo',
      url: location,
    });
  });

  test('a relative Location is read against the short link', () => {
    expect(
      nextRedirectStep({ status: 302, location: `/@lisbon.bites/video/${ID}?x=1` }, SHORT),
    ).toMatchObject({
      kind: 'resolved',
      postId: ID,
      postKind: 'video',
      url: `https://vm.tiktok.com/@lisbon.bites/video/${ID}?x=1`,
    });
    expect(nextRedirectStep({ status: 302, location: `//m.tiktok.com/v/${ID}.html` }, SHORT)).toMatchObject({
      kind: 'resolved',
      url: `https://m.tiktok.com/v/${ID}.html`,
    });
  });

  test('another short link or an unknown TikTok page is the next hop', () => {
    expect(nextRedirectStep({ status: 301, location: 'https://www.tiktok.com/t/ZTxyz/' }, SHORT)).toEqual({
      kind: 'next',
      url: 'https://www.tiktok.com/t/ZTxyz/',
    });
    expect(nextRedirectStep({ status: 307, location: '/share/redirect?code=ZMabc' }, SHORT)).toEqual({
      kind: 'next',
      url: 'https://vm.tiktok.com/share/redirect?code=ZMabc',
    });
  });

  test.each([
    ['https://www.tiktok.com/', 'not-found'],
    ['https://www.tiktok.com/?_r=1', 'not-found'],
    ['https://www.tiktok.com/notfound', 'not-found'],
    ['/notfound?lang=en', 'not-found'],
    ['https://www.tiktok.com/login?redirect_url=https%3A%2F%2Fwww.tiktok.com%2F', 'login-wall'],
    ['https://www.tiktok.com/@lisbon.bites', 'not-found'],
    ['https://example.com/elsewhere', 'not-found'],
  ])('a redirect to %s is a dead end (%s)', (location, reason) => {
    const step = nextRedirectStep({ status: 302, location }, SHORT);
    expect(step.kind).toBe('dead-end');
    if (step.kind === 'dead-end') expect(step.failure.reason).toBe(reason);
  });

  test('home and notfound say the post does not exist or is blocked', () => {
    const step = nextRedirectStep({ status: 302, location: 'https://www.tiktok.com/' }, SHORT);
    expect(step).toMatchObject({
      kind: 'dead-end',
      failure: { retryable: false, message: expect.stringMatching(/deleted or is blocked/) },
    });
  });

  test.each([
    [404, 'not-found', false],
    [403, 'blocked', true],
    [429, 'rate-limited', true],
    [503, 'server-error', true],
    [200, 'stub-page', true],
  ])('status %d without a redirect → %s', (status, reason, retryable) => {
    expect(nextRedirectStep({ status, location: null }, SHORT)).toMatchObject({
      kind: 'dead-end',
      failure: { reason, retryable },
    });
  });

  test('a redirect status without a Location is a dead end worth retrying', () => {
    expect(nextRedirectStep({ status: 301, location: null }, SHORT)).toMatchObject({
      kind: 'dead-end',
      failure: { reason: 'malformed', retryable: true },
    });
  });

  test('the hop limit is 5', () => {
    expect(MAX_SHORT_LINK_HOPS).toBe(5);
  });
});

describe('resolveLocation', () => {
  const base = 'https://vm.tiktok.com/a/b/ZMabc?x=1#f';
  test.each([
    ['https://www.tiktok.com/x', 'https://www.tiktok.com/x'],
    ['//www.tiktok.com/x', 'https://www.tiktok.com/x'],
    ['/x?y=2', 'https://vm.tiktok.com/x?y=2'],
    ['c/d', 'https://vm.tiktok.com/a/b/c/d'],
    ['?y=2', 'https://vm.tiktok.com/a/b/ZMabc?y=2'],
    ['  /padded  ', 'https://vm.tiktok.com/padded'],
  ])('%s', (location, expected) => {
    expect(resolveLocation(location, base)).toBe(expected);
  });
});
