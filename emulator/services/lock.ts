/**
 * LockService: document, user and script locks shared by every execution in the world. A lock belongs to
 * an execution and is released when that execution ends, however it ends, as in Apps Script.
 */
import { GasError, type ServiceEnv } from '../core/env';

export interface LockWaiter {
  /**
   * Waits up to `timeoutMs` for the lock to be free and takes it; returns false on time-out.
   * The sequential runtime cannot run the holder meanwhile, so it lets the time pass and fails;
   * a concurrent scheduler suspends the caller until the holder releases.
   */
  wait(key: string, executionId: string, timeoutMs: number): boolean;
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
    if (this.holders.get(key) === executionId) this.holders.delete(key);
  }

  releaseAll(executionId: string): void {
    for (const [key, holder] of [...this.holders]) if (holder === executionId) this.holders.delete(key);
  }
}

export class Lock {
  static readonly gasName = 'Lock';

  constructor(
    private readonly env: ServiceEnv,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.acquire(timeoutInMillis)) {
      throw new GasError('Lock timeout: another process was holding the lock for too long.');
    }
  }

  releaseLock(): void {
    this.table.release(this.key, this.env.current().id);
  }

  hasLock(): boolean {
    return this.table.holder(this.key) === this.env.current().id;
  }

  private acquire(timeoutInMillis: number): boolean {
    const executionId = this.env.current().id;
    if (this.table.tryTake(this.key, executionId)) return true;
    this.table.contended += 1;
    const timeout = Math.max(0, Math.min(Number(timeoutInMillis) || 0, 300_000));
    if (this.table.waiter) return this.table.waiter.wait(this.key, executionId, timeout);
    this.env.sleep(timeout);
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
