/**
 * The harness's executions, as they happen in Apps Script: they overlap (the sidebar keeps a few
 * google.script.run calls in flight while the minute trigger fires), and the spreadsheet stays live
 * while they run, so Jenny watches Status cells change and may type into the sheet mid-batch.
 *
 * Each script runs in a worker thread (emulator/concurrent); this thread owns the world and serves
 * their service calls a slice at a time, answering the page in between. Time follows the machine's
 * clock, except that what the emulator makes scripts wait for (service costs, simulated latencies,
 * sleeps) is skipped rather than waited out: while anything runs, time runs ahead as fast as the work
 * goes; while nothing runs, it moves with the machine's, and due triggers fire when they come due.
 */
import { VirtualClock } from '../../emulator/core/clock';
import type { ExecutionReport, RunOptions } from '../../emulator/core/lifecycle';
import { checkTransportable } from '../../emulator/core/transport';
import { type ConcurrentReport, ConcurrentRuntime } from '../../emulator/concurrent/runtime';
import type { World } from '../../emulator/world';

/** Real time this thread serves scripts' calls before it answers the page again. */
const SLICE_MS = 25;
/** How often an idle harness looks for triggers that came due. */
const IDLE_TICK_MS = 250;

export class LiveRuntime {
  private readonly runtime: ConcurrentRuntime;
  private readonly clock: VirtualClock;
  /** How far the world's clock is ahead of the machine's: the waits skipped so far. */
  private offset: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private failure: unknown = null;

  /** `onEnded` runs after every slice in which executions ended (the harness saves its state then). */
  constructor(
    readonly world: World,
    private readonly onEnded: () => void = () => {},
  ) {
    if (!(world.clock instanceof VirtualClock))
      throw new Error('LiveRuntime needs the world on a VirtualClock.');
    this.clock = world.clock;
    this.offset = Math.max(0, this.clock.now() - Date.now());
    this.runtime = new ConcurrentRuntime(world, { workers: 2 });
    this.wake(IDLE_TICK_MS);
  }

  /** The harness's present: the machine's time plus the waits skipped. */
  now(): number {
    return Math.max(this.runtime.now, Date.now() + this.offset);
  }

  /** Runs one entry point as a new execution; settles with its report when it ends. */
  run<T = unknown>(
    functionName: string,
    args: unknown[] = [],
    options: RunOptions = {},
  ): Promise<ExecutionReport<T>> {
    if (this.closed) return Promise.reject(new Error('The harness is closed.'));
    if (this.failure !== null) return Promise.reject(this.failure as Error);
    return new Promise((resolve) => {
      this.runtime.schedule({
        ...options,
        functionName,
        args,
        at: this.now(),
        onDone: (report: ConcurrentReport) => resolve(report as ExecutionReport<T>),
      });
      this.wake(0);
    });
  }

  /** A google.script.run call: full authorization, arguments and result what the transport carries. */
  callFromSidebar<T = unknown>(functionName: string, args: unknown[] = []): Promise<ExecutionReport<T>> {
    try {
      checkTransportable(args, 'arguments');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.run<T>(functionName, args, { kind: 'sidebar', authMode: 'FULL' });
  }

  /** Lets `ms` pass at once, as if Jenny had waited that long (a lease running out, in a test). */
  skip(ms: number): void {
    if (ms > 0) this.offset += ms;
    this.wake(0);
  }

  /** Stops serving: executions still running never finish, as when the process dies. */
  close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.runtime.close();
  }

  private wake(delay: number): void {
    if (this.closed) return;
    if (this.timer) {
      if (delay > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.timer = null;
    if (this.closed || this.failure !== null) return;
    try {
      let ended: ConcurrentReport[];
      if (this.runtime.busy) {
        // Scripts' calls in time order, ahead of the machine's clock, for one slice of real time.
        const until = Date.now() + SLICE_MS;
        ended = this.runtime.runUntil(() => Date.now() >= until || !this.runtime.busy);
      } else {
        // Nothing runs: time moves with the machine's, firing the triggers that come due.
        ended = this.runtime.runUntil(this.now());
      }
      if (ended.length > 0) this.onEnded();
    } catch (error) {
      // The emulator itself broke (a worker that never answered): nothing more can run.
      this.failure = error;
      console.error('harness: the emulator stopped:', error);
      return;
    }
    this.offset = Math.max(this.offset, this.runtime.now - Date.now());
    this.wake(this.runtime.busy ? 0 : IDLE_TICK_MS);
  }
}
