/** Reading Google APIs' answers: shared by the Gemini and Drive readers. */
import { headerValue } from './spec';

/** The body as JSON, or undefined when it is not JSON (an HTML error page from a proxy, say). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The start of a non-JSON body (an HTML page, usually), enough to recognise it in a log. */
export function firstLine(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);
}

/** `Retry-After` is either seconds or an HTTP date; the wait in milliseconds from `now`. */
export function retryAfterHeader(
  headers: Readonly<Record<string, string | string[]>>,
  now: number,
): number | undefined {
  const value = headerValue(headers, 'Retry-After')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
