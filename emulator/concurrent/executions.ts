/**
 * The executions a concurrent run has alive, from start to report: each one's worker, handle table and
 * virtual time, its calls served through ServiceCalls, its answers sent, its kill and its end. What
 * happens when is the scheduler's business (runtime.ts); this file does what each event means.
 */
import type { VirtualClock } from '../core/clock';
import type { Execution } from '../core/execution';
import {
  closeExecution,
  type ExecutionReport,
  openExecution,
  type RunOptions,
  type ScriptOutcome,
  sidebarReport,
  worldHost,
} from '../core/lifecycle';
import { type CallOutcome, scriptErrorShape, ServiceCalls } from '../core/service-calls';
import type { WorldBase as World } from '../core/world';
import type { EventKey, EventQueue } from './event-queue';
import { HandleTable } from './handles';
import type { ErrorShape, Reply, ToMain } from './wire';
import type { WorkerLink, WorkerPool } from './workers';

export interface ConcurrentReport<T = unknown> extends ExecutionReport<T> {
  /** The most request and response body bytes a single service call of the execution moved (fetchAll's sum). */
  peakFetchBytes: number;
}

export interface ExecutionSpec extends RunOptions {
  functionName: string;
  /**
   * Called when the execution has ended, in virtual time order with everything else: a driver may
   * schedule the next call from here (a sidebar keeping calls in flight).
   */
  onDone?: (report: ConcurrentReport) => void;
}

interface Live {
  readonly execution: Execution;
  /** Start order: breaks ties between executions' calls at one virtual time. */
  readonly order: number;
  readonly functionName: string;
  readonly link: WorkerLink;
  readonly handles: HandleTable;
  readonly calls: ServiceCalls;
  readonly onDone: ((report: ConcurrentReport) => void) | undefined;
  /** The execution's own virtual time: when its script last got an answer. */
  time: number;
  peakFetchBytes: number;
  /**
   * running: its script runs until its next call or its end (no virtual time passes);
   * waiting: its call or end is queued, or it waits for a lock;
   * dying: killed, its script is finishing without reaching the world.
   */
  state: 'running' | 'waiting' | 'dying';
  /** Calls a killed script made after its kill. */
  deadCalls: number;
}

type Call = Extract<ToMain, { type: 'call' }>;

/** Calls a killed script may make (each failing at once) before its worker is terminated. */
const DEAD_CALLS_LIMIT = 1_000;

export class LiveExecutions {
  private readonly live = new Map<string, Live>();
  private readonly running = new Set<Live>();
  private readonly dying = new Set<Live>();
  private started = 0;

  constructor(
    private readonly world: World,
    private readonly clock: VirtualClock,
    private readonly queue: EventQueue,
    private readonly pool: WorkerPool,
    private readonly ended: (report: ConcurrentReport) => void,
  ) {}

  /** How many executions are alive (running, waiting for an answer or for a lock, or dying). */
  get count(): number {
    return this.live.size;
  }

  /**
   * The running script whose next call or end comes first, as that event's key, and a way to wait for
   * it (blocking, up to the real-time limit) and queue it.
   */
  nextRunner(): { key: EventKey; collect: () => void } | null {
    let earliest: Live | undefined;
    for (const live of this.running) {
      if (
        !earliest ||
        live.time < earliest.time ||
        (live.time === earliest.time && live.order < earliest.order)
      ) {
        earliest = live;
      }
    }
    if (!earliest) return null;
    const live = earliest;
    return {
      key: { at: live.time, group: 1, rank: live.order },
      collect: () => this.collect(live, live.link.receive()),
    };
  }

  /** Starts an execution now on the world's clock; its script runs until its first call. */
  begin(spec: ExecutionSpec, args: unknown[]): void {
    const world = this.world;
    const kind = spec.kind ?? 'sidebar';
    const { execution, seed } = openExecution(world, {
      user: spec.user,
      authMode: kind === 'sidebar' ? 'FULL' : spec.authMode,
      kind,
      kill: spec.kill,
    });
    const link = this.pool.acquire();
    const handles = new HandleTable();
    const live: Live = {
      execution,
      order: ++this.started,
      functionName: spec.functionName,
      link,
      handles,
      calls: new ServiceCalls(worldHost(world, execution), execution),
      onDone: spec.onDone,
      time: this.clock.now(),
      peakFetchBytes: 0,
      state: 'running',
      deadCalls: 0,
    };
    this.live.set(execution.id, live);
    world.currentExecution = execution;
    let globals: { name: string; value: unknown }[];
    try {
      globals = world.globalsFor(execution).map((global) => ({
        name: global.name,
        value: global.plain
          ? handles.encode(global.target, global.service)
          : handles.ref(global.target, global.service),
      }));
    } finally {
      world.currentExecution = null;
    }
    link.doing = `running ${execution.id} (${spec.functionName})`;
    link.send({
      type: 'start',
      functionName: spec.functionName,
      args: handles.encode(args, 'SpreadsheetApp'),
      globals,
      seed,
      now: this.clock.now(),
    });
    this.running.add(live);
  }

