/**
 * Taking work: expired leases come back, rows start within the rows-in-progress limit, and ready items
 * are leased to one execution within the rate, count and byte budgets. All of it runs under the document
 * lock, on state just read, and is saved before the lock is let go.
 */
import { batchRow, dependency, isEnded, itemFrom, sheetRows } from './batch';
import { addEvent, rowName } from './events';
import {
  DEMAND_HORIZON_MS,
  leaseMsFor,
  MAX_REQUESTS_PER_WAVE,
  MAX_ROWS_IN_PROGRESS,
  MAX_STEPS_PER_WAVE,
  MAX_TAKEOVERS,
  MAX_WAVE_BYTES,
} from './limits';
import { budgetBytes } from './bytes';
import { allowance, limitFor, recordSend } from './rate';
import type { BatchState, ItemRecord, JobType, RowRecord } from './types';

export interface Claimed {
  row: RowRecord;
  item: ItemRecord;
}

export interface ClaimLimits {
  maxItems: number;
  maxBytes: number;
}

export const DEFAULT_CLAIM_LIMITS: ClaimLimits = {
  maxItems: MAX_REQUESTS_PER_WAVE,
  maxBytes: MAX_WAVE_BYTES,
};

/** Items whose execution died (its lease ran out) go back to the queue, or fail if that keeps happening. */
export function expireLeases(state: BatchState, now: number): void {
  for (const row of state.rows) {
    for (const item of row.items) {
      if (item.state !== 'leased' || !item.lease || item.lease.until > now) continue;
      item.lease = undefined;
      item.takeovers += 1;
      if (item.takeovers >= MAX_TAKEOVERS) {
        item.state = 'failed';
        item.error = 'This step was interrupted too many times; try Retry failed.';
        row.dirty = true;
      } else {
        item.state = 'queued';
      }
    }
  }
}

/** Rows in progress at most: the settings' figure, or more when the job needs them to use its quotas. */
export function rowsInProgressLimit(state: BatchState, job: JobType): number {
  const wanted = Math.min(MAX_ROWS_IN_PROGRESS, job.rowsWanted?.(state.meta) ?? 0);
  return Math.max(state.meta.settings.rowsInProgress, wanted);
}

/** Starts pending rows, in sheet order, while fewer than the limit are in progress. */
export function activateRows(state: BatchState, job: JobType, now: number): void {
  const rows = sheetRows(state);
  const limit = rowsInProgressLimit(state, job);
  let active = rows.filter((row) => row.state === 'active').length;
  for (const row of rows) {
    if (active >= limit) return;
    if (row.state !== 'pending') continue;
    row.state = 'active';
    row.startedAt = now;
    row.dirty = true;
    if (row.items.length === 0) row.items = job.plan(row, state.meta).map(itemFrom);
    active += 1;
    addEvent(state.meta, now, `${rowName(row)}: started`);
  }
}

function isReady(state: BatchState, row: RowRecord, item: ItemRecord, now: number): boolean {
  if (item.state !== 'queued' || (item.notBefore ?? 0) > now) return false;
  return (item.deps ?? []).every((dep) => dependency(state, row, dep)?.state === 'done');
}

/**
 * How one rate key's items are taken: at most `burst` at once, and only when `need` of them may go
 * together (a wave's worth, or all that are ready when fewer are), so no execution holds a wave open
 * for a handful of images while a full one would come due seconds later. A wave's worth divides the
 * minute's limit evenly (58 a minute in waves of 16 would fit only three, 48; in waves of 14, four):
 * the minute's window never has to wait for a whole wave to leave it.
 */
export interface Pace {
  /** A wave's worth: the minute's limit divided into even waves no larger than one execution holds. */
  burst: number;
  /** What a claim waits for before it takes any: a wave's worth, or all that is ready if fewer. */
  need: number;
  /** The bucket's size: tokens a moment without takers leaves for the next (BUCKET_WAVES waves). */
  bucket: number;
}

/**
 * Waves the pacing bucket holds. One would throw away the tokens of every moment no execution came by
 * to take them: when the executions, not the quota, are the limit, lanes arriving close together then
 * slept for tokens that had been there and were lost. Two keep that slack and still never let more
 * than two waves go at once.
 */
export const BUCKET_WAVES = 2;

