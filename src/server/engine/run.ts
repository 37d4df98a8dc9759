/**
 * One execution's share of the work: waves of claim (under the lock) → send (no lock, one fetchAll per
 * step) → record (under the lock), until the time budget, the work, or the rate budget runs out.
 * Every wave is saved before the next starts, and no wave starts unless it can finish, sends included,
 * well before Apps Script's 6-minute kill.
 */
import { batchRow, dependency } from './batch';
import {
  activateRows,
  claim,
  DEFAULT_CLAIM_LIMITS,
  expireLeases,
  paces,
  type Claimed,
  type ClaimLimits,
} from './claim';
import {
  EXECUTION_LIMIT_MS,
  FETCH_DEADLINE_MS,
  LOCK_WAIT_MS,
  MAX_STEPS_PER_WAVE,
  SAFETY_MARGIN_MS,
  SIDEBAR_ALIVE_MS,
} from './limits';
import { resumeAfterQuotaReset } from './lifecycle';
import { recordOutcome, settle, type Outcome } from './outcome';
import { DailyQuotaError, type EnginePorts } from './ports';
import { bodyBytes } from '../http/spec';
import { noteTryBytes, priorBytes } from './bytes';
import { noteSlowWave } from './cycle';
import { nextAllowedAt, noteLanded } from './rate';
import { rowStatus } from './progress';
import type { RowCells } from '../ports/sheet';
import type { BatchState, EngineResponse, Failure, Json, JobType, StepContext, StepResult } from './types';

/** Time to read, record and save after the last response of a wave (lock wait included). */
const RECORD_MS = LOCK_WAIT_MS + 10_000;

export interface RunOptions {
  /** Who holds the leases: unique per execution. */
  owner: string;
  /** When the execution started (Apps Script's clock for the 6-minute limit starts there). */
  startedAt: number;
  /**
   * How long this execution keeps starting waves (a sidebar pump keeps it short so progress comes back
   * often; a trigger uses most of its 6 minutes). A wave started in time always finishes: the hard limit
   * is Apps Script's, less a safety margin.
   */
  budgetMs: number;
  /**
   * The budget once the batch is read, when it depends on the batch (a sidebar pump with many lanes
   * may keep going longer: one lane or another still brings progress back often).
   */
  budgetFor?: (state: BatchState) => number;
  /** How long it may wait, sleeping, for the next item to come due (rate window, backoff). */
  maxIdleMs: number;
  /**
   * How long it may wait, looking every PEEK_MS without the lock, for work other executions will bring
   * (their results, the items planned after them) when nothing is due. Default: not at all.
   */
  waitForWorkMs?: number;
  /** Requests and bytes one wave may take (default: the engine's limits). */
  claimLimits?: ClaimLimits;
  /**
   * Who drives this execution: a sidebar pump marks the batch as watched; the trigger does no work while
   * a pump ran within SIDEBAR_ALIVE_MS (the open sidebar keeps the batch going faster on its own).
   */
  driver?: 'sidebar' | 'trigger';
}

interface Taken {
  state: BatchState | null;
  claimed: Claimed[];
  yielded?: boolean;
}

export type StopReason = 'no-batch' | 'ended' | 'not-running' | 'time' | 'idle' | 'lock' | 'sidebar';

export interface RunReport {
  waves: number;
  sent: number;
  recorded: number;
  dropped: number;
  stoppedBecause: StopReason;
  state: BatchState | null;
}

function withLock<T>(ports: EnginePorts, work: () => T): T | typeof LOCKED_OUT {
  if (!ports.lock.acquire(LOCK_WAIT_MS)) return LOCKED_OUT;
  try {
    return work();
  } finally {
    ports.lock.release();
  }
}
const LOCKED_OUT = Symbol('locked out');

function stepContext(state: BatchState, claimed: Claimed, now: number, ports: EnginePorts): StepContext {
  return {
    row: claimed.row,
    meta: state.meta,
    now,
    resultOf: (itemId) => dependency(state, claimed.row, itemId)?.result,
    secret: (name) => ports.secrets.get(name),
    convertImage: (base64, from, to) => ports.images.convert(base64, from, to),
  };
}

/** The rows' Status, Output and Error cells for every row whose state changed. */
export function dirtyCells(state: BatchState, job: JobType): Map<string, RowCells> {
  const cells = new Map<string, RowCells>();
  for (const row of state.rows) {
    if (!row.dirty || row.rowId === batchRow(state)?.rowId) continue;
    cells.set(row.rowId, {
      status: rowStatus(state, row, job),
      output: row.output ?? null,
      error: row.state === 'failed' ? (row.error ?? '') : '',
    });
  }
  return cells;
}

