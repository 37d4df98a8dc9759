import { GasError, TestEnv } from '../../../emulator/core/env';
import {
  documentScope,
  PropertiesService,
  PropertiesStore,
  PROPERTY_STORE_LIMIT_BYTES,
  SCRIPT_SCOPE,
  userScope,
} from '../../../emulator/services/properties';

const DAY = 24 * 60 * 60 * 1000;
const FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function make(options: { spreadsheetId?: string | null; dailyLimit?: number | null } = {}) {
  const env = new TestEnv({ spreadsheetId: options.spreadsheetId ?? null });
  const store = new PropertiesStore({ dailyLimit: options.dailyLimit });
  return { env, store, service: new PropertiesService(env, store) };
}

function asUser(env: TestEnv, user: string) {
  env.execution = { ...env.execution, user };
}

describe('Properties basics', () => {
  it('returns null for a missing key and the value for a set one', () => {
    const props = make().service.getScriptProperties();
    expect(props.getProperty('missing')).toBeNull();
    expect(props.setProperty('a', '1')).toBe(props);
    expect(props.getProperty('a')).toBe('1');
  });

  it('stores non-string values as strings', () => {
    const props = make().service.getScriptProperties();
    props.setProperty('n', 5 as unknown as string);
    props.setProperties({ b: true as unknown as string });
    expect(props.getProperty('n')).toBe('5');
    expect(props.getProperties()).toEqual({ n: '5', b: 'true' });
  });

  it('hands out copies: changing them does not change the store', () => {
    const props = make().service.getScriptProperties();
    props.setProperty('a', '1');
    const all = props.getProperties();
    all.a = 'changed';
    const keys = props.getKeys();
    keys.push('x');
    expect(props.getProperty('a')).toBe('1');
    expect(props.getKeys()).toEqual(['a']);
  });

  it('merges with setProperties, or replaces everything with deleteAllOthers', () => {
    const props = make().service.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ b: '3', c: '4' });
    expect(props.getProperties()).toEqual({ a: '1', b: '3', c: '4' });
    props.setProperties({ z: '9' }, true);
    expect(props.getProperties()).toEqual({ z: '9' });
  });

  it('deletes one key or all of them', () => {
    const props = make().service.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    expect(props.deleteProperty('a').getKeys()).toEqual(['b']);
    expect(props.deleteAllProperties().getKeys()).toEqual([]);
  });

  it('rejects a non-object for setProperties', () => {
    const props = make().service.getScriptProperties();
    expect(() => props.setProperties('a=1' as unknown as Record<string, string>)).toThrow(
      "The parameters (String,Boolean) don't match the method signature for Properties.setProperties.",
    );
  });
});

describe('PropertiesService scopes', () => {
  it('keeps user properties per user and script properties shared', () => {
    const { env, service } = make();
    service.getUserProperties().setProperty('theme', 'dark');
    service.getScriptProperties().setProperty('shared', 'yes');
    asUser(env, 'other@example.com');
    expect(service.getUserProperties().getProperty('theme')).toBeNull();
    expect(service.getScriptProperties().getProperty('shared')).toBe('yes');
  });

  it('returns null document properties when the script has no container', () => {
    expect(make().service.getDocumentProperties()).toBeNull();
  });

  it('keeps document properties per spreadsheet, shared by its users', () => {
    const { env, store, service } = make({ spreadsheetId: 'sheet-1' });
    service.getDocumentProperties()?.setProperty('run', '42');
    asUser(env, 'other@example.com');
    expect(service.getDocumentProperties()?.getProperty('run')).toBe('42');
    env.execution = { ...env.execution, spreadsheetId: 'sheet-2' };
    expect(service.getDocumentProperties()?.getProperty('run')).toBeNull();
    expect(store.entries(documentScope('sheet-1'))).toEqual({ run: '42' });
  });
});

