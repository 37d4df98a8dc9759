/** CacheService and the Cache objects it hands out. */
import { GasError, type ServiceEnv } from '../../core/env';
import { signatureError, utf8Length } from '../blob/args';
import {
  CACHE_DEFAULT_EXPIRATION_S,
  CACHE_KEY_MAX_CHARS,
  CACHE_MAX_EXPIRATION_S,
  CACHE_VALUE_MAX_BYTES,
  documentCache,
  SCRIPT_CACHE,
  userCache,
  type CacheStore,
} from './cache-store';

/**
 * The expiry actually applied. Past the documented 6-hour maximum it is capped there; a value below
 * 1 second (zero, negative) is ignored in favour of the default, as observed of the real service.
 */
function expirationOf(expirationInSeconds: unknown, method: string, args: readonly unknown[]): number {
  if (expirationInSeconds === undefined) return CACHE_DEFAULT_EXPIRATION_S;
  if (typeof expirationInSeconds !== 'number' || Number.isNaN(expirationInSeconds))
    throw signatureError(method, args);
  const seconds = Math.floor(expirationInSeconds);
  if (seconds < 1) return CACHE_DEFAULT_EXPIRATION_S;
  return Math.min(seconds, CACHE_MAX_EXPIRATION_S);
}

function checkEntry(key: string, value: string): void {
  if (key.length > CACHE_KEY_MAX_CHARS) throw new GasError('Argument too large: key');
  if (utf8Length(value) > CACHE_VALUE_MAX_BYTES) throw new GasError('Argument too large: value');
}

/** One cache as the script sees it. Keys and values are converted with String(). */
export class Cache implements GoogleAppsScript.Cache.Cache {
  static readonly gasName = 'Cache';

  constructor(
    private readonly store: CacheStore,
    private readonly scope: string,
  ) {}

  get(key: string): string | null {
    return this.store.get(this.scope, String(key)) ?? null;
  }

  /** Only the keys found appear in the result. */
  getAll(keys: string[]): Record<string, string> {
    if (!Array.isArray(keys)) throw signatureError('Cache.getAll', [keys]);
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.store.get(this.scope, String(key));
      if (value !== undefined) out[String(key)] = value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    const args = [key, value, expirationInSeconds];
    if (value === undefined) throw signatureError('Cache.put', args);
    const expiration = expirationOf(expirationInSeconds, 'Cache.put', args);
    checkEntry(String(key), String(value));
    this.store.put(this.scope, [[String(key), String(value)]], expiration);
  }

  /** All or nothing: one entry over a limit and none are written. */
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    const args = [values, expirationInSeconds];
    if (typeof values !== 'object' || values === null || Array.isArray(values))
      throw signatureError('Cache.putAll', args);
    const expiration = expirationOf(expirationInSeconds, 'Cache.putAll', args);
    const entries = Object.entries(values).map(([key, value]) => [key, String(value)] as const);
    for (const [key, value] of entries) checkEntry(key, value);
    this.store.put(this.scope, entries, expiration);
  }

  remove(key: string): void {
    this.store.remove(this.scope, [String(key)]);
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw signatureError('Cache.removeAll', [keys]);
    this.store.remove(this.scope, keys.map(String));
  }
}

export class CacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  'getScriptCache' | 'getUserCache'
> {
  static readonly gasName = 'CacheService';

  constructor(
    private readonly env: ServiceEnv,
    private readonly store: CacheStore,
  ) {}

  getScriptCache(): Cache {
    return new Cache(this.store, SCRIPT_CACHE);
  }

  getUserCache(): Cache {
    return new Cache(this.store, userCache(this.env.current().user));
  }

  /** Null when the script has no container document, as documented. */
  getDocumentCache(): Cache | null {
    const documentId = this.env.current().spreadsheetId;
    return documentId === null ? null : new Cache(this.store, documentCache(documentId));
  }
}
