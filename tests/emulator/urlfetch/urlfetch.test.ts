import type { BlobBridge } from '../../../emulator/core/blobs';
import { TestEnv } from '../../../emulator/core/env';
import { jsonResponse, type SimRequest } from '../../../emulator/core/http';
import { HttpRouter } from '../../../emulator/core/router';
import {
  DEFAULT_FETCH_LIMITS,
  type FetchRecord,
  UrlFetchApp,
} from '../../../emulator/services/urlfetch/urlfetch';
import { allowedByWhitelist } from '../../../emulator/services/urlfetch/url';

class FakeBlob {
  constructor(
    readonly bytes: Uint8Array,
    readonly type: string | null,
  ) {}
}

const blobs: BlobBridge = {
  create: (bytes, contentType) => new FakeBlob(bytes, contentType),
  bytesOf: (value) => (value instanceof FakeBlob ? value.bytes : null),
  contentTypeOf: (value) => (value instanceof FakeBlob ? value.type : null),
};

function setup(options: { whitelist?: string[]; quota?: number; deadlineMs?: number } = {}) {
  const env = new TestEnv();
  const router = new HttpRouter();
  const records: FetchRecord[] = [];
  let used = 0;
  const app = new UrlFetchApp({
    env,
    router,
    blobs,
    whitelist: options.whitelist,
    limits: { ...DEFAULT_FETCH_LIMITS, deadlineMs: options.deadlineMs ?? DEFAULT_FETCH_LIMITS.deadlineMs },
    takeQuota: (count) => {
      if (used + count > (options.quota ?? Infinity)) return false;
      used += count;
      return true;
    },
    record: (entry) => records.push(entry),
  });
  return { env, router, app, records };
}

