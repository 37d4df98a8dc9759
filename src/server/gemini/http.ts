/**
 * Gemini's hosts and key header. The request and response shapes are shared with the Drive client
 * (src/server/http) and re-exported here, so Gemini code keeps importing them from './http'.
 */
import type { HttpRequestSpec } from '../http/spec';

export { headerValue, type HttpRequestSpec, type HttpResult } from '../http/spec';

export const GEMINI_HOST = 'generativelanguage.googleapis.com';
export const API_ROOT = `https://${GEMINI_HOST}/v1beta`;
export const UPLOAD_ROOT = `https://${GEMINI_HOST}/upload/v1beta`;

/** The header that carries the key: headers stay out of URLs, and URLs end up in error messages and logs. */
export const API_KEY_HEADER = 'x-goog-api-key';

/** What may be logged about a request: the key masked, the body reduced to its size. */
export function describeForLog(spec: HttpRequestSpec): {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyChars: number;
} {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.headers)) {
    headers[name] = name.toLowerCase() === API_KEY_HEADER ? '(hidden)' : value;
  }
  return {
    method: spec.method.toUpperCase(),
    url: spec.url,
    headers,
    bodyChars: (spec.payload ?? spec.payloadBase64 ?? '').length,
  };
}
