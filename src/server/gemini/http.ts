/**
 * The plain data that crosses between this client and the batch engine. The client never fetches:
 * it describes requests, and the engine sends them together with UrlFetchApp.fetchAll (adding
 * `muteHttpExceptions: true`), then hands each response back here to be read.
 */

export const GEMINI_HOST = 'generativelanguage.googleapis.com';
export const API_ROOT = `https://${GEMINI_HOST}/v1beta`;
export const UPLOAD_ROOT = `https://${GEMINI_HOST}/upload/v1beta`;

/** The header that carries the key: headers stay out of URLs, and URLs end up in error messages and logs. */
export const API_KEY_HEADER = 'x-goog-api-key';

export interface HttpRequestSpec {
  url: string;
  method: 'get' | 'post' | 'delete';
  headers: Record<string, string>;
  contentType?: string;
  /** A text body (JSON), sent as is. */
  payload?: string;
  /**
   * A binary body as base64, never set together with `payload`. The engine sends
   * `Utilities.newBlob(Utilities.base64Decode(payloadBase64), contentType)`: base64 is the form image
   * bytes already travel in (Gemini's inlineData, stored state), and a string survives being queued.
   */
  payloadBase64?: string;
}

/** A response as the engine reads it: getResponseCode(), getContentText(), getAllHeaders(). */
export interface HttpResult {
  status: number;
  body: string;
  headers: Readonly<Record<string, string | string[]>>;
}

/** Header lookup ignoring case, because UrlFetchApp keeps the server's spelling of header names. */
export function headerValue(
  headers: Readonly<Record<string, string | string[]>>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

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
