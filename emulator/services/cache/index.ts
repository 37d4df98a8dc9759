export { Cache, CacheService } from './cache';
export {
  CacheStore,
  CACHE_DEFAULT_EXPIRATION_S,
  CACHE_ITEMS_AFTER_TRIM,
  CACHE_KEY_MAX_CHARS,
  CACHE_MAX_EXPIRATION_S,
  CACHE_MAX_ITEMS,
  CACHE_VALUE_MAX_BYTES,
  SCRIPT_CACHE,
  userCache,
  documentCache,
  type CacheSnapshot,
} from './cache-store';
