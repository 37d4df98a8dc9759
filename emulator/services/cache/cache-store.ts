/**
 * Every cache of the script: the script's, one per user, one per document. Lives in the world and
 * snapshots to JSON. Time is the environment's clock, so expiry follows the virtual clock.
 *
 * Documented limits (Cache class reference): keys up to 250 characters, values up to 100 KB, expiry from
 * 1 second to 6 hours (600 s by default), at most 1,000 items per cache; past that the cache keeps the
 * 900 items farthest from expiring. Real caches may also drop entries early: evictAll() lets tests
 * exercise that.
 */
import { z } from 'zod';
import type { ServiceEnv } from '../../core/env';

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_EXPIRATION_S = 600;
export const CACHE_MAX_EXPIRATION_S = 21600;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_ITEMS_AFTER_TRIM = 900;

export const SCRIPT_CACHE = 'script';
export const userCache = (email: string): string => `user:${email}`;
export const documentCache = (documentId: string): string => `document:${documentId}`;

interface Entry {
  value: string;
  /** Epoch milliseconds on the env clock. */
  expiresAt: number;
  /** Write order, to break ties between equal expiry times (the newer write is kept). */
  seq: number;
}

const snapshotSchema = z.object({
  version: z.literal(1),
  caches: z.record(
    z.string(),
    z.record(z.string(), z.object({ value: z.string(), expiresAt: z.number(), seq: z.number() })),
  ),
});

export type CacheSnapshot = z.infer<typeof snapshotSchema>;

export class CacheStore {
  private readonly caches = new Map<string, Map<string, Entry>>();
  private seq = 0;

  constructor(private readonly env: Pick<ServiceEnv, 'now'>) {}

  private cache(scope: string): Map<string, Entry> {
    let cache = this.caches.get(scope);
    if (!cache) {
      cache = new Map();
      this.caches.set(scope, cache);
    }
    return cache;
  }

  /** The live value, or undefined if missing or expired (an expired entry is dropped on the way). */
  get(scope: string, key: string): string | undefined {
    const cache = this.cache(scope);
    const entry = cache.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.env.now()) {
      cache.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Writes entries that have already been validated, then trims the cache to its item cap. */
  put(scope: string, entries: readonly (readonly [string, string])[], expirationSeconds: number): void {
    const cache = this.cache(scope);
    const expiresAt = this.env.now() + expirationSeconds * 1000;
    for (const [key, value] of entries) {
      cache.delete(key);
      cache.set(key, { value, expiresAt, seq: ++this.seq });
    }
    this.trim(cache);
  }

  remove(scope: string, keys: readonly string[]): void {
    const cache = this.cache(scope);
    for (const key of keys) cache.delete(key);
  }

  private trim(cache: Map<string, Entry>): void {
    const now = this.env.now();
    for (const [key, entry] of cache) if (entry.expiresAt <= now) cache.delete(key);
    if (cache.size <= CACHE_MAX_ITEMS) return;
    const keep = [...cache.entries()]
      .sort(([, a], [, b]) => b.expiresAt - a.expiresAt || b.seq - a.seq)
      .slice(0, CACHE_ITEMS_AFTER_TRIM);
    cache.clear();
    for (const [key, entry] of keep.sort(([, a], [, b]) => a.seq - b.seq)) cache.set(key, entry);
  }

  /** Drops every entry of one cache, or of all caches: real caches may lose entries at any time. */
  evictAll(scope?: string): void {
    if (scope === undefined) this.caches.clear();
    else this.caches.delete(scope);
  }

  /** Drops one entry early, as a real cache may. */
  evict(scope: string, key: string): void {
    this.cache(scope).delete(key);
  }

  /** Live entries of one cache with their expiry, for tests and the harness. */
  entries(scope: string): Record<string, { value: string; expiresAt: number }> {
    const out: Record<string, { value: string; expiresAt: number }> = {};
    const now = this.env.now();
    for (const [key, { value, expiresAt }] of this.cache(scope))
      if (expiresAt > now) out[key] = { value, expiresAt };
    return out;
  }

  /** Every live entry. Expired ones are left out. */
  toJSON(): CacheSnapshot {
    const caches: CacheSnapshot['caches'] = {};
    const now = this.env.now();
    for (const [scope, cache] of this.caches) {
      const live = [...cache].filter(([, e]) => e.expiresAt > now);
      if (live.length > 0) caches[scope] = Object.fromEntries(live.map(([key, e]) => [key, { ...e }]));
    }
    return { version: 1, caches };
  }

  static fromJSON(snapshot: unknown, env: Pick<ServiceEnv, 'now'>): CacheStore {
    const parsed = snapshotSchema.parse(snapshot);
    const store = new CacheStore(env);
    for (const [scope, entries] of Object.entries(parsed.caches)) {
      const cache = store.cache(scope);
      for (const [key, entry] of Object.entries(entries).sort(([, a], [, b]) => a.seq - b.seq)) {
        cache.set(key, { ...entry });
        store.seq = Math.max(store.seq, entry.seq);
      }
    }
    return store;
  }
}
