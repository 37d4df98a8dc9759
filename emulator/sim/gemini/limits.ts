/**
 * Gemini's request quotas, per project and model: a per-minute limit over a sliding 60 s window measured
 * at each request's arrival, and a per-day limit that resets at midnight Pacific time. Only admitted
 * requests count; a refused one uses no quota.
 */

const WINDOW_MS = 60_000;

export type QuotaDecision =
  { ok: true } | { ok: false; scope: 'minute'; retryAfterMs: number } | { ok: false; scope: 'day' };

const pacificDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export class QuotaBook {
  private readonly arrivals = new Map<string, number[]>();
  private readonly daily = new Map<string, { day: string; count: number }>();

  /** Admits and records the request, or says which limit it hit. */
  admit(project: string, model: string, now: number, perMinute?: number, perDay?: number): QuotaDecision {
    const key = `${project}\u0000${model}`;
    const day = pacificDay.format(new Date(now));
    const used = this.daily.get(key);
    const usedToday = used && used.day === day ? used.count : 0;
    if (perDay !== undefined && usedToday >= perDay) return { ok: false, scope: 'day' };

    const recent = (this.arrivals.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (perMinute !== undefined && recent.length >= perMinute) {
      // The slot frees when the oldest request still inside the window leaves it.
      const oldestThatMustLeave = recent[recent.length - perMinute] ?? now;
      this.arrivals.set(key, recent);
      return { ok: false, scope: 'minute', retryAfterMs: Math.max(1, oldestThatMustLeave + WINDOW_MS - now) };
    }
    recent.push(now);
    this.arrivals.set(key, recent);
    this.daily.set(key, { day, count: usedToday + 1 });
    return { ok: true };
  }
}
