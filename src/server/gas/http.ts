/** The engine's HTTP port over UrlFetchApp.fetchAll: every request of a wave goes out together. */
import { DailyQuotaError, type HttpPort } from '../engine/ports';
import type { EngineRequest, EngineResponse } from '../engine/types';

function params(request: EngineRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const out: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: request.url,
    method: request.method,
    headers: request.headers,
    muteHttpExceptions: true,
    followRedirects: request.followRedirects ?? true,
  };
  if (request.contentType) out.contentType = request.contentType;
  if (request.payload !== undefined) out.payload = request.payload;
  else if (request.payloadBase64 !== undefined) {
    out.payload = Utilities.newBlob(
      Utilities.base64Decode(request.payloadBase64),
      request.contentType ?? 'application/octet-stream',
    );
  }
  return out;
}

function response(http: GoogleAppsScript.URL_Fetch.HTTPResponse): EngineResponse {
  let bytes: GoogleAppsScript.Byte[] | null = null;
  let text: string | null = null;
  const content = () => (bytes ??= http.getContent());
  return {
    status: http.getResponseCode(),
    headers: http.getAllHeaders() as Record<string, string | string[]>,
    // Whichever form the body was read in: getContent() copies it into a Byte[] of as many numbers,
    // which for an image answer read as text (2 MB of JSON) is slow and far larger in memory.
    get size() {
      if (bytes === null && text !== null) return text.length;
      return content().length;
    },
    text: () => (text ??= http.getContentText()),
    base64: () => Utilities.base64Encode(content()),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A request that never got an answer (refused by the whitelist, an unknown host, a time-out). */
function unanswered(message: string): EngineResponse {
  // Plain text, not JSON: every reader treats an unreadable answer as worth another try.
  const body = `No answer: ${message}`;
  return {
    status: 0,
    headers: {},
    size: 0,
    text: () => body,
    base64: () => Utilities.base64Encode(body),
  };
}

function isDailyQuota(error: unknown): boolean {
  return /too many times for one day: urlfetch/i.test(String(error));
}

// Apps Script counts web requests per account and day; past the limit every fetch fails until the
// day's count resets, so the batch waits a day instead of failing its rows one by one.
function dailyQuotaError(): DailyQuotaError {
  return new DailyQuotaError(
    "Apps Script's daily limit of web requests for your Google account is used up; the batch goes on by itself in 24 hours.",
    Date.now() + DAY_MS,
  );
}

/** A fetchAll that throws sooner than this failed before its requests went out. */
const QUICK_FAILURE_MS = 5_000;

export const urlFetchHttp: HttpPort = {
  fetchAll(requests) {
    if (requests.length === 0) return [];
    const all = requests.map(params);
    const began = Date.now();
    try {
      return UrlFetchApp.fetchAll(all).map(response);
    } catch (error) {
      if (isDailyQuota(error)) throw dailyQuotaError();
      if (requests.length === 1) return [unanswered(String(error))];
      // A fetchAll that failed after a long wait timed out: its requests were sent and may have done
      // their work. Sending them again one after another would repeat that work and could outlast the
      // items' leases; every item hears "no answer" and its next try looks before it writes.
      if (Date.now() - began >= QUICK_FAILURE_MS) return all.map(() => unanswered(String(error)));
      // It failed at once: one request could not be sent (a bad address). Send them one by one so that
      // request fails only its own item.
      return all.map((one) => {
        try {
          return response(UrlFetchApp.fetch(one.url, one));
        } catch (single) {
          if (isDailyQuota(single)) throw dailyQuotaError();
          return unanswered(String(single));
        }
      });
    }
  },
};
