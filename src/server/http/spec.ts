/**
 * The plain data that crosses between the REST clients (Gemini, Drive) and the batch engine. A client
 * never fetches: it describes requests, and the engine sends them together with UrlFetchApp.fetchAll
 * (adding `muteHttpExceptions: true`), then hands each response back to the client to be read.
 */

export interface HttpRequestSpec {
  url: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  headers: Record<string, string>;
  contentType?: string;
  /** A text body (JSON), sent as is. */
  payload?: string;
  /**
   * A binary body as base64, never set together with another payload. The engine sends
   * `Utilities.newBlob(Utilities.base64Decode(payloadBase64), contentType)`: base64 is the form image
   * bytes already travel in (Gemini's inlineData, stored state), and a string survives being queued.
   */
  payloadBase64?: string;
  /**
   * A binary body as Apps Script's Byte[] (numbers from -128 to 127; 0–255 is accepted too), never set
   * together with another payload. The engine passes it to UrlFetchApp as the `payload` as it is.
   */
  payloadBytes?: number[];
}

/** The bytes a request's body puts on the wire, whichever form it is in. */
export function bodyBytes(body: Pick<HttpRequestSpec, 'payload' | 'payloadBase64' | 'payloadBytes'>): number {
  if (body.payloadBytes) return body.payloadBytes.length;
  if (body.payloadBase64 !== undefined) {
    const padding = body.payloadBase64.endsWith('==') ? 2 : body.payloadBase64.endsWith('=') ? 1 : 0;
    return (body.payloadBase64.length / 4) * 3 - padding;
  }
  // Our JSON bodies are ASCII (asciiJson), so characters are bytes.
  return body.payload?.length ?? 0;
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