describe('UrlFetchApp', () => {
  it('sends method, headers and payload to the handler of the host and returns its answer', () => {
    const { app, router } = setup();
    let seen: SimRequest | undefined;
    router.register('api.example.com', (request) => {
      seen = request;
      return jsonResponse(201, { ok: true });
    });
    const response = app.fetch('https://api.example.com/v1/things', {
      method: 'post',
      contentType: 'application/json',
      headers: { 'X-Goog-Api-Key': 'k-123' },
      payload: JSON.stringify({ a: 1 }),
    });
    expect(response.getResponseCode()).toBe(201);
    expect(JSON.parse(response.getContentText())).toEqual({ ok: true });
    expect(seen?.method).toBe('POST');
    expect(seen?.headers['x-goog-api-key']).toBe('k-123');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(new TextDecoder().decode(seen?.body)).toBe('{"a":1}');
  });

  it('fails like a network error for a host nobody serves, even with muteHttpExceptions', () => {
    const { app } = setup();
    expect(() => app.fetch('https://nowhere.example/x', { muteHttpExceptions: true })).toThrow(
      'DNS error: https://nowhere.example/x',
    );
  });

  it('throws on HTTP errors unless muteHttpExceptions is set, with the URL in the message', () => {
    const { app, router } = setup();
    router.register('api.example.com', () => jsonResponse(404, { error: 'nope' }));
    expect(() => app.fetch('https://api.example.com/missing')).toThrow(
      /Request failed for https:\/\/api.example.com\/missing returned code 404/,
    );
    expect(app.fetch('https://api.example.com/missing', { muteHttpExceptions: true }).getResponseCode()).toBe(
      404,
    );
  });

  it('follows redirects by default and stops at the first one with followRedirects: false', () => {
    const { app, router } = setup();
    router.register('short.example', (request) =>
      request.url.endsWith('/long/42')
        ? { status: 200, body: 'post 42' }
        : { status: 301, headers: { Location: '/long/42' } },
    );
    expect(app.fetch('https://short.example/abc').getContentText()).toBe('post 42');
    const first = app.fetch('https://short.example/abc', { followRedirects: false });
    expect(first.getResponseCode()).toBe(301);
    expect(first.getHeaders()['Location']).toBe('/long/42');
  });

  it('runs fetchAll concurrently: time passes as the slowest request, answers in request order', () => {
    const { app, router, env } = setup();
    router.register('slow.example', (request) => ({
      status: 200,
      body: request.url,
      latencyMs: Number(request.url.split('/').pop()),
    }));
    const start = env.now();
    const responses = app.fetchAll([
      'https://slow.example/3000',
      'https://slow.example/12000',
      'https://slow.example/500',
    ]);
    expect(env.now() - start).toBe(12000);
    expect(responses.map((r) => r.getContentText())).toEqual([
      'https://slow.example/3000',
      'https://slow.example/12000',
      'https://slow.example/500',
    ]);
  });

  it('gives every request of a fetchAll the same arrival time at its server', () => {
    const { app, router, env } = setup();
    const arrivals: number[] = [];
    router.register('a.example', (_request, context) => {
      arrivals.push(context.now);
      return { status: 200, latencyMs: 1000 };
    });
    const start = env.now();
    app.fetchAll(['https://a.example/1', 'https://a.example/2', 'https://a.example/3']);
    expect(arrivals).toEqual([start, start, start]);
  });

  it('counts every request of fetchAll against the daily quota and refuses past it', () => {
    const { app, router } = setup({ quota: 3 });
    router.register('a.example', () => ({ status: 200 }));
    app.fetchAll(['https://a.example/1', 'https://a.example/2']);
    expect(() => app.fetchAll(['https://a.example/3', 'https://a.example/4'])).toThrow(
      'Service invoked too many times for one day: urlfetch.',
    );
  });

  it('gives up on a request slower than the deadline, failing the whole fetchAll', () => {
    const { app, router, env } = setup({ deadlineMs: 30_000 });
    router.register('a.example', (request) => ({
      status: 200,
      latencyMs: request.url.endsWith('slow') ? 45_000 : 10,
    }));
    const start = env.now();
    expect(() => app.fetchAll(['https://a.example/fast', 'https://a.example/slow'])).toThrow(
      'Timeout: https://a.example/slow',
    );
    expect(env.now() - start).toBe(30_000);
  });

  it('returns bytes as signed Byte[] and a blob with the response content type', () => {
    const { app, router } = setup();
    router.register('img.example', () => ({
      status: 200,
      headers: { 'Content-Type': 'image/jpeg' },
      body: new Uint8Array([0xff, 0xd8, 0x01]),
    }));
    const response = app.fetch('https://img.example/a/slide.jpeg?x=1');
    expect(response.getContent()).toEqual([-1, -40, 1]);
    const blob = response.getBlob() as FakeBlob;
    expect(blob.type).toBe('image/jpeg');
    expect([...blob.bytes]).toEqual([0xff, 0xd8, 0x01]);
  });

  it('sends a blob payload as its bytes with its content type', () => {
    const { app, router } = setup();
    let body: Uint8Array | undefined;
    let type: string | undefined;
    router.register('up.example', (request) => {
      body = request.body;
      type = request.headers['content-type'];
      return { status: 200 };
    });
    app.fetch('https://up.example/u', {
      method: 'post',
      payload: new FakeBlob(new Uint8Array([1, 2, 3]), 'image/png'),
    });
    expect([...(body ?? [])]).toEqual([1, 2, 3]);
    expect(type).toBe('image/png');
  });

  it('enforces the manifest whitelist, wildcard subdomains included', () => {
    const whitelist = ['https://www.tiktok.com/', 'https://*.tiktokcdn.com/'];
    expect(allowedByWhitelist('https://www.tiktok.com/@a/photo/1', whitelist)).toBe(true);
    expect(allowedByWhitelist('https://p16-sign-va.tiktokcdn.com/x.jpeg', whitelist)).toBe(true);
    expect(allowedByWhitelist('https://evil.example/x', whitelist)).toBe(false);
    expect(allowedByWhitelist('http://www.tiktok.com/x', whitelist)).toBe(false);
    const { app, router } = setup({ whitelist });
    router.register('evil.example', () => ({ status: 200 }));
    expect(() => app.fetch('https://evil.example/x')).toThrow(/not allowed by the manifest/);
  });

  it('refuses URLs over Apps Script length limit', () => {
    const { app } = setup();
    expect(() => app.fetch(`https://a.example/${'x'.repeat(2100)}`)).toThrow(
      'Limit Exceeded: URLFetch URL Length.',
    );
  });

  it('records each exchange for reports', () => {
    const { app, router, records } = setup();
    router.register('a.example', () => ({ status: 204, latencyMs: 250 }));
    app.fetch('https://a.example/z');
    expect(records).toEqual([
      expect.objectContaining({ method: 'GET', url: 'https://a.example/z', status: 204, latencyMs: 250 }),
    ]);
  });
});
