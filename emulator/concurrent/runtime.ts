/**
 * Executions that overlap, as in Apps Script (the sidebar keeps a few google.script.run calls in
 * flight while a time-driven trigger fires), on the virtual clock and the same on every run.
 *
 * Each execution's script runs in a worker thread; its service calls come to this thread, where the
 * world lives. Each execution has its own time: its JavaScript takes no virtual time, its service calls
 * take their cost, latencies and sleeps. The scheduler serves calls in virtual-time order: the call at
 * the earliest time is served with the world's clock at that time, and the script goes on at the call's
 * end time. Meanwhile other executions' earlier calls are served first.
 *
 * A script's JavaScript touches nothing but its own context, so an answer is sent as soon as the call
 * is served: the script runs ahead, in parallel with the others, and its next call waits in the queue
 * for its turn. The scheduler only waits for a running script when nothing may happen before that
 * script's next call (its time is the earliest of all).
 */
import { VirtualClock } from '../core/clock';
import { fireTrigger } from '../core/lifecycle';
import { checkTransportable } from '../core/transport';
import type { WorldBase as World } from '../core/world';
import { compareKeys, type EventKey, EventQueue } from './event-queue';
import { type ConcurrentReport, type ExecutionSpec, LiveExecutions } from './executions';
import { LockWaits } from './lock-waits';
import { WorkerPool } from './workers';

export type { ConcurrentReport } from './executions';

export interface ConcurrentOptions {
  /** Workers started ahead of need. Default 4. */
  workers?: number;
  /** The most executions alive at once (one worker each). Default 32. */
  maxWorkers?: number;
  /** Real time a worker may take to answer before the run fails. Default 60 s. */
  answerTimeoutMs?: number;
}

export interface ScheduleOptions extends ExecutionSpec {
  /** When the execution starts on the virtual clock; default: the scheduler's present. */
  at?: number;
  args?: unknown[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class ConcurrentRuntime {
  private readonly clock: VirtualClock;
  private readonly queue = new EventQueue();
  private readonly pool: WorkerPool;
  private readonly lockWaits: LockWaits;
  private readonly executions: LiveExecutions;
  private pendingStarts = 0;
  private time: number;
  private finished: ConcurrentReport[] = [];
  private inRun = false;
  private failure: unknown = null;
  private closed = false;

  constructor(
    readonly world: World,
    options: ConcurrentOptions = {},
  ) {
    if (!(world.clock instanceof VirtualClock)) {
      throw new Error('ConcurrentRuntime needs the virtual clock: executions overlap in virtual time.');
    }
    this.clock = world.clock;
    this.time = world.clock.now();
    this.pool = new WorkerPool({
      code: world.project.code,
      max: options.maxWorkers ?? 32,
      timeoutMs: options.answerTimeoutMs ?? 60_000,
    });
    this.pool.warm(options.workers ?? 4);
    this.lockWaits = new LockWaits(
      world.locks,
      () => this.clock.now(),
      (at, run) => this.queue.push(at, run),
    );
    this.executions = new LiveExecutions(world, this.clock, this.queue, this.pool, (report) =>
      this.finished.push(report),
    );
  }

  /** The scheduler's present on the virtual clock. */
  get now(): number {
    return this.time;
  }

  /** True while an execution is alive or scheduled to start. */
  get busy(): boolean {
    return this.executions.count > 0 || this.pendingStarts > 0;
  }

  /** How many executions are alive (running, waiting for an answer or for a lock). */
  get liveCount(): number {
    return this.executions.count;
  }

  /**
   * Starts `functionName(...args)` at virtual time `at` as a new execution. Kind 'sidebar' (the
   * default) is a google.script.run call: full authorization, and arguments and result must be what the
   * transport can carry.
   */
  schedule(options: ScheduleOptions): void {
    this.assertUsable();
    const at = options.at ?? this.time;
    if (at < this.time) {
      throw new Error(
        `Cannot start ${options.functionName} at ${at}: the scheduler is already at ${this.time}.`,
      );
    }
    const args = options.args ?? [];
    if ((options.kind ?? 'sidebar') === 'sidebar') checkTransportable(args, 'arguments');
    this.pendingStarts += 1;
    this.queue.push(at, () => {
      this.pendingStarts -= 1;
      this.executions.begin(options, args);
    });
  }

  /**
   * Processes events in virtual-time order, firing due triggers as new executions, until virtual time
   * `limit` (everything due by then is done; the clock ends there), or until the predicate holds (checked
   * after each event) or nothing is left to do by `maxTime` (default: a day on). Answers the reports of
   * the executions that ended meanwhile.
   */
  runUntil(limit: number | (() => boolean), maxTime?: number): ConcurrentReport[] {
    this.assertUsable();
    if (this.inRun) throw new Error('runUntil is already running (called from onDone?).');
    const until = typeof limit === 'number' ? limit : (maxTime ?? this.time + DAY_MS);
    const done = typeof limit === 'function' ? limit : null;
    const finished: ConcurrentReport[] = [];
    this.finished = finished;
    this.inRun = true;
    const previousWaiter = this.world.locks.waiter;
    this.world.locks.waiter = this.lockWaits;
    try {
      while (!done?.() && this.step(until));
      if (done === null) this.time = Math.max(this.time, until);
      this.executions.collectDying();
    } catch (error) {
      this.failure = error;
      throw error;
    } finally {
      this.inRun = false;
      this.world.locks.waiter = previousWaiter;
      this.world.currentExecution = null;
      this.clock.set(this.time);
    }
    return finished;
  }

  /** Terminates the workers; executions still alive never finish. */
  close(): Promise<void> {
    this.closed = true;
    return this.pool.close();
  }

  private assertUsable(): void {
    if (this.closed) throw new Error('This ConcurrentRuntime is closed.');
    if (this.failure !== null) {
      throw new Error(`This ConcurrentRuntime failed earlier: ${String(this.failure)}`, {
        cause: this.failure,
      });
    }
  }

  /**
   * Does the next thing in virtual-time order: fire a trigger, process an event, or wait for the script
   * whose next call comes first. False when nothing is left to do by `until`.
   */
  private step(until: number): boolean {
    this.executions.collectDying();
    const event = this.queue.peek();
    const runner = this.executions.nextRunner();
    const triggerAt = this.world.triggers.nextDueAt();
    // A trigger fires before anything else due at its time.
    const trigger: EventKey | null = triggerAt === null ? null : { at: triggerAt, group: -1, rank: 0 };
    const runnerKey = runner?.key ?? null;
    const first = [trigger, runnerKey, event].reduce<EventKey | null>(
      (best, key) => (key && (!best || compareKeys(key, best) < 0) ? key : best),
      null,
    );
    if (!first || first.at > until) return false;
    if (first === runnerKey && runner) {
      runner.collect();
    } else if (first === trigger) {
      this.fire(first.at);
    } else {
      const next = this.queue.pop();
      if (!next) return false;
      this.moveTo(next.at);
      next.run();
    }
    return true;
  }

  private moveTo(at: number): void {
    if (at > this.time) this.time = at;
    this.clock.set(at);
  }

  private fire(dueAt: number): void {
    const trigger = this.world.triggers.due(dueAt)[0];
    if (!trigger) return;
    const firedAt = Math.max(trigger.nextAt, this.time);
    this.moveTo(firedAt);
    const run = fireTrigger(this.world, trigger, firedAt);
    if (run) this.executions.begin({ functionName: run.functionName, ...run.options }, run.args);
  }
}
