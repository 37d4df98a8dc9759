/**
 * Requests-per-minute budgets shared by every execution: the send times of the last minute per rate key
 * live in the batch state (saved under the document lock), so a sidebar call and a trigger running at
 * the same time draw from one budget. A sliding window, like the server's, never lets any minute exceed
 * the limit, where a token bucket would allow a burst on top of it.
 */
import { RATE_SAFETY, RATE_WINDOW_MS } from './limits';
import type { BatchMeta } from './types';

export function limitFor(meta: BatchMeta, rateKey: string): number {
  const rpm = meta.settings.requestsPerMinute[rateKey];
  if (rpm === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.floor(rpm * RATE_SAFETY));
}

function recent(meta: BatchMeta, rateKey: string, now: number): number[] {
  const times = (meta.sent[rateKey] ?? []).filter((time) => time > now - RATE_WINDOW_MS);
  meta.sent[rateKey] = times;
  return times;
}

/** How many more requests with this key may go now. */
export function allowance(meta: BatchMeta, rateKey: string, now: number): number {
  if ((meta.holdUntil[rateKey] ?? 0) > now) return 0;
  const limit = limitFor(meta, rateKey);
  if (limit === Number.POSITIVE_INFINITY) return limit;
  return Math.max(0, limit - recent(meta, rateKey, now).length);
}

export function recordSend(meta: BatchMeta, rateKey: string, now: number): void {
  if (limitFor(meta, rateKey) === Number.POSITIVE_INFINITY) return;
  (meta.sent[rateKey] ??= []).push(now);
}

/** When the next request with this key may go, if none may go now. */
export function nextAllowedAt(meta: BatchMeta, rateKey: string, now: number): number {
  const hold = meta.holdUntil[rateKey] ?? 0;
  const times = recent(meta, rateKey, now);
  const limit = limitFor(meta, rateKey);
  const windowFree = times.length < limit ? now : (times[times.length - limit] ?? now) + RATE_WINDOW_MS;
  return Math.max(hold, windowFree);
}

/** A 429: nobody sends with this key until Gemini's delay has passed. */
export function hold(meta: BatchMeta, rateKey: string, until: number): void {
  meta.holdUntil[rateKey] = Math.max(meta.holdUntil[rateKey] ?? 0, until);
}