/** Writes changed rows' cells, then saves: a kill in between only means the cells are written again. */
export function saveAndShow(state: BatchState, job: JobType, ports: EnginePorts): void {
  const cells = dirtyCells(state, job);
  if (cells.size > 0) ports.cells.writeRowCells(cells);
  for (const row of state.rows) row.dirty = false;
  ports.store.save(state);
}

/**
 * How often an execution with nothing to take looks again (reading the state without the lock) while
 * other executions' work will free more: rows being prepared before their images, a wave in flight.
 */
export const PEEK_MS = 2_000;

/**
 * True when the work left may grow without this execution: other live executions hold items, and
 * whatever they bring back (results, the items planned after them) may be work for this one.
 */
export function workComing(state: BatchState, now: number): boolean {
  if (state.meta.status !== 'running') return false;
  return state.rows.some((row) =>
    row.items.some((item) => item.state === 'leased' && item.lease !== undefined && item.lease.until > now),
  );
}

/**
 * The state as it is, read without the lock: it may be caught in the middle of another execution's
 * save, and then it is not read at all (the claim reads it again under the lock).
 */
function peek(ports: EnginePorts): BatchState | null {
  try {
    return ports.store.load();
  } catch {
    return null;
  }
}

/** When the next claim could find something, if nothing is ready now. */
function nextWake(state: BatchState, job: JobType, now: number, limits: ClaimLimits): number | null {
  const pace = paces(state, job, now, limits);
  let soonest: number | null = null;
  const consider = (time: number) => {
    if (soonest === null || time < soonest) soonest = time;
  };
  for (const row of state.rows) {
    if (row.state !== 'active' && row.rowId !== batchRow(state)?.rowId) continue;
    for (const item of row.items) {
      if (item.state === 'leased' && item.lease) consider(item.lease.until);
      if (item.state !== 'queued') continue;
      if (!(item.deps ?? []).every((dep) => dependency(state, row, dep)?.state === 'done')) continue;
      let at = item.notBefore ?? now;
      const keyPace = item.rateKey ? pace.get(item.rateKey) : undefined;
      if (item.rateKey) {
        at = Math.max(at, nextAllowedAt(state.meta, item.rateKey, now, keyPace?.need, keyPace?.bucket));
      }
      consider(at);
    }
  }
  if (state.meta.status === 'paused' && state.meta.resumeAt !== undefined) consider(state.meta.resumeAt);
  return soonest;
}

/**
 * Sends the claimed items' steps, one fetchAll per step, and returns each item's outcome, the most
 * bytes (its requests and responses) it held in any one fetchAll, and when its metered request went.
 */
function sendWave(
  job: JobType,
  ports: EnginePorts,
  state: BatchState,
  claimed: Claimed[],
  deadline: number,
): { outcomes: Outcome[]; held: number[]; meteredAt: (number | null)[] } {
  const held = claimed.map(() => 0);
  const meteredAt: (number | null)[] = claimed.map(() => null);
  const now = ports.clock.now();
  const contexts = claimed.map((entry) => stepContext(state, entry, now, ports));
  const results: StepResult[] = claimed.map((entry, index) =>
    safeStep(job, entry, contexts[index] as StepContext),
  );
  for (let step = 0; step < MAX_STEPS_PER_WAVE; step++) {
    const done = ports.clock.now() + FETCH_DEADLINE_MS + RECORD_MS;
    if (done > deadline) break;
    // Never send after an item's lease could have run out: another execution may have it by then. Such
    // an item is released (its try did not finish here) and taken up again.
    const sending = results
      .map((result, index) => ({ result, index }))
      .filter(({ result, index }) => result.kind === 'send' && done <= leaseEnd(claimed[index] as Claimed));
    if (sending.length === 0) break;
    const requests = sending.flatMap(({ result }) => (result.kind === 'send' ? result.requests : []));
    const sentAt = ports.clock.now();
    for (const { result, index } of sending) {
      if (result.kind === 'send' && result.requests.some((request) => request.metered)) {
        meteredAt[index] ??= sentAt;
      }
    }
    let responses: EngineResponse[] | null = null;
    let networkFailure: Failure | null = null;
    try {
      responses = ports.http.fetchAll(requests);
    } catch (error) {
      networkFailure =
        error instanceof DailyQuotaError
          ? { kind: 'quota-day', message: error.message, resumeAt: error.resumeAt }
          : {
              kind: 'retry',
              message: `The network request failed (${error instanceof Error ? error.message : String(error)})`,
            };
    }
    let offset = 0;
    for (const { result, index } of sending) {
      if (result.kind !== 'send') continue;
      const mine = responses ? responses.slice(offset, offset + result.requests.length) : null;
      offset += result.requests.length;
      const entry = claimed[index] as Claimed;
      results[index] = mine
        ? safeStep(job, entry, contexts[index] as StepContext, { carry: result.carry, responses: mine })
        : {
            kind: 'fail',
            failure: networkFailure ?? { kind: 'retry', message: 'The network request failed' },
          };
      // After the job read the answers: their size is then known without reading them again.
      if (mine) {
        const bytes =
          result.requests.reduce((sum, request) => sum + bodyBytes(request), 0) +
          mine.reduce((sum, answer) => sum + answer.size, 0);
        held[index] = Math.max(held[index] ?? 0, bytes);
      }
    }
  }
  const outcomes: Outcome[] = results.map((result) =>
    result.kind === 'send' ? { kind: 'released' } : result,
  );
  return { outcomes, held, meteredAt };
}

