/**
 * UrlFetchApp: synchronous fetch and fetchAll, routed to the simulated services by host.
 * fetchAll sends its requests together: they all reach their servers at the same moment, and the call
 * returns when the slowest answers, which is how Apps Script runs them.
 */
import { type BlobBridge, fromByteArray } from '../../core/blobs';
import { GasError, type ServiceEnv } from '../../core/env';
import type { SimRequest, SimResponse } from '../../core/http';
import type { HttpRouter } from '../../core/router';
import { HTTPResponse } from './response';
import { allowedByWhitelist, hostOf, resolveLocation } from './url';

export interface FetchParams {
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  contentType?: string;
  payload?: unknown;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

export interface UrlFetchLimits {
  urlLength: number;
  headerBytes: number;
  payloadBytes: number;
  responseBytes: number;
  callsPerDay: number;
  /** How long a request may take before Apps Script gives up on it (undocumented in real life). */
  deadlineMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: UrlFetchLimits = {
  urlLength: 2082,
  headerBytes: 8 * 1024,
  payloadBytes: 50 * 1024 * 1024,
  responseBytes: 50 * 1024 * 1024,
  callsPerDay: 20_000,
  deadlineMs: 60_000,
  maxRedirects: 10,
};

/** What the world records about each request, for tests and the benchmark. */
export interface FetchRecord {
  at: number;
  executionId: string;
  method: string;
  url: string;
  status: number | 'network-error' | 'timeout';
  requestBytes: number;
  responseBytes: number;
  latencyMs: number;
}

export interface UrlFetchDeps {
  env: ServiceEnv;
  router: HttpRouter;
  blobs: BlobBridge;
  whitelist: readonly string[] | undefined;
  limits: UrlFetchLimits;
  /** Counts one UrlFetch call against the daily quota; returns false when the quota is spent. */
  takeQuota(count: number): boolean;
  record(entry: FetchRecord): void;
}

interface Outcome {
  response?: HTTPResponse;
  error?: GasError;
  latencyMs: number;
}

export class UrlFetchApp {
  static readonly gasName = 'UrlFetchApp';

  constructor(private readonly deps: UrlFetchDeps) {}

  fetch(url: string, params: FetchParams = {}): HTTPResponse {
    return this.fetchAll([{ ...params, url }])[0] as HTTPResponse;
  }

  fetchAll(requests: (string | FetchParams)[]): HTTPResponse[] {
    if (!Array.isArray(requests)) throw new GasError('Invalid argument: requests');
    const normalized = requests.map((request) => (typeof request === 'string' ? { url: request } : request));
    if (!this.deps.takeQuota(normalized.length)) {
      throw new GasError('Service invoked too many times for one day: urlfetch.');
    }
    const arrival = this.deps.env.now();
    const outcomes = normalized.map((params) => this.send(params, arrival));
    const slowest = Math.max(0, ...outcomes.map((outcome) => outcome.latencyMs));
    this.deps.env.sleep(slowest, 'UrlFetchApp.wait');
    const failure = outcomes.find((outcome) => outcome.error);
    if (failure?.error) throw failure.error;
    return outcomes.map((outcome) => outcome.response as HTTPResponse);
  }

  getRequest(url: string, params: FetchParams = {}): Record<string, unknown> {
    const request = this.toSimRequest({ ...params, url });
    return {
      url: request.url,
      method: request.method.toLowerCase(),
      headers: request.headers,
      payload: new TextDecoder().decode(request.body),
      followRedirects: params.followRedirects ?? true,
      muteHttpExceptions: params.muteHttpExceptions ?? false,
    };
  }

