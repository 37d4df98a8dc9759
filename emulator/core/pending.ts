/**
 * A service call's answer that is not known yet: today, a lock another execution holds. The sequential
 * runtime never makes one (it cannot run the holder meanwhile); the concurrent scheduler suspends the
 * calling execution on the virtual clock until the answer settles.
 *
 * What a service does once it knows (`map`) runs when the scheduler reads the answer, not when it
 * settles: settling happens inside another execution's call (the holder's releaseLock), and the rest of
 * the waiting call must run as the waiting execution.
 */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Root {
  result: Settled<unknown> | null;
  listeners: (() => void)[];
}

export class Pending<T> {
  private memo: Settled<T> | null = null;

  private constructor(
    private readonly root: Root,
    private readonly compute: () => Settled<T>,
  ) {}

  /** A new unsettled answer and the function that settles it (the first settlement wins). */
  static create<T>(): { pending: Pending<T>; settle: (result: Settled<T>) => void } {
    const root: Root = { result: null, listeners: [] };
    const pending = new Pending<T>(root, () => root.result as Settled<T>);
    const settle = (result: Settled<T>): void => {
      if (root.result) return;
      root.result = result;
      for (const listener of root.listeners.splice(0)) listener();
    };
    return { pending, settle };
  }

  get isSettled(): boolean {
    return this.root.result !== null;
  }

  /** Calls `listener` once the answer is known (at once if it already is). */
  whenSettled(listener: () => void): void {
    if (this.root.result) listener();
    else this.root.listeners.push(listener);
  }

  /** The answer, with every `map` step applied (once). */
  read(): Settled<T> {
    if (!this.root.result) throw new Error('emulator: a pending service answer was read before it settled');
    this.memo ??= this.compute();
    return this.memo;
  }

  map<U>(next: (value: T) => U): Pending<U> {
    return new Pending<U>(this.root, () => {
      const settled = this.read();
      if (!settled.ok) return settled;
      try {
        return { ok: true, value: next(settled.value) };
      } catch (error) {
        return { ok: false, error };
      }
    });
  }
}

/** `next(value)` now, or once `value` settles. */
export function andThen<T, U>(value: T | Pending<T>, next: (value: T) => U): U | Pending<U> {
  return value instanceof Pending ? value.map(next) : next(value);
}