/** The wave's metered requests count in the rate window from when they went, not from their claim. */
function noteWaveLanded(
  state: BatchState,
  claimed: Claimed[],
  claimedAt: number,
  meteredAt: (number | null)[],
  now: number,
): void {
  const byKey = new Map<string, number[]>();
  claimed.forEach(({ item }, index) => {
    const at = meteredAt[index];
    if (!item.rateKey || at === null || at === undefined) return;
    byKey.set(item.rateKey, [...(byKey.get(item.rateKey) ?? []), at]);
  });
  for (const [key, times] of byKey) noteLanded(state.meta, key, claimedAt, times, now);
}

function leaseEnd(entry: Claimed): number {
  return entry.item.lease?.until ?? 0;
}

/** A job's bug fails that item with the error, instead of losing the whole wave. */
function safeStep(
  job: JobType,
  entry: Claimed,
  context: StepContext,
  previous?: { carry?: Json; responses: EngineResponse[] },
): StepResult {
  try {
    return job.step(entry.item, context, previous);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'fail', failure: { kind: 'retry', message: `Unexpected error: ${message}` } };
  }
}

export function runExecution(job: JobType, ports: EnginePorts, options: RunOptions): RunReport {
  const deadline = options.startedAt + EXECUTION_LIMIT_MS - SAFETY_MARGIN_MS;
  const lastStart = deadline - FETCH_DEADLINE_MS - RECORD_MS;
  let stopStartingAt = Math.min(options.startedAt + options.budgetMs, lastStart);
  const report: RunReport = {
    waves: 0,
    sent: 0,
    recorded: 0,
    dropped: 0,
    stoppedBecause: 'time',
    state: null,
  };
  // Under the lock, on state just read: the next wave's items, or why there are none. The caller saves.
  const take = (state: BatchState, now: number): Taken => {
    const lastPumpAt = state.meta.lastPumpAt;
    if (options.driver === 'trigger' && lastPumpAt !== undefined && now - lastPumpAt < SIDEBAR_ALIVE_MS) {
      return { state, claimed: [], yielded: true };
    }
    if (options.driver === 'sidebar') state.meta.lastPumpAt = now;
    if (options.budgetFor) stopStartingAt = Math.min(options.startedAt + options.budgetFor(state), lastStart);
    resumeAfterQuotaReset(state, now);
    expireLeases(state, now);
    activateRows(state, job, now);
    settle(state, job, now);
    const claimed = claim(state, job, options.owner, now, options.claimLimits ?? DEFAULT_CLAIM_LIMITS);
    return { state, claimed };
  };
  // Since when this execution has found nothing to take (null while it has work).
  let idleSince: number | null = null;
  /** How long to wait before looking again when nothing could be taken, or null to end. */
  const idleWait = (state: BatchState, now: number): number | null => {
    if (state.meta.status !== 'running' && state.meta.status !== 'paused') return null;
    idleSince ??= now;
    const wake = nextWake(state, job, now, options.claimLimits ?? DEFAULT_CLAIM_LIMITS);
    const wait = wake === null ? Number.POSITIVE_INFINITY : Math.max(0, wake - now);
    if (wait <= options.maxIdleMs && now + wait <= stopStartingAt) return Math.max(wait, 250);
    if (now - idleSince >= (options.waitForWorkMs ?? 0) || !workComing(state, now)) return null;
    const look = Math.max(250, Math.min(wait, PEEK_MS));
    return now + look <= stopStartingAt ? look : null;
  };
  const idleEnd = (state: BatchState): StopReason => {
    const status = state.meta.status;
    if (status === 'completed' || status === 'cancelled') return 'ended';
    return status === 'running' ? 'idle' : 'not-running';
  };
  // A wave claimed while the last one was recorded, in the same hold of the lock.
  let next = null as { taken: Taken; at: number } | null;
  // Nothing could be taken last time: look first without the lock, and take it only when there is work.
  let peeking = false;
  for (;;) {
    const carried = next;
    next = null;
    const now = carried?.at ?? ports.clock.now();
    if (!carried && now > stopStartingAt) {
      report.stoppedBecause = 'time';
      return report;
    }
    if (peeking && !carried) {
      const seen = peek(ports);
      // What a claim would take now, on this copy (nothing of it is saved).
      const trial = seen ? take(seen, now) : null;
      if (seen && trial && !trial.yielded && trial.claimed.length === 0) {
        report.state = seen;
        const pause = idleWait(seen, now);
        if (pause === null) {
          report.stoppedBecause = idleEnd(seen);
          return report;
        }
        ports.clock.sleep(pause);
        continue;
      }
      peeking = false;
    }
    const taken: Taken | typeof LOCKED_OUT =
      carried?.taken ??
      withLock(ports, () => {
        const state = ports.store.load();
        if (!state) return { state: null, claimed: [] };
        const found = take(state, now);
        saveAndShow(state, job, ports);
        return found;
      });
    if (taken === LOCKED_OUT) {
      report.stoppedBecause = 'lock';
      return report;
    }
    report.state = taken.state;
    if (!taken.state) {
      report.stoppedBecause = 'no-batch';
      return report;
    }
    if (taken.yielded) {
      report.stoppedBecause = 'sidebar';
      return report;
    }
    if (taken.claimed.length === 0) {
      const pause = idleWait(taken.state, now);
      if (pause === null) {
        report.stoppedBecause = idleEnd(taken.state);
        return report;
      }
      ports.clock.sleep(pause);
      peeking = true;
      continue;
    }

    idleSince = null;
    report.waves += 1;
    report.sent += taken.claimed.length;
    const { outcomes, held, meteredAt } = sendWave(job, ports, taken.state, taken.claimed, deadline);
    const recorded = withLock(ports, () => {
      const state = ports.store.load();
      if (!state) return null;
      const at = ports.clock.now();
      noteWaveLanded(state, taken.claimed, now, meteredAt, at);
      let applied = 0;
      taken.claimed.forEach((entry, index) => {
        const outcome = outcomes[index] as Outcome;
        if (outcome.kind === 'done') {
          // Budgeted as it was claimed: the class is the item's before this outcome changes it.
          noteTryBytes(state.meta, entry.item, priorBytes(job, entry.item, state.meta), held[index] ?? 0);
        }
        const result = recordOutcome(
          state,
          options.owner,
          entry.row.rowId,
          entry.item.id,
          outcome,
          at,
          ports.random,
        );
        if (result.applied) applied += 1;
      });
      // A wave that carried slow items lasts as long as they do, quick items riding along or not.
      if (applied > 0 && taken.claimed.some(({ item }) => job.isSlow?.(item) ?? false)) {
        noteSlowWave(state.meta, at - now);
      }
      settle(state, job, at);
      // Time for another wave: claim it now, saved with this record, instead of taking the lock again.
      const following = at <= stopStartingAt ? take(state, at) : null;
      saveAndShow(state, job, ports);
      return { state, applied, following, at };
    });
    if (recorded === LOCKED_OUT) {
      // Our leases run out and the items are taken up again; what was written is found, not doubled.
      report.stoppedBecause = 'lock';
      return report;
    }
    if (!recorded) {
      report.stoppedBecause = 'no-batch';
      return report;
    }
    report.state = recorded.state;
    report.recorded += recorded.applied;
    report.dropped += taken.claimed.length - recorded.applied;
    if (recorded.following) next = { taken: recorded.following, at: recorded.at };
  }
}
