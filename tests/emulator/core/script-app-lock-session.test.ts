import { TestEnv } from '../../../emulator/core/env';
import { LockService, LockTable } from '../../../emulator/services/lock';
import { ScriptApp, TriggerStore } from '../../../emulator/services/script-app';
import { Logger, Session } from '../../../emulator/services/session';

describe('ScriptApp triggers', () => {
  it('installs a recurring trigger for the current user, due one interval later', () => {
    const env = new TestEnv({ spreadsheetId: 'sheet-1' });
    const store = new TriggerStore('bound');
    const app = new ScriptApp(env, store, 'script-1');
    const trigger = app.newTrigger('runBatchTick').timeBased().everyMinutes(1).create();
    expect(trigger.getHandlerFunction()).toBe('runBatchTick');
    expect(app.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
    expect(store.due(env.now())).toEqual([]);
    expect(store.due(env.now() + 60_000).map((t) => t.id)).toEqual([trigger.getUniqueId()]);
  });

  it('moves a recurring trigger on and removes a one-shot after it fires', () => {
    const env = new TestEnv();
    const store = new TriggerStore('bound');
    const app = new ScriptApp(env, store, 'script-1');
    const every = app.newTrigger('tick').timeBased().everyMinutes(5).create();
    const once = app.newTrigger('later').timeBased().after(10_000).create();
    const t0 = env.now();
    const [first] = store.due(t0 + 10_000);
    expect(first?.id).toBe(once.getUniqueId());
    store.fired(first!, t0 + 10_000);
    expect(store.triggers.map((t) => t.id)).toEqual([every.getUniqueId()]);
    const [recurring] = store.due(t0 + 300_000);
    store.fired(recurring!, t0 + 300_000);
    expect(recurring?.nextAt).toBe(t0 + 600_000);
  });

  it('accepts only the minute intervals Apps Script allows', () => {
    const app = new ScriptApp(new TestEnv(), new TriggerStore('bound'), 's');
    expect(() => app.newTrigger('f').timeBased().everyMinutes(2)).toThrow(/1, 5, 10, 15 or 30/);
  });

  it('refuses triggers faster than hourly for an add-on, and a second one per document', () => {
    const env = new TestEnv({ spreadsheetId: 'doc' });
    const app = new ScriptApp(env, new TriggerStore('addon'), 's');
    expect(() => app.newTrigger('f').timeBased().everyMinutes(1).create()).toThrow(
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    );
    app.newTrigger('f').timeBased().everyHours(1).create();
    expect(() => app.newTrigger('g').timeBased().everyHours(2).create()).toThrow(/one/);
  });

  it('stops at 20 triggers per user', () => {
    const app = new ScriptApp(new TestEnv(), new TriggerStore('bound'), 's');
    for (let i = 0; i < 20; i++) app.newTrigger('f').timeBased().after(1000).create();
    expect(() => app.newTrigger('f').timeBased().after(1000).create()).toThrow(/too many triggers/);
  });

  it('deletes only the trigger given, by id, and only the owner may', () => {
    const env = new TestEnv();
    const store = new TriggerStore('bound');
    const app = new ScriptApp(env, store, 's');
    const a = app.newTrigger('a').timeBased().everyMinutes(1).create();
    const b = app.newTrigger('b').timeBased().everyMinutes(1).create();
    app.deleteTrigger(a);
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['b']);
    const other = new TestEnv({ user: 'someone@example.com' });
    expect(new ScriptApp(other, store, 's').getProjectTriggers()).toEqual([]);
    expect(() => new ScriptApp(other, store, 's').deleteTrigger(b)).toThrow(/permission/);
  });
});

describe('LockService', () => {
  it('gives the lock to one execution; another cannot take it until it is released', () => {
    const table = new LockTable();
    const first = new TestEnv();
    const second = new TestEnv();
    second.execution = { ...second.execution, id: 'exec-other' };
    const lockA = new LockService(first, table).getScriptLock();
    const lockB = new LockService(second, table).getScriptLock();
    expect(lockA.tryLock(1000)).toBe(true);
    expect(lockA.hasLock()).toBe(true);
    const before = second.now();
    expect(lockB.tryLock(2000)).toBe(false);
    expect(second.now() - before).toBe(2000);
    expect(() => lockB.waitLock(100)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    lockA.releaseLock();
    expect(lockB.tryLock(0)).toBe(true);
    expect(table.contended).toBe(2);
  });

  it('releases every lock of an execution when it ends', () => {
    const table = new LockTable();
    const env = new TestEnv({ spreadsheetId: 'doc' });
    const service = new LockService(env, table);
    service.getDocumentLock()?.waitLock(10);
    service.getUserLock().waitLock(10);
    table.releaseAll(env.execution.id);
    expect(table.holder('document:doc')).toBeUndefined();
    expect(table.holder(`user:${env.execution.user}`)).toBeUndefined();
  });

  it('has no document lock without a container document', () => {
    expect(
      new LockService(new TestEnv({ spreadsheetId: null }), new LockTable()).getDocumentLock(),
    ).toBeNull();
  });
});

describe('Session and Logger', () => {
  it('hides the e-mail address without the userinfo.email scope but keeps a stable per-user key', () => {
    const env = new TestEnv({ user: 'jenny@example.com' });
    const hidden = new Session(env, 'America/Los_Angeles', false);
    expect(hidden.getActiveUser().getEmail()).toBe('');
    expect(new Session(env, 'UTC', true).getActiveUser().getEmail()).toBe('jenny@example.com');
    const key = hidden.getTemporaryActiveUserKey();
    expect(key).toBe(hidden.getTemporaryActiveUserKey());
    expect(key).not.toContain('jenny');
    const other = new Session(new TestEnv({ user: 'sam@example.com' }), 'UTC', false);
    expect(other.getTemporaryActiveUserKey()).not.toBe(key);
  });

  it('formats %s placeholders and sends each line to the sink', () => {
    const lines: string[] = [];
    const logger = new Logger((_level, line) => lines.push(line));
    logger.log('row %s: %s', 3, 'done');
    logger.log({ a: 1 });
    expect(lines).toEqual(['row 3: done', '{"a":1}']);
    expect(logger.getLog()).toBe('row 3: done\n{"a":1}');
  });
});
