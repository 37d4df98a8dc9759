/**
 * Recording what came back, under the lock, on freshly read state. An outcome is applied only if the
 * item is still leased to the execution that sent it: if the lease ran out and another execution took
 * the item over, this answer is dropped (its side effects were written idempotently, so nothing doubles).
 */
import { batchRow, findItem, findRow, isEnded, itemFrom, sheetRows } from './batch';
import { addEvent, rowName } from './events';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, MAX_ATTEMPTS } from './limits';
import { hold } from './rate';
import {
  BATCH_ROW_ID,
  type BatchState,
  type Failure,
  type ItemRecord,
  type JobType,
  type RowRecord,
  type StepResult,
} from './types';

export type Outcome = Extract<StepResult, { kind: 'done' | 'fail' }> | { kind: 'released' };

export interface Recorded {
  applied: boolean;
}

/** A retry's words promise another try ("It will be tried again"); after the last one, that promise goes. */
const PROMISE =
  /(?:[;.]\s*|\s+)(?:it|the row) will be tried again(?:[;.]\s*(?:if it keeps happening,\s*)?)?/i;

/** The row's error after its last try: what went wrong, how many tries, and any advice that was given. */
export function lastTryMessage(message: string, attempts: number): string {
  const tried = `(tried ${attempts} times)`;
  const match = PROMISE.exec(message);
  if (!match) return `${message.replace(/\.\s*$/, '')} ${tried}.`;
  const before = message.slice(0, match.index).replace(/\.\s*$/, '');
  const after = message.slice(match.index + match[0].length).trim();
  const advice = after ? ` ${after.charAt(0).toUpperCase()}${after.slice(1)}` : '';
  return `${before} ${tried}.${advice}`;
}

/** Exponential backoff with ±50% jitter: retries from many rows spread out instead of arriving together. */
export function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random()));
}

function failRow(state: BatchState, row: RowRecord, message: string, now: number): void {
  if (row.rowId === BATCH_ROW_ID) {
    // The batch's own work (its folder, its summary) failing leaves every row stuck: stop and say why.
    if (state.meta.status === 'running' || state.meta.status === 'paused') {
      state.meta.status = 'stopped';
      state.meta.message = message;
      for (const each of sheetRows(state)) if (!isEnded(each)) each.dirty = true;
      addEvent(state.meta, now, `Stopped: ${message}`);
    }
    return;
  }
  if (isEnded(row)) return;
  row.state = 'failed';
  row.error = message;
  row.endedAt = now;
  row.dirty = true;
  addEvent(state.meta, now, `${rowName(row)}: failed: ${message}`);
}

function applyFailure(
  state: BatchState,
  row: RowRecord,
  item: ItemRecord,
  failure: Failure,
  now: number,
  random: () => number,
): void {
  const meta = state.meta;
  item.error = failure.message;
  switch (failure.kind) {
    case 'rate-limited': {
      item.state = 'queued';
      item.notBefore = now + failure.retryAfterMs;
      const key = failure.rateKey ?? item.rateKey;
      if (key) hold(meta, key, now + failure.retryAfterMs);
      addEvent(
        meta,
        now,
        `${rowName(row)}: rate limited, retrying in ${Math.ceil(failure.retryAfterMs / 1000)} s`,
      );
      return;
    }
    case 'quota-day':
      item.state = 'queued';
      item.notBefore = failure.resumeAt;
      if (meta.status === 'running') {
        meta.status = 'paused';
        meta.resumeAt = failure.resumeAt;
        meta.message = failure.message;
        for (const each of sheetRows(state)) if (each.state === 'active') each.dirty = true;
        addEvent(meta, now, `Paused: ${failure.message}`);
      }
      return;
    case 'settings':
      item.state = 'queued';
      if (meta.status === 'running' || meta.status === 'paused') {
        meta.status = 'stopped';
        meta.message = failure.message;
        for (const each of sheetRows(state)) if (!isEnded(each)) each.dirty = true;
        addEvent(meta, now, `Stopped: ${failure.message}`);
      }
      return;
    case 'retry':
      item.attempts += 1;
      if (item.attempts < MAX_ATTEMPTS) {
        item.state = 'queued';
        item.notBefore = now + backoffMs(item.attempts, random);
        return;
      }
      item.state = 'failed';
      failRow(state, row, lastTryMessage(failure.message, item.attempts), now);
      return;
    case 'fatal':
      item.state = 'failed';
      item.attempts += 1;
      failRow(state, row, failure.message, now);
      return;
  }
}

