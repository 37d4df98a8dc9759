/**
 * Lock waits between concurrent executions, on the virtual clock: a caller that finds a lock held by
 * another execution is suspended until the lock is free (first come, first served) or its timeout
 * passes. Installed as the world's LockTable waiter while the concurrent scheduler runs.
 */
import { Pending } from '../core/pending';
import type { LockTable, LockWaiter } from '../services/lock';

interface Waiter {
  executionId: string;
  settle: (result: { ok: true; value: boolean }) => void;
  cancelTimeout: () => void;
}

export class LockWaits implements LockWaiter {
  private readonly queues = new Map<string, Waiter[]>();

  constructor(
    private readonly table: LockTable,
    private readonly now: () => number,
    /** Runs `run` when the virtual clock reaches `at`; answers a function that cancels it. */
    private readonly timer: (at: number, run: () => void) => () => void,
  ) {}

  wait(key: string, executionId: string, timeoutMs: number): boolean | Pending<boolean> {
    // tryLock(0) answers at once.
    if (timeoutMs <= 0) return false;
    const { pending, settle } = Pending.create<boolean>();
    const queue = this.queues.get(key) ?? [];
    this.queues.set(key, queue);
    const waiter: Waiter = { executionId, settle, cancelTimeout: () => undefined };
    queue.push(waiter);
    waiter.cancelTimeout = this.timer(this.now() + timeoutMs, () => {
      const index = queue.indexOf(waiter);
      if (index >= 0) queue.splice(index, 1);
      settle({ ok: true, value: false });
    });
    return pending;
  }

  released(key: string): void {
    const waiter = this.queues.get(key)?.[0];
    if (!waiter || !this.table.tryTake(key, waiter.executionId)) return;
    this.queues.get(key)?.shift();
    waiter.cancelTimeout();
    waiter.settle({ ok: true, value: true });
  }
}
