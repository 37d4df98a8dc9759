/**
 * Execution semantics on a small script of our own with the project's manifest: the 6-minute kill,
 * injected kills, authorization modes and scopes, the script's realm, triggers.
 */
import * as fs from 'node:fs';
import { Runtime } from '../../../emulator/core/runtime';
import type { Manifest } from '../../../emulator/core/world';
import { World, type WorldOptions } from '../../../emulator/world';

const manifest = JSON.parse(fs.readFileSync('appsscript.json', 'utf8')) as Manifest;

function world(code: string, options: WorldOptions = {}) {
  const w = new World({ project: { code, html: {}, manifest }, ...options });
  return { world: w, runtime: new Runtime(w) };
}

const SHEET_WRITER = `
function writeRows(n) {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  for (let i = 1; i <= n; i++) sheet.getRange(i, 1).setValue('row ' + i);
  return n;
}
function readColumn() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 10, 2).getValues().map((r) => r.join('|'));
}
function catchEverything() {
  const cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1);
  for (let i = 0; ; i++) {
    try { cell.setValue('write ' + i); } catch (e) {
      try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 2).setValue('after'); } catch (e2) {}
      return 'survived';
    }
  }
}
function sleepy(ms) { Utilities.sleep(ms); return Date.now(); }
`;

describe('executions', () => {
  it('kills an execution past 6 minutes at its next service call, and nothing after runs', () => {
    const { world: w, runtime } = world(SHEET_WRITER);
    // setValue costs ~90 ms here, so 6 minutes is about 4,000 calls.
    const report = runtime.run('catchEverything');
    expect(report.status).toBe('killed');
    expect(report.error?.message).toBe('Exceeded maximum execution time');
    expect(report.durationMs).toBeGreaterThan(6 * 60 * 1000);
    const rows = runtime.run<string[]>('readColumn').value ?? [];
    // The catch block's write after the kill never reached the sheet.
    expect(rows[0]).toMatch(/^write \d+\|$/);
    expect(w.clock.now()).toBeGreaterThan(report.startedAt + 6 * 60 * 1000);
  });

  // writeRows' calls: 1 getActiveSpreadsheet, 2 getSheets, then getRange/setValue pairs: call 6 is row 2's setValue.
  it.each([
    ['before', ['row 1|', '|']],
    ['after', ['row 1|', 'row 2|']],
  ] as const)('an injected kill %s call 6 leaves exactly the writes before it', (when, expected) => {
    const { runtime } = world(SHEET_WRITER);
    const report = runtime.run('writeRows', [10], { kill: { atCall: 6, when } });
    expect(report.status).toBe('killed');
    expect(report.calls).toBe(6);
    expect(runtime.run<string[]>('readColumn').value?.slice(0, 2)).toEqual(expected);
  });

  it('an injected kill after a time dies at the first service call once that time has passed', () => {
    const { runtime } = world(SHEET_WRITER);
    const report = runtime.run('writeRows', [200], { kill: { afterMs: 2_000, when: 'before' } });
    expect(report.status).toBe('killed');
    expect(report.error?.message).toBe('Execution killed by the emulator (injected fault)');
    // It ran up to the moment and no further: some rows were written, not all 200.
    expect(report.durationMs).toBeGreaterThanOrEqual(2_000);
    expect(report.durationMs).toBeLessThan(2_500);
    const rows = runtime.run<string[]>('readColumn').value ?? [];
    expect(rows[0]).toBe('row 1|');
    expect(report.calls).toBeLessThan(200);
  });

  it('a killed execution releases its locks', () => {
    const code = `function hold() { LockService.getDocumentLock().waitLock(1000); SpreadsheetApp.getActiveSpreadsheet().getName(); }
                  function take() { return LockService.getDocumentLock().tryLock(0); }`;
    const { runtime } = world(code);
    expect(runtime.run('hold', [], { kill: { atCall: 4, when: 'before' } }).status).toBe('killed');
    expect(runtime.run('take').value).toBe(true);
  });

  it('Utilities.sleep and Date.now() follow the virtual clock', () => {
    const { world: w, runtime } = world(SHEET_WRITER);
    const start = w.clock.now();
    const report = runtime.run<number>('sleepy', [90_000]);
    expect(report.value).toBeGreaterThanOrEqual(start + 90_000);
    expect(w.clock.now() - start).toBeLessThan(91_000);
  });

  it('LIMITED mode (simple triggers) may read the sheet but not fetch or use Drive', () => {
    const code = `function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
                  function net() { return UrlFetchApp.fetch('https://www.tiktok.com/'); }
                  function drive() { return DriveApp.getRootFolder().getName(); }`;
    const { runtime } = world(code);
    expect(runtime.run('sheet', [], { authMode: 'LIMITED' }).status).toBe('completed');
    expect(runtime.run('net', [], { authMode: 'LIMITED' }).error?.message).toMatch(
      /permission to call UrlFetchApp.fetch/,
    );
    expect(runtime.run('drive', [], { authMode: 'LIMITED' }).error?.message).toMatch(
      /permission to call DriveApp.getRootFolder/,
    );
  });

  it('refuses what the manifest scopes do not cover: DriveApp writes need the full drive scope', () => {
    const code = `function read() { return DriveApp.getRootFolder().getName(); }
                  function write() { return DriveApp.createFolder('x').getId(); }`;
    const { runtime } = world(code);
    expect(runtime.run('read').status).toBe('completed');
    const write = runtime.run('write');
    expect(write.status).toBe('failed');
    expect(write.error?.message).toMatch(/DriveApp.createFolder.*auth\/drive/);
  });

  it('gives the script only what V8 and Apps Script have', () => {
    const code = `function probe() {
      return [typeof require, typeof process, typeof Buffer, typeof URL, typeof fetch, typeof setTimeout, typeof TextEncoder,
              typeof SpreadsheetApp, typeof UrlFetchApp, typeof Utilities, typeof MimeType.JPEG];
    }
    function realm() {
      const values = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 2, 2).getValues();
      let thrown = null;
      try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); } catch (e) { thrown = e; }
      return { isArray: Array.isArray(values), arrayCtor: values instanceof Array, errorCtor: thrown instanceof Error, name: thrown.name, text: String(thrown) };
    }`;
    const { runtime } = world(code);
    expect(runtime.run('probe').value).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'object',
      'object',
      'object',
      'string',
    ]);
    expect(runtime.run('realm').value).toEqual({
      isArray: true,
      arrayCtor: true,
      errorCtor: true,
      name: 'Exception',
      text: expect.stringMatching(/^Exception: /),
    });
  });

  it('fires due triggers as new executions of their owner, without a UI', () => {
    const code = `function install() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create(); }
                  function tick(e) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].appendRow([e.triggerUid, Date.now()]); SpreadsheetApp.getUi(); }`;
    const { world: w, runtime } = world(code);
    runtime.run('install');
    const start = w.clock.now();
    const reports = runtime.runDueTriggers(start + 3 * 60_000 + 1);
    expect(reports.map((r) => r.kind)).toEqual(['trigger', 'trigger', 'trigger']);
    expect(
      reports.every((r) => r.error?.message.includes('Cannot call SpreadsheetApp.getUi() from this context')),
    ).toBe(true);
    const starts = reports.map((r) => r.startedAt);
    expect(starts[0]).toBeGreaterThan(start + 59_000);
    expect(starts[0]).toBeLessThanOrEqual(start + 60_000);
    expect([starts[1]! - starts[0]!, starts[2]! - starts[1]!]).toEqual([60_000, 60_000]);
  });

  it('counts trigger runtime per day and stops firing past the consumer quota', () => {
    const code = `function install() { ScriptApp.newTrigger('busy').timeBased().everyMinutes(5).create(); }
                  function busy() { Utilities.sleep(290000); }`;
    const { world: w, runtime } = world(code);
    runtime.run('install');
    // 90 minutes a day: about 19 runs of 290 s, then the rest of the day's firings are skipped.
    const reports = runtime.runDueTriggers(w.clock.now() + 4 * 60 * 60_000);
    expect(reports.length).toBeGreaterThanOrEqual(18);
    expect(reports.length).toBeLessThanOrEqual(19);
    expect(w.skippedTriggers.length).toBeGreaterThan(0);
  });

  it('a sidebar call that returns a Date fails loudly instead of arriving as null', () => {
    const { runtime } = world('function when() { return { at: new Date() }; }');
    const report = runtime.callFromSidebar('when');
    expect(report.status).toBe('failed');
    expect(report.error?.message).toMatch(/when\(\) result.at is a Date/);
  });

  it('reports an unknown function as Apps Script does', () => {
    const { runtime } = world('function a() {}');
    expect(runtime.run('missing').error?.message).toBe('Script function not found: missing');
  });
});

