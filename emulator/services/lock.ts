/**
 * LockService: document, user and script locks shared by every execution in the world. A lock belongs to
 * an execution and is released when that execution ends, however it ends, as in Apps Script. Waiting for
 * a lock another execution holds is the waiter's business (see LockWaiter).
 */
import { GasError, type ServiceEnv } from '../core/env';
import { andThen, type Pending } from '../core/pending';

export interface LockWaiter {
  /**
   * `executionId` found `key` taken and will wait up to `timeoutMs` for it: true when it got the lock,
   * false on time-out, or an answer that comes later. The sequential runtime installs no waiter (it
   * cannot run the holder meanwhile, so the caller lets the time pass and tries once more); the
   * concurrent scheduler suspends the caller until the holder releases or the time is up.
   */
  wait(key: string, executionId: string, timeoutMs: number): boolean | Pending<boolean>;
  /** `key` became free: its holder released it or ended. */
  released(key: string): void;
}

export class LockTable {
  private readonly holders = new Map<string, string>();
  waiter: LockWaiter | null = null;
  /** How many times a caller found the lock taken (for the benchmark). */
  contended = 0;

  holder(key: string): string | undefined {
    return this.holders.get(key);
  }

  tryTake(key: string, executionId: string): boolean {
    const holder = this.holders.get(key);
    if (holder === undefined || holder === executionId) {
      this.holders.set(key, executionId);
      return true;
    }
    return false;
  }

  release(key: string, executionId: string): void {
    if (this.holders.get(key) !== executionId) return;
    this.holders.delete(key);
    this.waiter?.released(key);
  }

  releaseAll(executionId: string): void {
    const keys = [...this.holders].filter(([, holder]) => holder === executionId).map(([key]) => key);
    for (const key of keys) this.release(key, executionId);
  }
}

export class Lock {
  static readonly gasName = 'Lock';

  constructor(
    private readonly env: ServiceEnv,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean | Pending<boolean> {
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void | Pending<void> {
    return andThen(this.acquire(timeoutInMillis), (acquired) => {
      if (!acquired) throw new GasError('Lock timeout: another process was holding the lock for too long.');
    });
  }

  releaseLock(): void {
    this.table.release(this.key, this.env.current().id);
  }

  hasLock(): boolean {
    return this.table.holder(this.key) === this.env.current().id;
  }

  private acquire(timeoutInMillis: number): boolean | Pending<boolean> {
    const executionId = this.env.current().id;
    if (this.table.tryTake(this.key, executionId)) return true;
    this.table.contended += 1;
    const timeout = Math.max(0, Math.min(Number(timeoutInMillis) || 0, 300_000));
    if (this.table.waiter) return this.table.waiter.wait(this.key, executionId, timeout);
    this.env.sleep(timeout, 'Lock.wait');
    return this.table.tryTake(this.key, executionId);
  }
}

export class LockService {
  static readonly gasName = 'LockService';

  constructor(
    private readonly env: ServiceEnv,
    private readonly table: LockTable,
  ) {}

  getScriptLock(): Lock {
    return new Lock(this.env, this.table, 'script');
  }

  getUserLock(): Lock {
    return new Lock(this.env, this.table, `user:${this.env.current().user}`);
  }

  /** Null when the script is not bound to a document, as in Apps Script. */
  getDocumentLock(): Lock | null {
    const spreadsheetId = this.env.current().spreadsheetId;
    return spreadsheetId ? new Lock(this.env, this.table, `document:${spreadsheetId}`) : null;
  }
}