export function recordOutcome(
  state: BatchState,
  owner: string,
  rowId: string,
  itemId: string,
  outcome: Outcome,
  now: number,
  random: () => number,
): Recorded {
  const row = findRow(state, rowId);
  const item = row ? findItem(row, itemId) : undefined;
  if (!row || !item || item.state !== 'leased' || item.lease?.owner !== owner) return { applied: false };
  item.lease = undefined;
  const cancelled = state.meta.status === 'cancelled' || row.state === 'cancelled';
  if (outcome.kind === 'released') {
    item.state = cancelled ? 'cancelled' : 'queued';
    return { applied: true };
  }
  if (outcome.kind === 'done') {
    // Finished work is kept even after Cancel: it is complete, and already written.
    item.state = 'done';
    item.error = undefined;
    item.result = outcome.result;
    if (outcome.output) {
      row.output = outcome.output;
      row.dirty = true;
    }
    if (outcome.label) row.label = outcome.label;
    if (outcome.event) addEvent(state.meta, now, `${rowName(row)}: ${outcome.event}`);
    if (!cancelled)
      for (const spec of outcome.newItems ?? []) if (!findItem(row, spec.id)) row.items.push(itemFrom(spec));
    const units = item.units ?? 0;
    if (units > 0) {
      state.meta.unitsDone += units;
      state.meta.firstUnitAt ??= now;
      state.meta.lastUnitAt = now;
      row.dirty = true;
    }
    return { applied: true };
  }
  if (cancelled) {
    item.state = 'cancelled';
    return { applied: true };
  }
  applyFailure(state, row, item, outcome.failure, now, random);
  return { applied: true };
}

/**
 * Ends rows whose items are all done, plans the batch's closing items once every row has ended, and
 * ends the batch when those are done too.
 */
export function settle(state: BatchState, job: JobType, now: number): void {
  for (const row of sheetRows(state)) {
    if (row.state !== 'active') continue;
    if (row.items.every((item) => item.state === 'done')) {
      row.state = 'completed';
      row.endedAt = now;
      row.error = undefined;
      row.dirty = true;
      const units = row.items.reduce((sum, item) => sum + (item.units ?? 0), 0);
      addEvent(state.meta, now, `${rowName(row)}: done${units > 0 ? `, ${units} images saved` : ''}`);
    }
  }
  const own = batchRow(state);
  if (!own || state.meta.status === 'completed') return;
  const rowsEnded = sheetRows(state).every(isEnded);
  if (!rowsEnded) return;
  if (state.meta.status === 'running' && !state.meta.shared['finishPlanned']) {
    state.meta.shared['finishPlanned'] = true;
    for (const spec of job.planFinish?.(state) ?? []) {
      const existing = findItem(own, spec.id);
      // Planned again: whatever it wrote last time may still be there, so the job must look before writing.
      if (existing) Object.assign(existing, itemFrom(spec), { reruns: (existing.reruns ?? 0) + 1 });
      else own.items.push(itemFrom(spec));
    }
  }
  const ownOpen = own.items.some((item) => item.state === 'queued' || item.state === 'leased');
  if (ownOpen && state.meta.status === 'running') return;
  if (state.meta.status === 'running') {
    state.meta.status = 'completed';
    state.meta.endedAt = now;
    own.state = 'completed';
    const rows = sheetRows(state);
    const done = rows.filter((row) => row.state === 'completed').length;
    const failed = rows.filter((row) => row.state === 'failed').length;
    addEvent(state.meta, now, `Batch finished: ${done} done, ${failed} failed`);
  }
}
