/**
 * With GEMINI_API_KEY set, the harness sends the add-on's Gemini requests to the real network (Node's
 * fetch, from a worker, while the script waits as UrlFetchApp does) and saves the key as Jenny's. No
 * internet here: the forward base URL points at a loopback server, which runs in its own thread because
 * this one blocks while a request is out.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { userScope } from '../../emulator/services/properties/properties-store';
import { forwardingHandler, SyncFetcher } from '../../scripts/harness/forward';
import { startHarness, type Harness } from '../../scripts/harness/server';
import { API_KEY_PROPERTY } from '../../src/server/settings/store';
import { postJson } from './helpers';

const KEY = 'AIzaSyLoopbackRealKey-1234567890abcdefXYZ';

/** Answers the models list like Gemini and remembers what it was asked. */
const LOOPBACK_GEMINI = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const seen = [];
const server = http.createServer((request, response) => {
  if (request.url === '/__seen') {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    return response.end(JSON.stringify(seen));
  }
  seen.push({ method: request.method, url: request.url, key: request.headers['x-goog-api-key'] || null });
  if (request.method === 'POST' && request.url.startsWith('/echo')) {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(201, { 'Content-Type': request.headers['content-type'], 'X-Echo-Url': request.url });
      response.end(Buffer.concat(chunks));
    });
    return;
  }
  if (request.url.startsWith('/v1beta/models?')) {
    response.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8', 'X-Loopback': 'yes' });
    return response.end(JSON.stringify({ models: [
      { name: 'models/gemini-loopback-flash', displayName: 'Loopback Flash', supportedGenerationMethods: ['generateContent'] },
      { name: 'models/gemini-loopback-flash-image', displayName: 'Loopback Image', supportedGenerationMethods: ['generateContent'] },
    ] }));
  }
  response.writeHead(404, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ error: { code: 404, message: 'not here', status: 'NOT_FOUND' } }));
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

let worker: Worker;
let loopback: string;
let harness: Harness;
let stateDir: string;

beforeAll(async () => {
  worker = new Worker(LOOPBACK_GEMINI, { eval: true });
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  loopback = `http://127.0.0.1:${port}`;
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-real-'));
  harness = await startHarness({
    port: 0,
    stateDir,
    fresh: true,
    buildDir: 'build',
    geminiApiKey: KEY,
    geminiBaseUrl: loopback,
  });
});

afterAll(async () => {
  await harness?.close();
  await worker?.terminate();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('the harness with a real Gemini key', () => {
  it('says so, and keeps the key in Jenny’s user properties as if she had saved it', async () => {
    expect(harness.mode).toEqual({ gemini: 'real', tiktok: 'simulated' });
    expect(harness.world.properties.entries(userScope(harness.world.defaultUser))[API_KEY_PROPERTY]).toBe(
      KEY,
    );
    const state = (await (await fetch(new URL('/state', harness.url))).json()) as { mode: unknown };
    expect(state.mode).toEqual({ gemini: 'real', tiktok: 'simulated' });
    // The key reaches the page only masked.
    const settings = await postJson(harness, '/rpc', { name: 'getSettings', args: [] });
    expect(settings.ok).toBe(true);
    expect(JSON.stringify(settings)).not.toContain(KEY);
  });

  it('forwards the add-on’s Gemini requests, key in the header, and gives it the real answer', async () => {
    const check = await postJson(harness, '/rpc', { name: 'validateApiKey', args: [] });
    expect(check).toMatchObject({
      ok: true,
      value: {
        ok: true,
        textModels: expect.arrayContaining([{ id: 'gemini-loopback-flash', name: 'Loopback Flash' }]),
      },
    });
    const seen = (await (await fetch(`${loopback}/__seen`)).json()) as {
      method: string;
      url: string;
      key: string;
    }[];
    expect(seen).toEqual([
      { method: 'GET', url: expect.stringMatching(/^\/v1beta\/models\?pageSize=\d+$/), key: KEY },
    ]);
    // The emulated UrlFetchApp recorded the exchange as one to Gemini's own host.
    const fetched = harness.world.fetches.filter((entry) => entry.url.includes('generativelanguage'));
    expect(fetched.at(-1)).toMatchObject({ method: 'GET', status: 200 });
  });

  it('sends a request’s method, headers and bytes as they are, and returns the answer’s', () => {
    const fetcher = new SyncFetcher();
    try {
      const body = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
      const response = forwardingHandler(fetcher, { baseUrl: loopback })(
        {
          url: 'https://generativelanguage.googleapis.com/echo?alt=json',
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-goog-api-key': KEY, host: 'ignored' },
          body,
        },
        { now: 0 },
      );
      expect(response.status).toBe(201);
      expect(response.headers).toMatchObject({
        'content-type': 'application/octet-stream',
        'x-echo-url': '/echo?alt=json',
      });
      expect(Buffer.from(response.body as Uint8Array).equals(Buffer.from(body))).toBe(true);
    } finally {
      void fetcher.close();
    }
  });

  it('turns a network failure into the error Apps Script throws, which the add-on explains', async () => {
    await harness.close();
    harness = await startHarness({
      port: 0,
      stateDir,
      fresh: false,
      buildDir: 'build',
      geminiApiKey: KEY,
      // Nothing listens there.
      geminiBaseUrl: 'http://127.0.0.1:9',
    });
    const check = await postJson(harness, '/rpc', { name: 'validateApiKey', args: [] });
    expect(check.ok).toBe(true);
    const view = check.value as { ok: boolean; message: string };
    expect(view.ok).toBe(false);
    expect(view.message).toMatch(/^Could not reach Gemini to check the key \(.*Address unavailable/);
  });
});
