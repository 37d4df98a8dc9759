/** The key must never leave the client in anything a person or a log could read. */
import fc from 'fast-check';
import { classifyResponse } from '../../../src/server/gemini/errors';
import { safeDetail } from '../../../src/server/gemini/failure';
import type { HttpResult } from '../../../src/server/gemini/http';
import { readImage } from '../../../src/server/gemini/images';
import * as f from './fixtures';

/** Error messages that quote the key back, as a proxy or a misconfigured URL might. */
function echoingKey(status: number, statusText: string): HttpResult {
  return f.json(status, {
    error: {
      code: status,
      status: statusText,
      message: `Request to https://generativelanguage.googleapis.com/v1beta/models?key=${f.TEST_KEY} failed; key ${f.TEST_KEY} is not valid.`,
    },
  });
}

describe('secrets in failures', () => {
  it.each([
    ['400', echoingKey(400, 'INVALID_ARGUMENT')],
    ['403', echoingKey(403, 'PERMISSION_DENIED')],
    ['404', echoingKey(404, 'NOT_FOUND')],
    ['429', echoingKey(429, 'RESOURCE_EXHAUSTED')],
    ['500', echoingKey(500, 'INTERNAL')],
    [
      '502 HTML',
      { status: 502, headers: {}, body: `<html><body>bad gateway for key=${f.TEST_KEY}</body></html>` },
    ],
    [
      '200 blocked',
      f.json(200, { promptFeedback: { blockReason: 'SAFETY', blockReasonMessage: `key ${f.TEST_KEY}` } }),
    ],
  ])('a %s failure never carries the key, even when Gemini quotes it', (_name, result) => {
    const classified = classifyResponse(result.status, result.body, result.headers, f.NOON_PACIFIC);
    const image = readImage(result, f.NOON_PACIFIC);
    expect(image.kind).not.toBe('ok');
    expect(JSON.stringify(image)).not.toContain(f.TEST_KEY);
    // A 200 classifies as ok with the raw body; only its reading (above) must be clean.
    if (result.status !== 200) expect(JSON.stringify(classified)).not.toContain(f.TEST_KEY);
  });

  it('hides any key-shaped string and key= parameter in details', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z_-]{35}$/), fc.string({ maxLength: 40 }), (tail, around) => {
        const key = `AIza${tail}`;
        const detail = safeDetail(`${around} ${key} ${around} https://x/?key=${tail}&a=1`) ?? '';
        expect(detail).not.toContain(key);
        expect(detail).not.toContain(`key=${tail}`);
      }),
    );
  });
});
