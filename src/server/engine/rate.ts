/**
 * Requests-per-minute budgets shared by every execution: the send times of the last minute per rate key
 * live in the batch state (saved under the document lock), so a sidebar call and a trigger running at
 * the same time draw from one budget. A sliding window, like the server's, never lets any minute exceed
 * the limit, where a token bucket alone would allow a burst on top of it.
 *
 * Within the window, sends are also paced: at most `burst` at once, refilled at the limit's rate (a
 * token bucket read off the same send times). Without it, the first waves of a batch spend a whole
 * minute's budget in a few seconds; the window then frees its slots one by one, a minute later, in the
 * same bunch, and every execution that comes by takes a wave of one or two images, held as long as a
 * full one. Paced, the budget comes back a wave at a time, evenly.
 */
import { RATE_GUARD_MS, RATE_SAFETY, RATE_WINDOW_MS, SEND_JITTER_MS } from './limits';
import type { BatchMeta } from './types';

/** How long a claimed request counts against the minute's limit: the minute, and the guard for its journey. */
const CLAIMED_MS = RATE_WINDOW_MS + RATE_GUARD_MS;
/** How long a request known to have gone counts: the minute from its send, and the send's jitter. */
const LANDED_MS = RATE_WINDOW_MS + SEND_JITTER_MS;

export function limitFor(meta: BatchMeta, rateKey: string): number {
  const rpm = meta.settings.requestsPerMinute[rateKey];
  if (rpm === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.floor(rpm * RATE_SAFETY));
}

function claimedIn(meta: BatchMeta, rateKey: string, at: number): number[] {
  return (meta.sent[rateKey] ?? []).filter((time) => time > at - CLAIMED_MS);
}

function landedIn(meta: BatchMeta, rateKey: string, at: number): number[] {
  return (meta.landed?.[rateKey] ?? []).filter((time) => time > at - LANDED_MS);
}

/**
 * The requests that count in the window at `at` (which may lie ahead: nothing is changed): when each
 * went or was claimed, in order, and until when each counts.
 */
function recent(meta: BatchMeta, rateKey: string, at: number): { times: number[]; untils: number[] } {
  const entries = [
    ...claimedIn(meta, rateKey, at).map((time) => ({ time, until: time + CLAIMED_MS })),
    ...landedIn(meta, rateKey, at).map((time) => ({ time, until: time + LANDED_MS })),
  ];
  return {
    times: entries.map((entry) => entry.time).sort((a, b) => a - b),
    untils: entries.map((entry) => entry.until).sort((a, b) => a - b),
  };
}

/**
 * How many more requests with this key may go now: within the minute's window and, when `burst` is
 * given, within the pacing bucket of that size.
 */
export function allowance(
  meta: BatchMeta,
  rateKey: string,
  now: number,
  burst = Number.POSITIVE_INFINITY,
): number {
  if ((meta.holdUntil[rateKey] ?? 0) > now) return 0;
  const limit = limitFor(meta, rateKey);
  if (limit === Number.POSITIVE_INFINITY) return limit;
  const { times } = recent(meta, rateKey, now);
  let most = limit - times.length;
  if (burst < limit) {
    // The bucket: since each recent send (inclusive), no more than burst + the rate × the time since.
    const perMs = limit / RATE_WINDOW_MS;
    most = Math.min(most, Math.floor(burst));
    times.forEach((time, index) => {
      most = Math.min(most, Math.floor(burst + perMs * (now - time) - (times.length - index) + 1e-9));
    });
  }
  return Math.max(0, most);
}

export function recordSend(meta: BatchMeta, rateKey: string, now: number): void {
  if (limitFor(meta, rateKey) === Number.POSITIVE_INFINITY) return;
  // Sends that left the window are dropped here, so the saved log stays a minute long.
  meta.sent[rateKey] = [...claimedIn(meta, rateKey, now), now];
}

/**
 * A recorded wave's metered requests, claimed at `claimedAt`, went at `sentAt` (one time each): they
 * count from then on, with the send's jitter instead of the claim's guard. A claim whose request is not
 * known to have gone keeps counting from its claim.
 */
export function noteLanded(
  meta: BatchMeta,
  rateKey: string,
  claimedAt: number,
  sentAt: number[],
  now: number,
): void {
  if (limitFor(meta, rateKey) === Number.POSITIVE_INFINITY || sentAt.length === 0) return;
  let left = sentAt.length;
  meta.sent[rateKey] = claimedIn(meta, rateKey, now).filter((time) => !(time === claimedAt && left-- > 0));
  const landed = (meta.landed ??= {});
  landed[rateKey] = [...landedIn(meta, rateKey, now), ...sentAt.filter((time) => time > now - LANDED_MS)];
}

/**
 * When `need` requests with this key may go at once (the allowance above reaches it), if not now: the
 * latest of the 429 hold, the window freeing enough slots, and the bucket refilling enough.
 */
export function nextAllowedAt(
  meta: BatchMeta,
  rateKey: string,
  now: number,
  need = 1,
  burst = Number.POSITIVE_INFINITY,
): number {
  const hold = meta.holdUntil[rateKey] ?? 0;
  const limit = limitFor(meta, rateKey);
  if (limit === Number.POSITIVE_INFINITY) return Math.max(hold, now);
  const { times, untils } = recent(meta, rateKey, now);
  const wanted = Math.max(1, Math.min(need, limit, burst));
  // The window: the oldest sends must have left it, so that `wanted` more fit under the limit.
  const leaving = times.length + wanted - limit;
  let at = leaving <= 0 ? now : (untils[leaving - 1] ?? now);
  if (burst < limit) {
    const perMs = limit / RATE_WINDOW_MS;
    times.forEach((time, index) => {
      const since = times.length - index;
      at = Math.max(at, time + Math.ceil((wanted + since - burst) / perMs));
    });
  }
  return Math.max(hold, at, now);
}

/** A 429: nobody sends with this key until Gemini's delay has passed. */
export function hold(meta: BatchMeta, rateKey: string, until: number): void {
  meta.holdUntil[rateKey] = Math.max(meta.holdUntil[rateKey] ?? 0, until);
}