describe('Properties size limits', () => {
  it('accepts up to 9 KB of key plus value and refuses one byte more', () => {
    const props = make().service.getScriptProperties();
    props.setProperty('k', 'x'.repeat(9 * 1024 - 1));
    expect(() => props.setProperty('k2', 'x'.repeat(9 * 1024 - 1))).toThrow(
      new GasError('Argument too large: value'),
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    const props = make().service.getScriptProperties();
    expect(() => props.setProperty('k', 'é'.repeat(4608))).toThrow('Argument too large: value');
    props.setProperty('k', 'é'.repeat(4607));
  });

  it('leaves the store untouched when a write is refused', () => {
    const props = make().service.getScriptProperties();
    props.setProperty('a', 'old');
    expect(() => props.setProperty('a', 'x'.repeat(10000))).toThrow(GasError);
    expect(() => props.setProperties({ b: 'fine', c: 'x'.repeat(10000) })).toThrow(GasError);
    expect(props.getProperties()).toEqual({ a: 'old' });
  });

  it('refuses to grow a store past 500 KB, counting an overwrite at its new size', () => {
    const { store, service } = make();
    const props = service.getScriptProperties();
    const value = 'y'.repeat(9000);
    let written = 0;
    expect(() => {
      for (;;) {
        props.setProperty(`key${written}`, value);
        written += 1;
      }
    }).toThrow(new GasError(FULL));
    expect(written).toBe(Math.floor(PROPERTY_STORE_LIMIT_BYTES / (9000 + 5)));
    expect(props.getKeys()).toHaveLength(written);
    expect(store.bytesUsed(SCRIPT_SCOPE)).toBeLessThanOrEqual(PROPERTY_STORE_LIMIT_BYTES);
    props.setProperty('key0', 'small');
    props.setProperty('extra', value);
    expect(props.getProperty('extra')).toBe(value);
  });

  it('limits each store on its own', () => {
    const { env, service } = make();
    const value = 'y'.repeat(9000);
    for (let i = 0; i < 50; i++) service.getUserProperties().setProperty(`k${i}`, value);
    asUser(env, 'other@example.com');
    for (let i = 0; i < 50; i++) service.getUserProperties().setProperty(`k${i}`, value);
    expect(service.getUserProperties().getKeys()).toHaveLength(50);
  });
});

describe('Properties quota', () => {
  it('counts reads and writes per user and day', () => {
    const { env, store, service } = make();
    const props = service.getUserProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getProperties();
    props.getKeys();
    props.deleteProperty('a');
    expect(store.quota.usedBy('jenny@example.com', env.now())).toEqual({ reads: 3, writes: 2 });
    asUser(env, 'other@example.com');
    service.getScriptProperties().getProperty('x');
    env.time += DAY;
    service.getScriptProperties().getProperty('x');
    expect(store.quota.report()).toEqual([
      { day: '2026-11-22', user: 'jenny@example.com', reads: 3, writes: 2 },
      { day: '2026-11-22', user: 'other@example.com', reads: 1, writes: 0 },
      { day: '2026-11-23', user: 'other@example.com', reads: 1, writes: 0 },
    ]);
  });

  it('refuses calls past the daily limit until the next day', () => {
    const { env, service } = make({ dailyLimit: 3 });
    const props = service.getScriptProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getProperty('a');
    expect(() => props.getProperty('a')).toThrow(
      new GasError('Service invoked too many times for one day: properties.'),
    );
    env.time += DAY;
    expect(props.getProperty('a')).toBe('1');
  });

  it('defaults to the consumer limit of 50,000 a day', () => {
    expect(make().store.quota.dailyLimit).toBe(50_000);
  });
});

describe('PropertiesStore snapshots', () => {
  it('round-trips every store and the quota counts through JSON', () => {
    const { env, store, service } = make({ spreadsheetId: 'sheet-1' });
    service.getScriptProperties().setProperty('s', '1');
    service.getUserProperties().setProperty('u', '2');
    service.getDocumentProperties()?.setProperty('d', '3');
    const copy = PropertiesStore.fromJSON(JSON.parse(JSON.stringify(store)));
    expect(copy.entries(SCRIPT_SCOPE)).toEqual({ s: '1' });
    expect(copy.entries(userScope('jenny@example.com'))).toEqual({ u: '2' });
    expect(copy.entries(documentScope('sheet-1'))).toEqual({ d: '3' });
    expect(copy.quota.usedBy('jenny@example.com', env.now())).toEqual({ reads: 0, writes: 3 });
  });

  it('rejects a snapshot that is not one', () => {
    expect(() => PropertiesStore.fromJSON({ version: 2 })).toThrow();
  });

  it('seeds stores directly for test setup, without quota', () => {
    const { env, store, service } = make();
    store.seed(userScope('jenny@example.com'), { token: 'abc' });
    expect(store.quota.usedBy('jenny@example.com', env.now())).toEqual({ reads: 0, writes: 0 });
    expect(service.getUserProperties().getProperty('token')).toBe('abc');
  });
});
