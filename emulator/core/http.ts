/**
 * The contract between the emulated UrlFetchApp and the simulated services behind it (TikTok, Gemini,
 * Drive's REST upload, ...). A handler is registered per host; UrlFetchApp turns each request into a
 * SimRequest, calls the handler at the request's arrival time, and lets `latencyMs` pass before the
 * response arrives (on the virtual clock, or really on the real one).
 */

export interface SimRequest {
  readonly url: string;
  /** Upper-case, as on the wire: GET, POST, DELETE, ... */
  readonly method: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface SimResponse {
  status: number;
  /** Header names as the server would send them; a repeated header as an array. */
  headers?: Record<string, string | string[]>;
  body?: Uint8Array | string;
  /** How long the server takes to answer; 0 when omitted. */
  latencyMs?: number;
}

export interface HandlerContext {
  /** Milliseconds since the epoch when the request reaches the server. */
  readonly now: number;
}

export type HttpHandler = (request: SimRequest, context: HandlerContext) => SimResponse;

/** Reads a request body as UTF-8 text. */
export function bodyText(request: SimRequest): string {
  return new TextDecoder().decode(request.body);
}

/** A JSON response, as Google's APIs send them. */
export function jsonResponse(status: number, value: unknown, latencyMs = 0): SimResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify(value),
    latencyMs,
  };
}