  /** What a running script sent: its next call or its end, queued for the script's present. */
  private collect(live: Live, message: ToMain): void {
    this.running.delete(live);
    live.state = 'waiting';
    switch (message.type) {
      case 'call':
        this.queue.pushFrom(live.time, live.order, () => this.serve(live, message));
        return;
      case 'done': {
        const outcome: ScriptOutcome = message.ok
          ? { ok: true, value: live.handles.decode(message.value) }
          : { ok: false, error: message.error };
        this.queue.pushFrom(live.time, live.order, () => this.end(live, outcome));
        return;
      }
      default:
        throw new Error(`emulator: the worker of ${live.execution.id} said ${message.type} mid-execution`);
    }
  }

  private serve(live: Live, call: Call): void {
    const world = this.world;
    const entry = live.handles.entry(call.handle);
    if (!entry.methods.has(call.method)) {
      const error = { name: 'Exception', message: `not emulated: ${entry.className}.${call.method}` };
      this.reply(live, this.clock.now(), { ok: false, error });
      return;
    }
    const fetchMark = world.fetches.length;
    world.currentExecution = live.execution;
    let outcome: CallOutcome;
    try {
      const args = live.handles.decode(call.args) as unknown[];
      outcome = live.calls.call(entry.service, entry.className, entry.target, call.method, args);
    } finally {
      world.currentExecution = null;
    }
    let bytes = 0;
    for (let i = fetchMark; i < world.fetches.length; i++) {
      const record = world.fetches[i];
      if (record) bytes += record.requestBytes + record.responseBytes;
    }
    live.peakFetchBytes = Math.max(live.peakFetchBytes, bytes);
    this.answer(live, outcome, entry.service);
  }

  /** Sends a call's outcome; the clock is at the call's end. */
  private answer(live: Live, outcome: CallOutcome, service: string): void {
    if (outcome.kind === 'pending') {
      const { pending, finish } = outcome;
      // Settles inside another execution's call (the holder's release) or at the time-out; the rest of
      // the call runs then, as its own execution.
      pending.whenSettled(() =>
        this.queue.push(this.clock.now(), () => {
          this.world.currentExecution = live.execution;
          let next: CallOutcome;
          try {
            next = finish();
          } finally {
            this.world.currentExecution = null;
          }
          this.answer(live, next, service);
        }),
      );
      return;
    }
    const at = this.clock.now();
    if (live.execution.killedBy) {
      this.kill(live, at);
      return;
    }
    this.reply(
      live,
      at,
      outcome.kind === 'value'
        ? { ok: true, value: live.handles.encode(outcome.value, service) }
        : { ok: false, error: scriptErrorShape(outcome.error) },
    );
  }

  /** The script goes on at virtual time `at` with this answer. */
  private reply(live: Live, at: number, reply: Reply): void {
    live.time = at;
    live.state = 'running';
    live.link.send({ type: 'reply', now: at, ...reply });
    this.running.add(live);
  }

  /**
   * The call just served killed the execution. Its script gets the error, and every later call fails
   * the same way without reaching the world until the script returns; the execution ends (and its
   * locks go) when the fatal call's time is up.
   */
  private kill(live: Live, at: number): void {
    const error: ErrorShape = scriptErrorShape(live.execution.killedBy);
    live.time = at;
    live.state = 'dying';
    live.link.send({ type: 'reply', now: at, ok: false, error });
    this.dying.add(live);
    this.queue.push(at, () => this.end(live, { ok: false, error }));
  }

  /**
   * Answers what killed scripts sent meanwhile, and takes back the workers of those that returned. A
   * script that keeps calling after its kill (catching every error in a loop) loses its worker.
   */
  collectDying(): void {
    for (const live of this.dying) {
      for (let message = live.link.poll(); message; message = live.link.poll()) {
        if (message.type === 'done') {
          this.dying.delete(live);
          this.pool.release(live.link);
          break;
        }
        live.deadCalls += 1;
        if (live.deadCalls > DEAD_CALLS_LIMIT) {
          this.dying.delete(live);
          this.pool.discard(live.link);
          break;
        }
        const error = scriptErrorShape(live.execution.killedBy);
        live.link.send({ type: 'reply', now: live.time, ok: false, error });
      }
    }
  }

  private end(live: Live, outcome: ScriptOutcome): void {
    this.live.delete(live.execution.id);
    if (live.state !== 'dying') this.pool.release(live.link);
    const report = Object.assign(closeExecution(this.world, live.execution, live.functionName, outcome), {
      peakFetchBytes: live.peakFetchBytes,
    });
    const seen = live.execution.kind === 'sidebar' ? sidebarReport(report) : report;
    this.ended(seen);
    live.onDone?.(seen);
  }
}
