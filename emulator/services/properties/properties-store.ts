/**
 * Every property store of the script: the script's own, one per user, one per document. Lives in the
 * world (outlives executions) and snapshots to JSON.
 *
 * Size limits, from the Quotas page: a property value may hold 9 KB, a property store 500 KB. Sizes are
 * counted in UTF-8 bytes of key plus value, which is how Apps Script measures them (a long key eats into
 * the 9 KB too).
 */
import { z } from 'zod';
import { GasError } from '../../core/env';
import { utf8Length } from '../blob/args';
import { PropertiesQuota, type PropertiesUsage } from './quota';

export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** Store keys: 'script', 'user:<email>', 'document:<id>'. */
export const SCRIPT_SCOPE = 'script';
export const userScope = (email: string): string => `user:${email}`;
export const documentScope = (documentId: string): string => `document:${documentId}`;

const snapshotSchema = z.object({
  version: z.literal(1),
  stores: z.record(z.string(), z.record(z.string(), z.string())),
  quota: z.array(z.object({ day: z.string(), user: z.string(), reads: z.number(), writes: z.number() })),
});

export type PropertiesSnapshot = z.infer<typeof snapshotSchema>;

const entrySize = (key: string, value: string): number => utf8Length(key) + utf8Length(value);

export class PropertiesStore {
  readonly quota: PropertiesQuota;
  private readonly stores = new Map<string, Map<string, string>>();

  constructor(options: { dailyLimit?: number | null } = {}) {
    this.quota = new PropertiesQuota(options.dailyLimit === undefined ? undefined : options.dailyLimit);
  }

  /** The live map of one store (created empty on first use). */
  map(scope: string): Map<string, string> {
    let map = this.stores.get(scope);
    if (!map) {
      map = new Map();
      this.stores.set(scope, map);
    }
    return map;
  }

  /**
   * Replaces the store's content with `next` if it fits the limits; otherwise throws as Apps Script does
   * and leaves the store as it was. `changed` lists the entries this write touches: only they are held to
   * the per-value limit.
   */
  commit(scope: string, next: Map<string, string>, changed: Iterable<string>): void {
    for (const key of changed) {
      const value = next.get(key);
      if (value !== undefined && entrySize(key, value) > PROPERTY_VALUE_LIMIT_BYTES) {
        throw new GasError(VALUE_TOO_LARGE);
      }
    }
    let total = 0;
    for (const [key, value] of next) total += entrySize(key, value);
    if (total > PROPERTY_STORE_LIMIT_BYTES) throw new GasError(STORE_FULL);
    this.stores.set(scope, next);
  }

  /** UTF-8 bytes a store holds (keys plus values), for tests and reports. */
  bytesUsed(scope: string): number {
    let total = 0;
    for (const [key, value] of this.map(scope)) total += entrySize(key, value);
    return total;
  }

  /** A copy of one store, for tests and the harness. */
  entries(scope: string): Record<string, string> {
    return Object.fromEntries(this.map(scope));
  }

  /** Sets properties directly (no quota, no limits), for test setup. */
  seed(scope: string, values: Record<string, string>): void {
    const map = this.map(scope);
    for (const [key, value] of Object.entries(values)) map.set(key, value);
  }

  /** Every store and the quota counts. Empty stores are left out. */
  toJSON(): PropertiesSnapshot {
    const stores: Record<string, Record<string, string>> = {};
    for (const [scope, map] of this.stores) if (map.size > 0) stores[scope] = Object.fromEntries(map);
    return { version: 1, stores, quota: this.quota.report() };
  }

  static fromJSON(snapshot: unknown, options: { dailyLimit?: number | null } = {}): PropertiesStore {
    const parsed = snapshotSchema.parse(snapshot);
    const store = new PropertiesStore(options);
    for (const [scope, values] of Object.entries(parsed.stores))
      store.stores.set(scope, new Map(Object.entries(values)));
    store.quota.load(parsed.quota satisfies PropertiesUsage[]);
    return store;
  }
}
