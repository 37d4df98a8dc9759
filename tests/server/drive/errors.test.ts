import { classifyDriveResponse } from '../../../src/server/drive/errors';
import { backoffDelayMs, safeDetail } from '../../../src/server/drive/failure';
import type { HttpResult } from '../../../src/server/http/spec';
import * as f from './fixtures';

function classify(result: HttpResult, now = f.NOW) {
  return classifyDriveResponse(result.status, result.body, result.headers, now);
}

describe('classifyDriveResponse', () => {
  it('passes JSON successes through, and an empty 204 as an empty object', () => {
    expect(classify(f.json(200, { id: 'x' }))).toEqual({ kind: 'ok', json: { id: 'x' } });
    expect(classify({ status: 204, body: '', headers: {} })).toEqual({ kind: 'ok', json: {} });
  });

  it('treats no answer at all (status 0: a timeout) as transient, never as a bad request', () => {
    expect(
      classify({
        status: 0,
        body: 'No answer: Timeout: https://www.googleapis.com/upload/drive/v3/files',
        headers: {},
      }),
    ).toMatchObject({
      kind: 'transient',
      retryable: true,
      message: 'Drive did not answer in time. It will be tried again.',
    });
  });

  it('treats an unreadable 200 as transient', () => {
    expect(classify({ status: 200, body: '<html>', headers: {} })).toMatchObject({
      kind: 'transient',
      retryable: true,
    });
  });

  it.each([
    ['404 notFound', f.notFound, 'not-found', false, 'continue', 'notFound'],
    [
      '403 insufficientFilePermissions',
      f.insufficientFilePermissions,
      'no-access',
      false,
      'continue',
      'insufficientFilePermissions',
    ],
    [
      '403 appNotAuthorizedToFile',
      f.appNotAuthorized,
      'no-access',
      false,
      'continue',
      'appNotAuthorizedToFile',
    ],
    [
      '403 insufficientPermissions (scopes)',
      f.insufficientScopes,
      'no-access',
      false,
      'continue',
      'insufficientPermissions',
    ],
    ['401 authError', f.invalidCredentials, 'auth', true, 'continue', 'authError'],
    ['403 userRateLimitExceeded', f.userRateLimit, 'rate-limited', true, 'continue', 'userRateLimitExceeded'],
    ['429 rateLimitExceeded', f.rateLimit429, 'rate-limited', true, 'continue', 'rateLimitExceeded'],
    ['403 storageQuotaExceeded', f.storageFull, 'storage-full', false, 'stop', 'storageQuotaExceeded'],
    ['500 backendError', f.backendError, 'transient', true, 'continue', 'backendError'],
    ['400 invalid', f.badQuery, 'bad-request', false, 'continue', 'invalid'],
  ] as const)('%s → %s', (_name, result, kind, retryable, batch, reason) => {
    expect(classify(result)).toMatchObject({ kind, retryable, batch, reason, httpStatus: result.status });
  });

  it('treats a non-JSON 5xx page as transient and keeps a readable excerpt', () => {
    const failure = classify(f.htmlBadGateway);
    expect(failure).toMatchObject({ kind: 'transient', httpStatus: 502 });
    expect(failure.kind !== 'ok' && failure.detail).toBe('502. That’s an error.');
  });

  it('reads Retry-After in seconds or as a date, and falls back to one second', () => {
    expect(classify(f.rateLimit429)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000 });
    const dated = f.driveError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits', {
      'retry-after': new Date(f.NOW + 12_000).toUTCString(),
    });
    expect(classify(dated)).toMatchObject({ retryAfterMs: 12_000 });
    expect(classify(f.userRateLimit)).toMatchObject({ retryAfterMs: 1000 });
  });

  it('gives each kind a sentence a person can act on', () => {
    const storage = classify(f.storageFull);
    expect(storage.kind !== 'ok' && storage.message).toMatch(/Drive is full.*Free up space/);
    const scope = classify(f.appNotAuthorized);
    expect(scope.kind !== 'ok' && scope.message).toMatch(/only save into folders it made/);
    const missing = classify(f.notFound);
    expect(missing.kind !== 'ok' && missing.message).toMatch(/Check the link/);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from one second up to 64 s, plus up to a second of jitter', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(1000);
    expect(backoffDelayMs(3, () => 0.5)).toBe(8500);
    expect(backoffDelayMs(20, () => 0.999)).toBe(64_999);
  });
});

describe('safeDetail', () => {
  it('hides OAuth tokens and bounds the length', () => {
    expect(safeDetail('token ya29.a0AfB_byC-xyz.123 refused')).toBe('token (hidden token) refused');
    expect(safeDetail('Authorization: Bearer abc.def')).toBe('Authorization: Bearer (hidden)');
    expect(safeDetail('x'.repeat(500))?.length).toBe(300);
  });
});
