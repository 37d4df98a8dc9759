/**
 * Kills in worker executions, as in the in-thread runtime: at an injected call index (before or after
 * the call takes effect) and past 6 minutes. Nothing after the kill reaches the world, the execution's
 * locks go at once, and executions alongside it carry on.
 */
import { bothModes, comparable, concurrent, scriptWorld } from './setup';

const CODE = `
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
function holdAndWork() {
  LockService.getScriptLock().waitLock(1000);
  const cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(5, 5);
  for (let i = 0; i < 100; i++) cell.setValue(i);
}
function takeLock() {
  const lock = LockService.getScriptLock();
  lock.waitLock(120000);
  return Date.now();
}
function sleeper() { Utilities.sleep(30000); return 'slept'; }
function stubborn() {
  for (;;) { try { SpreadsheetApp.getActiveSpreadsheet().getName(); } catch (e) {} }
}
`;

describe('kills in worker executions', () => {
  // writeRows' calls: 1 getActiveSpreadsheet, 2 getSheets, then getRange/setValue pairs: call 6 is row 2's setValue.
  it.each([
    ['before', ['row 1|', '|']],
    ['after', ['row 1|', 'row 2|']],
  ] as const)('an injected kill %s call 6 ends it as the in-thread runtime does', (when, rows) => {
    const { sequential, concurrent: worker } = bothModes(CODE);
    const expected = sequential.runtime.run('writeRows', [10], { kind: 'menu', kill: { atCall: 6, when } });
    worker.sim.schedule({ functionName: 'writeRows', args: [10], kind: 'menu', kill: { atCall: 6, when } });
    worker.sim.schedule({ functionName: 'readColumn', kind: 'menu', at: worker.sim.now + 60_000 });
    const [killed, read] = worker.sim.runUntil(() => !worker.sim.busy);
    expect(killed?.status).toBe('killed');
    expect(killed?.calls).toBe(6);
    expect(comparable(killed ?? {})).toEqual({ ...comparable(expected), peakFetchBytes: 0 });
    expect((read?.value as string[]).slice(0, 2)).toEqual(rows);
  });

  it('kills past 6 minutes at the next call; the catch block reaches nothing', () => {
    const world = scriptWorld(CODE);
    const sim = concurrent(world);
    sim.schedule({ functionName: 'catchEverything', kind: 'menu' });
    const [report] = sim.runUntil(() => !sim.busy);
    expect(report?.status).toBe('killed');
    expect(report?.error?.message).toBe('Exceeded maximum execution time');
    expect(report?.durationMs).toBeGreaterThan(6 * 60 * 1000);
    expect(report?.durationMs).toBeLessThan(6 * 60 * 1000 + 1000);
    sim.schedule({ functionName: 'readColumn', kind: 'menu' });
    const rows = sim.runUntil(() => !sim.busy)[0]?.value as string[];
    expect(rows[0]).toMatch(/^write \d+\|$/);
  });

  it("a killed execution's lock goes to a waiter at the kill, and the others carry on", () => {
    const world = scriptWorld(CODE);
    const sim = concurrent(world);
    const start = world.clock.now();
    sim.schedule({ functionName: 'holdAndWork', kind: 'menu', kill: { atCall: 20, when: 'before' } });
    sim.schedule({ functionName: 'takeLock', kind: 'menu', at: start + 100 });
    sim.schedule({ functionName: 'sleeper', kind: 'menu', at: start + 100 });
    const reports = sim.runUntil(() => !sim.busy);
    const byName = Object.fromEntries(reports.map((report) => [report.functionName, report]));
    expect(byName.holdAndWork?.status).toBe('killed');
    expect(byName.holdAndWork?.calls).toBe(20);
    expect(byName.takeLock?.status).toBe('completed');
    // The waiter got the lock when the killed holder ended, plus its own lock call's time.
    expect(byName.takeLock?.value).toBeGreaterThanOrEqual(byName.holdAndWork?.endedAt ?? Infinity);
    expect(byName.takeLock?.value).toBeLessThan((byName.holdAndWork?.endedAt ?? 0) + 100);
    expect(byName.sleeper?.value).toBe('slept');
    expect(world.locks.holder('script')).toBeUndefined();
  });

  it('a script that keeps calling after its kill loses its worker, and the run goes on', () => {
    const world = scriptWorld(CODE);
    const sim = concurrent(world, { workers: 1 });
    sim.schedule({ functionName: 'stubborn', kind: 'menu', kill: { atCall: 5, when: 'before' } });
    sim.schedule({ functionName: 'sleeper', kind: 'menu', at: world.clock.now() + 10 });
    const reports = sim.runUntil(() => !sim.busy);
    expect(reports.map((report) => [report.functionName, report.status])).toEqual([
      ['stubborn', 'killed'],
      ['sleeper', 'completed'],
    ]);
    expect(reports[0]?.calls).toBe(5);
  });
});
