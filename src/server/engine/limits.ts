/** The engine's fixed numbers, in one place, with why each is what it is. */
import { MAX_SIDEBAR_LANES } from '../../shared/lanes';

/** Failed tries per item before its row fails (the PRD: 3 attempts). */
export const MAX_ATTEMPTS = 3;

/** An item whose executions keep dying under it is failed rather than retried forever. */
export const MAX_TAKEOVERS = 5;

/** Backoff after a failed try: 10 s, 20 s, 40 s ... capped at 5 minutes, each with ±50% jitter. */
export const BACKOFF_BASE_MS = 10_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** The rate window: Gemini's quotas are per minute. */
export const RATE_WINDOW_MS = 60_000;
/**
 * A send stays in our window this much longer than a minute: it is counted when claimed and reaches
 * Gemini a moment later, by a delay that differs between executions, so a wave claimed the instant an
 * older one left our window could still land inside Gemini's minute with it (measured: 32 answers of
 * 429 in the 100-link benchmark at 60 a minute without it).
 */
export const RATE_GUARD_MS = 2_000;

/**
 * Once a wave is recorded, each metered request counts from when it really went, with this guard for
 * the moments between its fetchAll's start and its arrival, which differ from one request to another.
 */
export const SEND_JITTER_MS = 250;

/**
 * Keep a little under the configured requests per minute: requests reach the server a moment after they
 * are claimed, and not every execution's moment is the same.
 */
export const RATE_SAFETY = 0.97;

/** Recent events kept for the sidebar's log. */
export const MAX_EVENTS = 30;

/**
 * Requests in one fetchAll and bytes held by one wave (requests and responses, all in memory at once):
 * under the 50 MB an execution may hold, with room for the one image being converted and saved.
 */
export const MAX_REQUESTS_PER_WAVE = 100;
export const MAX_WAVE_BYTES = 45 * 1024 * 1024;

/** Sidebar calls in flight at once: the page's 10 `google.script.run` calls, less one kept free. */
export const MAX_PUMPS_IN_FLIGHT = MAX_SIDEBAR_LANES;
/** How far ahead the sidebar's lane count looks for rate budget coming free (claim.ts demandBytes). */
export const DEMAND_HORIZON_MS = 30_000;
/** More rows than this in progress would make the saved state slow to read and write on every wave. */
export const MAX_ROWS_IN_PROGRESS = 60;

/**
 * While the sidebar pumps (it did within this long), the trigger leaves the work to it: the sidebar's
 * executions do not count toward the 90 minutes of trigger runtime a day.
 */
export const SIDEBAR_ALIVE_MS = 45_000;

/** UrlFetchApp gives up on a request after about this long; a wave's steps each take at most this. */
export const FETCH_DEADLINE_MS = 60_000;

/** Steps (fetchAll rounds) one item may take inside one wave, e.g. generate then upload. */
export const MAX_STEPS_PER_WAVE = 3;

/** Apps Script kills an execution at 6 minutes; everything must be saved well before. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
export const SAFETY_MARGIN_MS = 30_000;

/** What a lease allows beyond its steps' fetches: recording, the lock wait, and a margin. */
export const LEASE_SLACK_MS = 60_000;

/** A lease outlives the longest wave, so a live execution never loses its items mid-wave. */
export const LEASE_MS = MAX_STEPS_PER_WAVE * FETCH_DEADLINE_MS + LEASE_SLACK_MS;

/** The lease of a try that takes at most `steps` fetchAll rounds (never longer than LEASE_MS). */
export function leaseMsFor(steps: number): number {
  const rounds = Math.max(1, Math.min(MAX_STEPS_PER_WAVE, Math.ceil(steps)));
  return rounds * FETCH_DEADLINE_MS + LEASE_SLACK_MS;
}

/** How long to wait for the document lock before giving up this round. */
export const LOCK_WAIT_MS = 20_000;
