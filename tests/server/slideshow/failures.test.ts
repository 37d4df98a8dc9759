/** Every failure kind of the three clients, as the engine's failure kinds. */
import { driveFailure, geminiFailure, tiktokFailure } from '../../../src/server/slideshow/failures';
import {
  authFailure,
  badRequest,
  noAccess,
  notFound,
  rateLimited as driveRateLimited,
  storageFull,
  transient as driveTransient,
} from '../../../src/server/drive/failure';
import {
  badOutputFailure,
  noImageFailure,
  settingsFailure,
  transientFailure,
  type BlockedFailure,
  type GeminiFailure,
} from '../../../src/server/gemini/failure';
import { failure as tiktok } from '../../../src/server/tiktok/post';

const RATE_KEY = 'gemini:gemini-2.5-flash-image';

function blocked(retryable: boolean): BlockedFailure {
  return {
    kind: 'blocked',
    code: 'X',
    source: 'prompt',
    message: 'refused',
    httpStatus: 200,
    retryable,
    batch: 'continue',
  };
}

describe('Gemini failures', () => {
  const cases: [string, GeminiFailure, object][] = [
    [
      'settings',
      settingsFailure('KEY_INVALID', 400),
      { kind: 'settings', message: expect.stringMatching(/API key/) },
    ],
    [
      'rate-limited',
      {
        kind: 'rate-limited',
        code: 'RATE_LIMITED',
        message: 'wait',
        httpStatus: 429,
        retryAfterMs: 47_000,
        retryable: true,
        batch: 'continue',
      },
      { kind: 'rate-limited', retryAfterMs: 47_000, rateKey: RATE_KEY },
    ],
    [
      'quota-day',
      {
        kind: 'quota-day',
        code: 'QUOTA_DAY',
        message: 'day',
        httpStatus: 429,
        resumeAt: 123,
        retryable: true,
        batch: 'pause',
      },
      { kind: 'quota-day', resumeAt: 123 },
    ],
    ['transient', transientFailure('SERVER_ERROR', 503), { kind: 'retry' }],
    ['no-image', noImageFailure(), { kind: 'retry' }],
    ['bad-output', badOutputFailure('bad'), { kind: 'retry', message: 'bad' }],
    [
      'file-missing',
      {
        kind: 'file-missing',
        code: 'FILE_MISSING',
        message: 'An image uploaded to Gemini has expired',
        httpStatus: 403,
        retryable: true,
        batch: 'continue',
      },
      { kind: 'retry' },
    ],
    ['blocked input', blocked(false), { kind: 'fatal', message: 'refused' }],
    ['withheld output', blocked(true), { kind: 'retry', message: 'refused' }],
    [
      'rejected',
      {
        kind: 'rejected',
        code: 'REJECTED',
        message: 'too large',
        httpStatus: 400,
        retryable: false,
        batch: 'continue',
      },
      { kind: 'fatal', message: 'too large' },
    ],
  ];
  it.each(cases)('%s', (_name, failure, expected) => {
    expect(geminiFailure(failure, RATE_KEY)).toMatchObject(expected);
  });
});

describe('Drive failures', () => {
  const facts = { httpStatus: 403 };
  it('stops the batch when Drive is full', () => {
    expect(driveFailure(storageFull(facts))).toEqual({
      kind: 'settings',
      message: storageFull(facts).message,
    });
  });
  it('retries a refused sign-in and a server error, and waits out a rate limit under its own key', () => {
    expect(driveFailure(authFailure({ httpStatus: 401 })).kind).toBe('retry');
    expect(driveFailure(driveTransient({ httpStatus: 503 })).kind).toBe('retry');
    expect(driveFailure(driveRateLimited(facts, 2_000))).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 2_000,
      rateKey: 'drive',
    });
  });
  it('fails the row for a missing or forbidden item, in the words of what was being read', () => {
    expect(driveFailure(notFound({ httpStatus: 404 }), { notFound: 'No photo.' })).toEqual({
      kind: 'fatal',
      message: 'No photo.',
    });
    expect(driveFailure(noAccess(facts), { noAccess: 'Not yours.' })).toEqual({
      kind: 'fatal',
      message: 'Not yours.',
    });
    expect(driveFailure(noAccess(facts)).message).toBe(noAccess(facts).message);
    expect(driveFailure(badRequest({ httpStatus: 400 })).kind).toBe('fatal');
  });
});

describe('TikTok failures', () => {
  it('fails for good what no route will change, retries what may pass, and lists what was tried', () => {
    expect(
      tiktokFailure(tiktok('private-post', 'Private.', { retryable: false, tryFallback: false }), []),
    ).toEqual({
      kind: 'fatal',
      message: 'Private.',
    });
    expect(
      tiktokFailure(tiktok('challenge', 'Robot check.', { retryable: true, tryFallback: true }), [
        'a: x',
        'b: y',
      ]),
    ).toEqual({ kind: 'retry', message: 'Robot check. (tried: a: x; b: y)' });
    expect(
      tiktokFailure(tiktok('rate-limited', 'Slow.', { retryable: true, tryFallback: false }), []),
    ).toMatchObject({
      kind: 'rate-limited',
      rateKey: 'tikwm',
    });
  });
});
