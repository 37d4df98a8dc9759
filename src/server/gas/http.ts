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
    get size() {
      return content().length;
    },
    text: () => (text ??= http.getContentText()),
    base64: () => Utilities.base64Encode(content()),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const urlFetchHttp: HttpPort = {
  fetchAll(requests) {
    if (requests.length === 0) return [];
    try {
      return UrlFetchApp.fetchAll(requests.map(params)).map(response);
    } catch (error) {
      // Apps Script counts web requests per account and day; past the limit every fetch fails until the
      // day's count resets, so the batch waits a day instead of failing its rows one by one.
      if (/too many times for one day: urlfetch/i.test(String(error))) {
        throw new DailyQuotaError(
          "Apps Script's daily limit of web requests for your Google account is used up; the batch goes on by itself in 24 hours.",
          Date.now() + DAY_MS,
        );
      }
      throw error;
    }
  },
};
