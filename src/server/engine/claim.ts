/**
 * Taking work: expired leases come back, rows start within the rows-in-progress limit, and ready items
 * are leased to one execution within the rate, count and byte budgets. All of it runs under the document
 * lock, on state just read, and is saved before the lock is let go.
 */
import { batchRow, dependency, isEnded, itemFrom, sheetRows } from './batch';
import { addEvent, rowName } from './events';
import {
  LEASE_MS,
  MAX_REQUESTS_PER_WAVE,
  MAX_ROWS_IN_PROGRESS,
  MAX_TAKEOVERS,
  MAX_WAVE_BYTES,
} from './limits';
import { allowance, recordSend } from './rate';
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

const DEFAULT_ITEM_BYTES = 64 * 1024;

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
 * Counts the item against its rate key's allowance (`spent` holds what this pass already counted);
 * false when the key's budget is used up.
 */
function takeRate(state: BatchState, item: ItemRecord, spent: Map<string, number>, now: number): boolean {
  if (!item.rateKey) return true;
  const used = spent.get(item.rateKey) ?? 0;
  if (allowance(state.meta, item.rateKey, now) - used <= 0) return false;
  spent.set(item.rateKey, used + 1);
  return true;
}

/** The rows whose items may run now: the batch's own, then the active rows in sheet order. */
function workingRows(state: BatchState): RowRecord[] {
  const own = batchRow(state);
  const rows = sheetRows(state).filter((row) => row.state === 'active');
  return own && !isEnded(own) ? [own, ...rows] : rows;
}

export function claim(
  state: BatchState,
  job: JobType,
  owner: string,
  now: number,
  limits: ClaimLimits = DEFAULT_CLAIM_LIMITS,
): Claimed[] {
  const claimed: Claimed[] = [];
  if (state.meta.status !== 'running') return claimed;
  let bytes = 0;
  const spent = new Map<string, number>();
  for (const row of workingRows(state)) {
    for (const item of row.items) {
      if (claimed.length >= limits.maxItems) return claimed;
      if (!isReady(state, row, item, now)) continue;
      if (!takeRate(state, item, spent, now)) continue;
      const size = job.estimateBytes?.(item) ?? DEFAULT_ITEM_BYTES;
      if (claimed.length > 0 && bytes + size > limits.maxBytes) continue;
      bytes += size;
      item.state = 'leased';
      item.lease = { owner, until: now + LEASE_MS };
      claimed.push({ row, item });
    }
  }
  for (const { item } of claimed) if (item.rateKey) recordSend(state.meta, item.rateKey, now);
  return claimed;
}

/**
 * Bytes of the work in flight (leased) or ready to go now within the rate budgets: how much the
 * executions running at once could usefully hold. The sidebar keeps no more pump calls going than
 * these bytes fill, so lanes that would find nothing to do are not started.
 */
export function demandBytes(state: BatchState, job: JobType, now: number): number {
  let bytes = 0;
  const spent = new Map<string, number>();
  for (const row of workingRows(state)) {
    for (const item of row.items) {
      const leased = item.state === 'leased' && item.lease !== undefined && item.lease.until > now;
      if (!leased) {
        if (!isReady(state, row, item, now)) continue;
        if (!takeRate(state, item, spent, now)) continue;
      }
      bytes += job.estimateBytes?.(item) ?? DEFAULT_ITEM_BYTES;
    }
  }
  return bytes;
}
