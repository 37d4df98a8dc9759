/**
 * Forwards the emulated UrlFetchApp's requests for one host to the real network (the harness with
 * GEMINI_API_KEY set: the real Gemini). UrlFetchApp is synchronous and so are the handlers behind it,
 * while Node's fetch is not: a worker thread does the fetch and this thread blocks until the answer
 * comes (Atomics.wait on a counter the worker bumps after posting the answer).
 *
 * The machine's time passes while we wait; the handler reports it as the answer's latency, so the
 * harness's clock (which skips the emulator's waits) counts it. Requests of one fetchAll go out one
 * after the other.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { GasError } from '../../emulator/core/env';
import type { HttpHandler, SimRequest, SimResponse } from '../../emulator/core/http';

export interface ForwardOptions {
  /** Where requests go instead of their own origin, e.g. http://127.0.0.1:9999 in tests. Default: none. */
  baseUrl?: string;
  /** Real time one request may take. Default 120 s. */
  timeoutMs?: number;
}

interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array;
  timeoutMs: number;
}

type WireAnswer =
  | { status: number; headers: Record<string, string>; body: Uint8Array }
  | { failure: string; message: string };

/** The worker: one fetch per message, the answer posted back, then the counter bumped. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, signal } = workerData;
port.on('message', async (request) => {
  let answer;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body.length > 0 ? request.body : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = {};
    response.headers.forEach((value, name) => { headers[name] = value; });
    answer = { status: response.status, headers, body };
  } catch (error) {
    const cause = error && error.cause;
    answer = {
      failure: (cause && cause.code) || (error && error.name) || 'Error',
      message: String((cause && cause.message) || (error && error.message) || error),
    };
  }
  port.postMessage(answer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/** Headers that belong to one hop of the connection, not to the request or response. */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'accept-encoding',
  'content-encoding',
]);

export class SyncFetcher {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));

  private start(): MessagePort {
    if (this.port) return this.port;
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, signal: this.signal },
      transferList: [port2],
    });
    // Nothing waits on these from the event loop: they must not keep the process alive.
    this.worker.unref();
    port1.unref();
    this.port = port1;
    return port1;
  }

  /** One request, answered synchronously. */
  fetch(request: WireRequest): WireAnswer {
    const port = this.start();
    const seen = Atomics.load(this.signal, 0);
    port.postMessage(request);
    const deadline = Date.now() + request.timeoutMs + 5_000;
    for (;;) {
      const received = receiveMessageOnPort(port);
      if (received) return received.message as WireAnswer;
      const left = deadline - Date.now();
      if (left <= 0) return { failure: 'TimeoutError', message: 'no answer from the fetch worker' };
      Atomics.wait(this.signal, 0, seen, left);
    }
  }

  close(): Promise<number> | undefined {
    this.port?.close();
    return this.worker?.terminate();
  }
}

/** A handler that sends each request on to the real server (or to `baseUrl`) and returns its answer. */
export function forwardingHandler(fetcher: SyncFetcher, options: ForwardOptions = {}): HttpHandler {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return (request: SimRequest): SimResponse => {
    const target = new URL(request.url);
    const url = options.baseUrl
      ? new URL(target.pathname + target.search, options.baseUrl).href
      : target.href;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_HEADERS.has(name)) headers[name] = value;
    }
    const sentAt = Date.now();
    const answer = fetcher.fetch({ url, method: request.method, headers, body: request.body, timeoutMs });
    const latencyMs = Date.now() - sentAt;
    if ('failure' in answer) {
      // What Apps Script's UrlFetchApp throws when the network fails under it.
      const what =
        answer.failure === 'ENOTFOUND' || answer.failure === 'EAI_AGAIN'
          ? 'DNS error'
          : 'Address unavailable';
      throw new GasError(`${what}: ${request.url}`);
    }
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!HOP_HEADERS.has(name)) responseHeaders[name] = value;
    }
    return { status: answer.status, headers: responseHeaders, body: answer.body, latencyMs };
  };
}
