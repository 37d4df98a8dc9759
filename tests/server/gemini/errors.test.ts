import { classifyResponse } from '../../../src/server/gemini/errors';
import type { HttpResult } from '../../../src/server/gemini/http';
import * as f from './fixtures';

function classify(result: HttpResult, now = f.NOON_PACIFIC) {
  return classifyResponse(result.status, result.body, result.headers, now);
}

describe('classifyResponse', () => {
  it('passes a 200 JSON body through', () => {
    expect(classify(f.json(200, { models: [] }))).toEqual({ kind: 'ok', json: { models: [] } });
  });

  it.each([
    ['400 API_KEY_INVALID', f.apiKeyInvalid, 'KEY_INVALID'],
    ['403 key restricted to other APIs', f.keyServiceBlocked, 'PERMISSION_DENIED'],
    ['403 caller lacks permission', f.permissionDenied, 'PERMISSION_DENIED'],
    ['403 no key sent', f.keyMissing, 'KEY_MISSING'],
    ['403 leaked key', f.keyLeaked, 'KEY_INVALID'],
    ['400 FAILED_PRECONDITION location', f.regionUnsupported, 'REGION_UNSUPPORTED'],
    ['400 FAILED_PRECONDITION billing', f.billingPrecondition, 'BILLING_REQUIRED'],
    ['404 unknown model', f.modelNotFound, 'MODEL_NOT_FOUND'],
    ['429 image model, free tier limit 0', f.freeTierImageLimitZero, 'BILLING_REQUIRED'],
    ['429 image model, free-tier quota without a value', f.freeTierImageNoValue, 'BILLING_REQUIRED'],
  ])('%s stops the batch as a settings problem', (_name, result, code) => {
    const failure = classify(result);
    expect(failure).toMatchObject({
      kind: 'settings',
      code,
      retryable: false,
      batch: 'stop',
      httpStatus: result.status,
    });
  });

  it('names the missing model in the sentence for Jenny', () => {
    const failure = classify(f.modelNotFound);
    expect(failure.kind === 'settings' && failure.message).toContain('"gemini-9-ultra"');
  });

  it('tells Jenny where to fix a bad key, and that a leaked key must be replaced', () => {
    const bad = classify(f.apiKeyInvalid);
    const leaked = classify(f.keyLeaked);
    expect(bad.kind === 'settings' && bad.message).toMatch(/Settings/);
    expect(leaked.kind === 'settings' && leaked.message).toMatch(/leaked/);
  });

  it('says a free-tier image quota of 0 needs billing, not waiting', () => {
    const failure = classify(f.freeTierImageLimitZero);
    expect(failure.kind === 'settings' && failure.message).toMatch(/billing/i);
  });

  it('waits the RetryInfo delay on a per-minute 429', () => {
    expect(classify(f.perMinute)).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 47_000,
      retryable: true,
      batch: 'continue',
    });
  });

  it('reads fractional RetryInfo delays', () => {
    expect(classify(f.perMinuteHalfSecond)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 500 });
  });

  it('falls back to the Retry-After header, then the message, then a default', () => {
    expect(classify(f.perMinuteRetryAfterHeader)).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 12_000,
    });
    expect(classify(f.perMinuteDelayInMessageOnly)).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 20_045,
    });
    expect(classify(f.perMinuteNothing)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000 });
  });

  it('reads a Retry-After HTTP date against now', () => {
    const at = new Date(f.NOON_PACIFIC + 90_000).toUTCString();
    const result: HttpResult = { status: 429, body: '', headers: { 'Retry-After': at } };
    expect(classify(result)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 90_000 });
  });

  it('pauses until midnight Pacific on a per-day 429, ignoring its short RetryInfo', () => {
    const failure = classify(f.perDay);
    expect(failure).toMatchObject({ kind: 'quota-day', retryable: true, batch: 'pause' });
    expect(failure.kind === 'quota-day' && new Date(failure.resumeAt).toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    );
  });

  it.each([
    ['500 INTERNAL', f.internal, 'SERVER_ERROR'],
    ['503 UNAVAILABLE', f.overloaded, 'SERVER_ERROR'],
    ['504 DEADLINE_EXCEEDED', f.deadline, 'SERVER_ERROR'],
    [
      '499 CANCELLED',
      f.json(499, { error: { code: 499, message: 'The operation was cancelled.', status: 'CANCELLED' } }),
      'SERVER_ERROR',
    ],
    ['502 HTML page', f.htmlBadGateway, 'UNEXPECTED_RESPONSE'],
    ['404 HTML page', f.htmlNotFound, 'UNEXPECTED_RESPONSE'],
    ['200 HTML page', f.htmlOn200, 'UNEXPECTED_RESPONSE'],
  ])('%s is transient and retried', (_name, result, code) => {
    expect(classify(result)).toMatchObject({ kind: 'transient', code, retryable: true, batch: 'continue' });
  });

  it('keeps the gist of an HTML error page for the log, without its markup', () => {
    const failure = classify(f.htmlBadGateway);
    expect(failure.kind === 'transient' && failure.detail).toMatch(/^Error 502 \(Server Error\)/);
    expect(failure.kind === 'transient' && failure.detail).not.toContain('<');
  });

  it('asks for a new upload when a Files API file is gone', () => {
    expect(classify(f.fileMissing)).toMatchObject({
      kind: 'file-missing',
      retryable: true,
      batch: 'continue',
    });
  });

  it('fails only the item when Gemini rejects one request', () => {
    const tooLarge = classify(f.payloadTooLarge);
    expect(tooLarge).toMatchObject({ kind: 'rejected', retryable: false, batch: 'continue' });
    expect(tooLarge.kind === 'rejected' && tooLarge.message).toMatch(/too large/);
    expect(classify(f.unreadableImage)).toMatchObject({ kind: 'rejected', retryable: false });
  });

  it('gives every failure a sentence that is not just a status code', () => {
    const all = [
      f.apiKeyInvalid,
      f.perMinute,
      f.perDay,
      f.internal,
      f.htmlBadGateway,
      f.fileMissing,
      f.unreadableImage,
    ];
    for (const result of all) {
      const failure = classify(result);
      expect(failure.kind).not.toBe('ok');
      if (failure.kind !== 'ok') expect(failure.message.length).toBeGreaterThan(30);
    }
  });
});
