import { GasError, TestEnv } from '../../../emulator/core/env';
import {
  CacheService,
  CacheStore,
  documentCache,
  SCRIPT_CACHE,
  userCache,
} from '../../../emulator/services/cache';

function make(spreadsheetId: string | null = null) {
  const env = new TestEnv({ spreadsheetId });
  const store = new CacheStore(env);
  return { env, store, service: new CacheService(env, store) };
}

const seconds = (env: TestEnv, s: number) => {
  env.time += s * 1000;
};

describe('Cache get and put', () => {
  it('returns null for a missing key and the value for a stored one', () => {
    const cache = make().service.getScriptCache();
    expect(cache.get('k')).toBeNull();
    cache.put('k', 'v');
    expect(cache.get('k')).toBe('v');
  });

  it('stores values as strings', () => {
    const cache = make().service.getScriptCache();
    cache.put('n', 12 as unknown as string);
    expect(cache.get('n')).toBe('12');
  });

  it('expires after 600 seconds by default', () => {
    const { env, service } = make();
    const cache = service.getScriptCache();
    cache.put('k', 'v');
    seconds(env, 599);
    expect(cache.get('k')).toBe('v');
    seconds(env, 1);
    expect(cache.get('k')).toBeNull();
  });

  it('honours an explicit expiration, capped at 6 hours', () => {
    const { env, service } = make();
    const cache = service.getScriptCache();
    cache.put('short', 'v', 5);
    cache.put('long', 'v', 100000);
    seconds(env, 5);
    expect(cache.get('short')).toBeNull();
    seconds(env, 21600 - 6);
    expect(cache.get('long')).toBe('v');
    seconds(env, 1);
    expect(cache.get('long')).toBeNull();
  });

  it('ignores an expiration below one second in favour of the default', () => {
    const { env, service } = make();
    const cache = service.getScriptCache();
    cache.put('k', 'v', -5);
    seconds(env, 599);
    expect(cache.get('k')).toBe('v');
  });

  it('restarts the expiry when a key is written again', () => {
    const { env, service } = make();
    const cache = service.getScriptCache();
    cache.put('k', 'a', 10);
    seconds(env, 8);
    cache.put('k', 'b', 10);
    seconds(env, 8);
    expect(cache.get('k')).toBe('b');
  });

  it('removes one key or several', () => {
    const cache = make().service.getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    cache.remove('a');
    cache.removeAll(['b', 'missing']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('returns only the keys it finds from getAll', () => {
    const { env, service } = make();
    const cache = service.getScriptCache();
    cache.putAll({ a: '1', b: '2' }, 10);
    cache.put('c', '3', 100);
    seconds(env, 10);
    expect(cache.getAll(['a', 'b', 'c', 'd'])).toEqual({ c: '3' });
  });
});

describe('Cache limits', () => {
  it('refuses a key over 250 characters', () => {
    const cache = make().service.getScriptCache();
    cache.put('k'.repeat(250), 'ok');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow(new GasError('Argument too large: key'));
  });

  it('refuses a value over 100 KB, counted in UTF-8 bytes', () => {
    const cache = make().service.getScriptCache();
    cache.put('fits', 'x'.repeat(100 * 1024));
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow(
      new GasError('Argument too large: value'),
    );
    expect(() => cache.put('wide', 'é'.repeat(51201))).toThrow('Argument too large: value');
  });

  it('writes nothing from putAll when one entry is too large', () => {
    const cache = make().service.getScriptCache();
    expect(() => cache.putAll({ ok: '1', big: 'x'.repeat(200 * 1024) })).toThrow(GasError);
    expect(cache.get('ok')).toBeNull();
  });

  it('keeps the 900 entries farthest from expiring once it passes 1,000 items', () => {
    const { store, service } = make();
    const cache = service.getScriptCache();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, 'v', 1000 + i);
    expect(Object.keys(store.entries(SCRIPT_CACHE))).toHaveLength(1000);
    cache.put('newest', 'v', 21600);
    const left = Object.keys(store.entries(SCRIPT_CACHE));
    expect(left).toHaveLength(900);
    expect(cache.get('newest')).toBe('v');
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k100')).toBeNull();
    expect(cache.get('k101')).toBe('v');
  });
});

describe('CacheService scopes', () => {
  it('keeps user caches per user and the script cache shared', () => {
    const { env, service } = make();
    service.getUserCache().put('mine', '1');
    service.getScriptCache().put('ours', '2');
    env.execution = { ...env.execution, user: 'other@example.com' };
    expect(service.getUserCache().get('mine')).toBeNull();
    expect(service.getScriptCache().get('ours')).toBe('2');
  });

  it('has no document cache without a container, and one per document with it', () => {
    expect(make().service.getDocumentCache()).toBeNull();
    const { store, service } = make('sheet-1');
    service.getDocumentCache()?.put('d', '1');
    expect(store.entries(documentCache('sheet-1'))).toEqual({
      d: { value: '1', expiresAt: expect.any(Number) },
    });
  });
});

describe('CacheStore hooks and snapshots', () => {
  it('drops everything on evictAll, as a real cache may at any time', () => {
    const { store, service } = make();
    service.getScriptCache().put('a', '1');
    service.getUserCache().put('b', '2');
    store.evictAll(SCRIPT_CACHE);
    expect(service.getScriptCache().get('a')).toBeNull();
    expect(service.getUserCache().get('b')).toBe('2');
    store.evictAll();
    expect(service.getUserCache().get('b')).toBeNull();
  });

  it('drops a single entry on evict', () => {
    const { store, service } = make();
    service.getUserCache().putAll({ a: '1', b: '2' });
    store.evict(userCache('jenny@example.com'), 'a');
    expect(service.getUserCache().getAll(['a', 'b'])).toEqual({ b: '2' });
  });

  it('round-trips live entries with their expiry through JSON, leaving expired ones out', () => {
    const { env, store, service } = make();
    service.getScriptCache().put('keep', '1', 100);
    service.getScriptCache().put('gone', '2', 1);
    seconds(env, 1);
    const snapshot = JSON.parse(JSON.stringify(store)) as unknown;
    const copy = CacheStore.fromJSON(snapshot, env);
    const restored = new CacheService(env, copy).getScriptCache();
    expect(restored.get('keep')).toBe('1');
    expect(restored.get('gone')).toBeNull();
    seconds(env, 99);
    expect(restored.get('keep')).toBeNull();
  });

  it('rejects a snapshot that is not one', () => {
    expect(() => CacheStore.fromJSON({ caches: 1 }, new TestEnv())).toThrow();
  });
});