  private send(params: FetchParams, arrival: number): Outcome {
    const { limits } = this.deps;
    let request: SimRequest;
    try {
      request = this.toSimRequest(params);
    } catch (error) {
      return { error: error as GasError, latencyMs: 0 };
    }
    let latency = 0;
    for (let hop = 0; ; hop++) {
      const result = this.exchange(request, arrival + latency);
      latency += result.latencyMs;
      if (latency > limits.deadlineMs) {
        this.note(request, 'timeout', 0, limits.deadlineMs);
        return { error: new GasError(`Timeout: ${request.url}`), latencyMs: limits.deadlineMs };
      }
      if (result.error) return { error: result.error, latencyMs: latency };
      const sim = result.response as SimResponse;
      const body = toBytes(sim.body);
      const location = headerValue(sim.headers, 'location');
      const followed = params.followRedirects ?? true;
      if (followed && sim.status >= 300 && sim.status < 400 && location && hop < limits.maxRedirects) {
        const next = resolveLocation(request.url, location);
        const method = sim.status === 307 || sim.status === 308 ? request.method : 'GET';
        request = {
          url: next,
          method,
          headers: request.headers,
          body: method === 'GET' ? new Uint8Array() : request.body,
        };
        continue;
      }
      if (body.length > limits.responseBytes) {
        return { error: new GasError('Exception: Response too large'), latencyMs: latency };
      }
      const response = new HTTPResponse(sim.status, sim.headers ?? {}, body, this.deps.blobs, request.url);
      if (sim.status >= 400 && !params.muteHttpExceptions) {
        const text = new TextDecoder().decode(body.subarray(0, 400));
        return {
          error: new GasError(
            `Request failed for ${request.url} returned code ${sim.status}. Truncated server response: ${text} ` +
              '(use muteHttpExceptions option to examine full response)',
          ),
          latencyMs: latency,
        };
      }
      return { response, latencyMs: latency };
    }
  }

  /** One request to one server, at time `at`. */
  private exchange(
    request: SimRequest,
    at: number,
  ): { response?: SimResponse; error?: GasError; latencyMs: number } {
    const host = hostOf(request.url);
    const handler = host ? this.deps.router.find(host) : undefined;
    if (!handler) {
      this.note(request, 'network-error', 0, 0);
      return { error: new GasError(`DNS error: ${request.url}`), latencyMs: 0 };
    }
    const response = handler(request, { now: at });
    const latencyMs = Math.max(0, response.latencyMs ?? 0);
    this.note(request, response.status, toBytes(response.body).length, latencyMs, at);
    return { response, latencyMs };
  }

  private note(
    request: SimRequest,
    status: FetchRecord['status'],
    responseBytes: number,
    latencyMs: number,
    at?: number,
  ) {
    this.deps.record({
      at: at ?? this.deps.env.now(),
      executionId: this.deps.env.current().id,
      method: request.method,
      url: request.url,
      status,
      requestBytes: request.body.length,
      responseBytes,
      latencyMs,
    });
  }

  private toSimRequest(params: FetchParams): SimRequest {
    const { limits, blobs } = this.deps;
    const url = String(params.url ?? '');
    if (!/^https?:\/\//i.test(url)) throw new GasError(`Invalid argument: ${url}`);
    if (url.length > limits.urlLength) throw new GasError('Limit Exceeded: URLFetch URL Length.');
    if (!allowedByWhitelist(url, this.deps.whitelist)) {
      throw new GasError(`Request to ${url} is not allowed by the manifest's urlFetchWhitelist.`);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(params.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    let body: Uint8Array = new Uint8Array();
    let contentType = params.contentType;
    const payload = params.payload;
    if (typeof payload === 'string') {
      body = new TextEncoder().encode(payload);
      contentType ??= 'application/x-www-form-urlencoded';
    } else if (Array.isArray(payload)) {
      body = fromByteArray(payload as number[]);
    } else if (payload !== undefined && payload !== null) {
      const blobBytes = blobs.bytesOf(payload);
      if (blobBytes) {
        body = blobBytes;
        contentType ??= blobs.contentTypeOf(payload) ?? undefined;
      } else if (typeof payload === 'object') {
        const form = Object.entries(payload as Record<string, unknown>)
          .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
          .join('&');
        body = new TextEncoder().encode(form);
        contentType ??= 'application/x-www-form-urlencoded';
      }
    }
    if (contentType) headers['content-type'] = contentType;
    const headerBytes = Object.entries(headers).reduce(
      (sum, [name, value]) => sum + name.length + value.length + 4,
      0,
    );
    if (headerBytes > limits.headerBytes) throw new GasError('Limit Exceeded: URLFetch header size.');
    if (body.length > limits.payloadBytes) throw new GasError('Limit Exceeded: URLFetch POST Size.');
    return { url, method: (params.method ?? 'get').toUpperCase(), headers, body };
  }
}

function toBytes(body: SimResponse['body']): Uint8Array {
  if (body === undefined) return new Uint8Array();
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

function headerValue(headers: SimResponse['headers'], name: string): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  if (!entry) return undefined;
  return Array.isArray(entry[1]) ? entry[1][0] : entry[1];
}