/**
 * The requests of a rate key one wave carries. A minute's window holds only whole waves: the minute's
 * limit divided into even waves no larger than `capacity` wastes least of it (at 58 a minute and 21
 * to a wave, three waves of 19 use 57, where waves of 21 would use 42). But a larger wave that uses
 * the window at least as well is taken: at 291 a minute, 14 waves of 20 use 280 and 13 of 22 use 286,
 * and when the executions, not the quota, are the limit, waves of 22 carry 10% more in the same time.
 */
export function waveSize(limit: number, capacity: number): number {
  if (!Number.isFinite(limit)) return capacity;
  const even = Math.max(1, Math.floor(limit / Math.ceil(limit / capacity)));
  const used = (size: number) => Math.floor(limit / size) * size;
  for (let size = Math.min(capacity, limit); size > even; size--) if (used(size) >= used(even)) return size;
  return even;
}

/** Each rate key's pace, from the items ready now and what one wave of them holds. */
export function paces(state: BatchState, job: JobType, now: number, limits: ClaimLimits): Map<string, Pace> {
  const ready = new Map<string, { count: number; size: number }>();
  for (const row of workingRows(state)) {
    for (const item of row.items) {
      if (!item.rateKey || !isReady(state, row, item, now)) continue;
      const entry = ready.get(item.rateKey);
      if (entry) entry.count += 1;
      else ready.set(item.rateKey, { count: 1, size: itemBytes(job, item, state) });
    }
  }
  const out = new Map<string, Pace>();
  for (const [key, { count, size }] of ready) {
    const capacity = Math.max(1, Math.min(limits.maxItems, Math.floor(limits.maxBytes / size)));
    const limit = limitFor(state.meta, key);
    const burst = waveSize(limit, capacity);
    const bucket = Number.isFinite(limit) ? Math.min(limit, burst * BUCKET_WAVES) : burst;
    out.set(key, { burst, need: Math.min(burst, count), bucket });
  }
  return out;
}

function itemBytes(job: JobType, item: ItemRecord, state: BatchState): number {
  return budgetBytes(job, item, state.meta);
}

/**
 * Counts the item against its rate key's allowance (`spent` holds what this pass already counted);
 * false when the key's budget is used up. With `pace`, the key's items go only `need` at a time.
 */
function takeRate(
  state: BatchState,
  item: ItemRecord,
  spent: Map<string, number>,
  at: number,
  pace?: Map<string, Pace>,
): boolean {
  if (!item.rateKey) return true;
  const used = spent.get(item.rateKey) ?? 0;
  const keyPace = pace?.get(item.rateKey);
  const allowed = allowance(state.meta, item.rateKey, at, keyPace?.bucket);
  if (used === 0 && keyPace && allowed < keyPace.need) return false;
  // One wave's worth per claim, even when the bucket holds more: the next lane takes the rest.
  if (keyPace && used >= keyPace.burst) return false;
  if (allowed - used <= 0) return false;
  spent.set(item.rateKey, used + 1);
  return true;
}

/** The rows whose items may run now: the batch's own, then the active rows in sheet order. */
function workingRows(state: BatchState): RowRecord[] {
  const own = batchRow(state);
  const rows = sheetRows(state).filter((row) => row.state === 'active');
  return own && !isEnded(own) ? [own, ...rows] : rows;
}

/**
 * The most of a wave's bytes riders take: they go first, but a crowd of rows starting at once (their
 * slides and photos are megabytes each) must not leave the wave's slow items no room.
 */
export const RIDER_SHARE = 0.25;

