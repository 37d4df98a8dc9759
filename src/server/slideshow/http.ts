/**
 * The seam between the REST clients' plain request descriptions (Gemini, Drive, TikTok) and the
 * engine's EngineRequest/EngineResponse. Bodies are decoded only when a reader needs them: an image
 * answer is read as base64, never as text.
 */
import type { EngineRequest, EngineResponse } from '../engine/types';
import type { HttpRequestSpec, HttpResult } from '../http/spec';
import type { TikTokRequest, TikTokResponse } from '../tiktok/http';

export function fromSpec(spec: HttpRequestSpec): EngineRequest {
  if (spec.payloadBytes !== undefined) {
    // The job always has images as base64 (Gemini's answers, Drive downloads): Byte[] bodies never occur.
    throw new Error('slideshow: Byte[] payloads are not used; pass media as base64');
  }
  const request: EngineRequest = { url: spec.url, method: spec.method, headers: { ...spec.headers } };
  if (spec.contentType !== undefined) request.contentType = spec.contentType;
  if (spec.payload !== undefined) request.payload = spec.payload;
  if (spec.payloadBase64 !== undefined) request.payloadBase64 = spec.payloadBase64;
  return request;
}

export function fromTikTok(request: TikTokRequest): EngineRequest {
  return {
    url: request.url,
    method: 'get',
    headers: { ...request.headers },
    followRedirects: request.followRedirects,
  };
}

/** A response as the JSON readers take it (the body read as text). */
export function asResult(response: EngineResponse): HttpResult {
  return { status: response.status, body: response.text(), headers: response.headers };
}

export function asTikTok(response: EngineResponse): TikTokResponse {
  return { status: response.status, headers: response.headers, body: response.text() };
}

/** The same, for a binary answer: the body is read as text only when the status says it is an error. */
export function asMediaResult(response: EngineResponse): HttpResult {
  const ok = response.status >= 200 && response.status < 300;
  return { status: response.status, body: ok ? '' : response.text(), headers: response.headers };
}

export function isOk(response: EngineResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
