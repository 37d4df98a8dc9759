/** What the sidebar's buttons do to a batch: Cancel, Retry failed, Resume after a stop or a pause. */
import { batchRow, isEnded, sheetRows } from './batch';
import { addEvent } from './events';
import type { BatchState } from './types';

/** Keeps everything completed; stops the rest. Items in flight finish as kept (if done) or cancelled. */
export function cancelBatch(state: BatchState, now: number): void {
  const meta = state.meta;
  if (meta.status === 'completed' || meta.status === 'cancelled') return;
  meta.status = 'cancelled';
  meta.endedAt = now;
  meta.message = undefined;
  for (const row of state.rows) {
    for (const item of row.items) if (item.state === 'queued') item.state = 'cancelled';
    if (!isEnded(row)) {
      row.state = 'cancelled';
      row.endedAt = now;
      row.dirty = true;
    }
  }
  addEvent(meta, now, 'Batch cancelled: finished rows are kept');
}

/** Re-queues only the failed items and their rows; everything done stays done. Returns the rows re-queued. */
export function retryFailed(state: BatchState, now: number): number {
  let rows = 0;
  for (const row of state.rows) {
    const failedItems = row.items.filter((item) => item.state === 'failed');
    if (row.state !== 'failed' && failedItems.length === 0) continue;
    for (const item of failedItems) {
      // It ran before, and a try that failed may still have written (an answer lost after the write
      // landed): counting it as a rerun makes its next try look before it writes.
      if (item.attempts > 0 || item.takeovers > 0) item.reruns = (item.reruns ?? 0) + 1;
      item.state = 'queued';
      item.attempts = 0;
      item.takeovers = 0;
      item.notBefore = undefined;
      item.error = undefined;
    }
    if (row.state === 'failed') {
      row.state = 'pending';
      row.error = undefined;
      row.endedAt = undefined;
      row.dirty = true;
      rows += 1;
    }
  }
  const own = batchRow(state);
  if (rows > 0 || state.meta.status === 'stopped') {
    state.meta.status = 'running';
    state.meta.endedAt = undefined;
    state.meta.message = undefined;
    // The batch summary is written again at the end, with the new outcome.
    state.meta.shared['finishPlanned'] = false;
    if (own) own.state = 'active';
    addEvent(state.meta, now, `Retrying ${rows} failed ${rows === 1 ? 'row' : 'rows'}`);
  }
  return rows;
}

/** Every execution checks: a batch paused for a daily quota goes on by itself once the quota has reset. */
export function resumeAfterQuotaReset(state: BatchState, now: number): boolean {
  if (state.meta.status !== 'paused' || (state.meta.resumeAt ?? 0) > now) return false;
  return resumeBatch(state, now);
}

/** Resume, from the sidebar: after the settings were fixed (a stop), or a pause that is over. */
export function resumeBatch(state: BatchState, now: number): boolean {
  const meta = state.meta;
  const pausedOver = meta.status === 'paused' && (meta.resumeAt ?? 0) <= now;
  if (meta.status !== 'stopped' && !pausedOver) return false;
  meta.status = 'running';
  meta.resumeAt = undefined;
  meta.message = undefined;
  for (const row of sheetRows(state)) {
    if (!isEnded(row)) row.dirty = true;
    for (const item of row.items)
      if (item.state === 'queued' && (item.notBefore ?? 0) > now) item.notBefore = now;
  }
  addEvent(meta, now, 'Resumed');
  return true;
}