export function claim(
  state: BatchState,
  job: JobType,
  owner: string,
  now: number,
  limits: ClaimLimits = DEFAULT_CLAIM_LIMITS,
): Claimed[] {
  const claimed: Claimed[] = [];
  if (state.meta.status !== 'running') return claimed;
  const pace = paces(state, job, now, limits);
  const slow = (item: ItemRecord) => job.isSlow?.(item) ?? false;
  const quick = (item: ItemRecord) => !slow(item);
  // A quick item rides only on its first try: a wave whose slowest answer timed out gives every request
  // in it no answer, and a short step must not keep failing for an image's sake.
  const rider = (item: ItemRecord) => quick(item) && item.attempts === 0 && item.takeovers === 0;
  const retried = (item: ItemRecord) => quick(item) && !rider(item);
  if (!anyReady(state, now, retried) && fullSlowWave(state, job, now, pace)) {
    // A whole wave of slow items may go: the quick items ready now ride along in it. Their answers come
    // long before the slowest image's, so they cost the wave nothing, and each saves an execution a
    // wave of its own (a claim, a record, the sheet). They go first, in a share of the wave's bytes.
    const riding = { ...limits, maxBytes: limits.maxBytes * RIDER_SHARE };
    const bytes = takeInto(claimed, state, job, owner, now, riding, pace, rider, 0);
    takeInto(claimed, state, job, owner, now, limits, pace, slow, bytes);
  } else {
    // Otherwise quick items first, in a wave of their own: while images are few, a row's chain of short
    // steps (page, folders, uploads, analysis) must not wait for a wave of images to end.
    takeInto(claimed, state, job, owner, now, limits, pace, quick, 0);
    if (claimed.length === 0) takeInto(claimed, state, job, owner, now, limits, pace, slow, 0);
  }
  for (const { item } of claimed) if (item.rateKey) recordSend(state.meta, item.rateKey, now);
  return claimed;
}

function anyReady(state: BatchState, now: number, wanted: (item: ItemRecord) => boolean): boolean {
  return workingRows(state).some((row) =>
    row.items.some((item) => wanted(item) && isReady(state, row, item, now)),
  );
}

/**
 * True when a whole wave of the job's slow items may go now: a wave's worth is ready for its rate key
 * and the key's allowance holds it. Slow items without a rate key never ride with quick ones.
 */
function fullSlowWave(state: BatchState, job: JobType, now: number, pace: Map<string, Pace>): boolean {
  if (!job.isSlow) return false;
  const seen = new Set<string>();
  for (const row of workingRows(state)) {
    for (const item of row.items) {
      const key = item.rateKey;
      if (!key || seen.has(key) || !job.isSlow(item) || !isReady(state, row, item, now)) continue;
      seen.add(key);
      const keyPace = pace.get(key);
      if (
        keyPace &&
        keyPace.need >= keyPace.burst &&
        allowance(state.meta, key, now, keyPace.bucket) >= keyPace.burst
      ) {
        return true;
      }
    }
  }
  return false;
}

function takeInto(
  claimed: Claimed[],
  state: BatchState,
  job: JobType,
  owner: string,
  now: number,
  limits: ClaimLimits,
  pace: Map<string, Pace>,
  wanted: (item: ItemRecord) => boolean,
  bytesBefore: number,
): number {
  let bytes = bytesBefore;
  const spent = new Map<string, number>();
  for (const row of workingRows(state)) {
    for (const item of row.items) {
      if (claimed.length >= limits.maxItems) return bytes;
      if (!wanted(item) || !isReady(state, row, item, now)) continue;
      if (!takeRate(state, item, spent, now, pace)) continue;
      const size = itemBytes(job, item, state);
      if (claimed.length > 0 && bytes + size > limits.maxBytes) continue;
      bytes += size;
      item.state = 'leased';
      item.lease = { owner, until: now + leaseMsFor(job.stepsOf?.(item, state.meta) ?? MAX_STEPS_PER_WAVE) };
      claimed.push({ row, item });
    }
  }
  return bytes;
}

/**
 * Bytes of the work in flight (leased) or ready to go within the rate budgets by DEMAND_HORIZON_MS
 * from now: how much the executions running at once could usefully hold. The sidebar keeps no more
 * pump calls going than these bytes fill, so lanes that would find nothing to do are not started; the
 * horizon keeps a lane alive through the seconds the rate window is full, so it is there when the
 * window frees again.
 */
export function demandBytes(state: BatchState, job: JobType, now: number): number {
  const at = now + DEMAND_HORIZON_MS;
  let bytes = 0;
  const spent = new Map<string, number>();
  for (const row of workingRows(state)) {
    for (const item of row.items) {
      const leased = item.state === 'leased' && item.lease !== undefined && item.lease.until > now;
      if (!leased) {
        if (!isReady(state, row, item, now)) continue;
        if (!takeRate(state, item, spent, at)) continue;
      }
      bytes += itemBytes(job, item, state);
    }
  }
  return bytes;
}