describe('quota report', () => {
  it('counts fetches, trigger runtime, property reads and writes, and service calls per class', () => {
    const code = `
      function work() {
        UrlFetchApp.fetchAll(['https://www.tiktok.com/a', 'https://www.tiktok.com/b']);
        PropertiesService.getUserProperties().setProperty('k', 'v');
        PropertiesService.getUserProperties().getProperty('k');
      }
      function install() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create(); }
      function tick() { Utilities.sleep(1500); }`;
    const { world: w, runtime } = world(code);
    w.router.register('www.tiktok.com', () => ({ status: 200, body: 'ok' }));
    runtime.run('work');
    runtime.run('install');
    runtime.runDueTriggers(w.clock.now() + 2 * 60_000);
    const report = w.quotaReport();
    expect(report.urlFetchCalls).toEqual({ used: 2, limit: 20_000 });
    expect(report.propertiesReadsWrites.used).toBe(2);
    expect(report.triggerRuntimeMs.used).toBeGreaterThanOrEqual(2 * 1500);
    expect(report.triggerRuntimeMs.limit).toBe(90 * 60 * 1000);
    expect(report.executions).toBe(4);
    expect(report.serviceCallsByClass).toMatchObject({ UrlFetchApp: 1, Properties: 2, Utilities: 2 });
  });
});
