/**
 * Apps Script's daily quotas that the add-on could run into, counted per user and day, and the
 * per-service call counts the benchmark reports. Limits are those of a consumer (gmail.com) account.
 */
export const CONSUMER_LIMITS = {
  urlFetchCallsPerDay: 20_000,
  triggerRuntimeMsPerDay: 90 * 60 * 1000,
} as const;

const DAY = 24 * 60 * 60 * 1000;

export class Quotas {
  /** "Class.method" → calls, over the world's whole life. */
  readonly calls = new Map<string, number>();
  private readonly daily = new Map<string, number>();

  private key(name: string, user: string, now: number): string {
    return `${name}|${user}|${Math.floor(now / DAY)}`;
  }

  countCall(className: string, method: string): void {
    const key = `${className}.${method}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  /** Adds `amount` to a daily counter; returns false (and adds nothing) when it would pass `limit`. */
  take(name: string, user: string, now: number, amount: number, limit: number): boolean {
    const key = this.key(name, user, now);
    const used = this.daily.get(key) ?? 0;
    if (used + amount > limit) return false;
    this.daily.set(key, used + amount);
    return true;
  }

  add(name: string, user: string, now: number, amount: number): void {
    const key = this.key(name, user, now);
    this.daily.set(key, (this.daily.get(key) ?? 0) + amount);
  }

  used(name: string, user: string, now: number): number {
    return this.daily.get(this.key(name, user, now)) ?? 0;
  }

  /** Calls per class, e.g. { Range: 120, Folder: 14 }, for reports. */
  callsByClass(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, count] of this.calls) {
      const className = key.split('.')[0] ?? key;
      out[className] = (out[className] ?? 0) + count;
    }
    return out;
  }
}
