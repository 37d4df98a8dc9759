/**
 * Time for the emulated world. The virtual clock only moves when something in the world takes time
 * (a service call's cost, a fetch's latency, Utilities.sleep, the harness waiting), so an hour of
 * simulated work runs in seconds and repeats exactly. The real clock follows the machine's.
 */
export interface Clock {
  readonly kind: 'virtual' | 'real';
  now(): number;
  /** Lets `ms` pass: moves the virtual clock, or blocks the thread on the real one. */
  advance(ms: number): void;
}

export class VirtualClock implements Clock {
  readonly kind = 'virtual';
  constructor(private time: number = Date.UTC(2026, 10, 22, 17, 0, 0)) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    if (ms > 0) this.time += ms;
  }

  /** Jumps forward to `time` (never back). */
  advanceTo(time: number): void {
    if (time > this.time) this.time = time;
  }

  /**
   * Puts the clock at `time`, earlier or later. Only the concurrent scheduler moves it back: it serves
   * each execution's calls at that execution's own time, in time order, and a call that took a while
   * leaves the clock ahead of the next call it serves.
   */
  set(time: number): void {
    this.time = time;
  }
}

export class RealClock implements Clock {
  readonly kind = 'real';
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));

  now(): number {
    return Date.now();
  }

  advance(ms: number): void {
    if (ms > 0) Atomics.wait(this.sleeper, 0, 0, ms);
  }
}
