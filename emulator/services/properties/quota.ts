/**
 * The "Properties read/write" daily quota: each call on a Properties object is one read or one write,
 * counted per user and per UTC day. (Apps Script's quotas reset 24 hours after a user's first request;
 * calendar days are the emulator's simplification.) Past the limit, calls fail with Apps Script's
 * "Service invoked too many times for one day: properties."
 */
import { GasError } from '../../core/env';

/** Consumer (gmail.com) accounts; Workspace accounts get 500,000. */
export const PROPERTIES_DAILY_LIMIT = 50_000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PropertiesUsage {
  /** YYYY-MM-DD, UTC */
  day: string;
  user: string;
  reads: number;
  writes: number;
}

export class PropertiesQuota {
  private readonly usage = new Map<string, PropertiesUsage>();

  /** `dailyLimit` null counts without ever refusing. */
  constructor(readonly dailyLimit: number | null = PROPERTIES_DAILY_LIMIT) {}

  private entry(user: string, now: number): PropertiesUsage {
    const day = new Date(Math.floor(now / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
    const key = `${day}|${user}`;
    let entry = this.usage.get(key);
    if (!entry) {
      entry = { day, user, reads: 0, writes: 0 };
      this.usage.set(key, entry);
    }
    return entry;
  }

  /** Counts one call, or throws if the user's calls today already reached the limit. */
  record(kind: 'read' | 'write', user: string, now: number): void {
    const entry = this.entry(user, now);
    if (this.dailyLimit !== null && entry.reads + entry.writes >= this.dailyLimit) {
      throw new GasError('Service invoked too many times for one day: properties.');
    }
    if (kind === 'read') entry.reads += 1;
    else entry.writes += 1;
  }

  /** Reads and writes of `user` on the day of `now`. */
  usedBy(user: string, now: number): { reads: number; writes: number } {
    const { reads, writes } = this.entry(user, now);
    return { reads, writes };
  }

  /** Every (day, user) counted so far, oldest day first, for reports. */
  report(): PropertiesUsage[] {
    return [...this.usage.values()]
      .filter((u) => u.reads + u.writes > 0)
      .map((u) => ({ ...u }))
      .sort((a, b) => a.day.localeCompare(b.day) || a.user.localeCompare(b.user));
  }

  load(entries: readonly PropertiesUsage[]): void {
    this.usage.clear();
    for (const e of entries) this.usage.set(`${e.day}|${e.user}`, { ...e });
  }
}
