/**
 * The real engine in the emulator, with the test job over simulated HTTP: a batch to the end by sidebar
 * pumps alone and by trigger ticks alone; sheet edits during a batch; state in the hidden sheet.
 */
import { engineWorld, expectOk, prepareSheet, sheetByLink } from './world';

/** Valid TikTok links (the sheet checks them); the query tells the test API what to answer. */
const link = (handle: string, id: number, query: string) =>
  `https://www.tiktok.com/@${handle}/photo/73000000000000${id}?${query}`;
const ALPHA = link('alpha', 10001, 'parts-2');
const BRAVO = link('bravo', 10002, 'parts-3');
const CHARLIE = link('charlie', 10003, 'parts-1');
const DELTA = link('delta', 10004, 'fatal');
const ECHO = link('echo', 10005, 'parts-2');
const LINKS = [ALPHA, BRAVO, CHARLIE, DELTA, ECHO];

describe('engine in the emulator', () => {
  it('runs a batch to the end by sidebar pump calls alone', async () => {
    const { runtime, services, world } = await engineWorld();
    prepareSheet(runtime, LINKS);
    expectOk(runtime.callFromSidebar('startBatch', [{}]));
    let progress: { status: string } | null = null;
    for (let i = 0; i < 40 && progress?.status !== 'completed'; i++) {
      progress = expectOk(runtime.callFromSidebar<{ status: string }>('pumpBatch'));
    }
    expect(progress?.status).toBe('completed');
    const rows = sheetByLink(runtime);
    expect(rows.get(ALPHA)).toMatchObject({ status: 'Done', output: ALPHA, error: '' });
    expect(rows.get(DELTA)?.status).toBe('Failed: Not found');
    expect(rows.get(DELTA)?.error).toBe('Not found');
    // 8 parts, each stored once; the batch folder and summary too.
    expect([...services.files.values()]).toEqual(Array(10).fill(1));
    // No trigger outlives the batch.
    expect(world.triggers.triggers).toEqual([]);
  });

  it('runs a batch to the end by trigger ticks alone, with the sidebar closed', async () => {
    const { runtime, services, world } = await engineWorld();
    prepareSheet(runtime, LINKS);
    const started = expectOk(
      runtime.callFromSidebar<{ trigger: { everyMinutes: number } }>('startBatch', [{}]),
    );
    expect(started.trigger.everyMinutes).toBe(1);
    expect(world.triggers.triggers.map((trigger) => trigger.handler)).toEqual(['onBatchTick']);
    const reports = runtime.runDueTriggers(world.clock.now() + 30 * 60_000);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((report) => report.status === 'completed')).toBe(true);
    const progress = expectOk(
      runtime.callFromSidebar<{ status: string; rows: { completed: number; failed: number } }>(
        'getBatchProgress',
      ),
    );
    expect(progress).toMatchObject({ status: 'completed', rows: { completed: 4, failed: 1 } });
    expect([...services.files.values()].every((count) => count === 1)).toBe(true);
    // The trigger removed itself when the batch ended.
    expect(world.triggers.triggers).toEqual([]);
  });

  it('keeps each status on its own row when rows are sorted, inserted and deleted mid-batch', async () => {
    const { runtime } = await engineWorld();
    prepareSheet(runtime, LINKS);
    expectOk(runtime.callFromSidebar('startBatch', [{}]));
    expectOk(runtime.callFromSidebar('pumpBatch'));
    expectOk(runtime.run('testSortRows', [1, false]));
    expectOk(runtime.run('testInsertRowBefore', [3]));
    expectOk(runtime.callFromSidebar('pumpBatch'));
    expectOk(runtime.run('testSortRows', [1, true]));
    // Delete "charlie" (row 4 after sorting ascending with the blank row sorted last).
    const before = sheetByLink(runtime);
    expect(before.has(CHARLIE)).toBe(true);
    const grid = expectOk(runtime.run<string[][]>('testReadSheet'));
    const charlieRow = grid.findIndex((row) => row[0] === CHARLIE) + 1;
    expectOk(runtime.run('testDeleteRow', [charlieRow]));
    for (let i = 0; i < 30; i++) {
      const progress = expectOk(runtime.callFromSidebar<{ status: string }>('pumpBatch'));
      if (progress.status === 'completed') break;
    }
    const rows = sheetByLink(runtime);
    expect(rows.has(CHARLIE)).toBe(false);
    for (const own of [ALPHA, BRAVO, ECHO]) {
      // The test job puts the row's own link in its Output label: a status on the wrong row shows here.
      expect(rows.get(own)).toMatchObject({ status: 'Done', output: own });
    }
    expect(rows.get(DELTA)).toMatchObject({ status: 'Failed: Not found', output: '', error: 'Not found' });
  });

  it('keeps the queue in a hidden sheet the person is asked not to edit', async () => {
    const { runtime, world } = await engineWorld();
    prepareSheet(runtime, [ALPHA]);
    expectOk(runtime.callFromSidebar('startBatch', [{}]));
    const spreadsheet = world.boundSpreadsheet();
    const queue = spreadsheet.sheets.find((sheet) => sheet.name === 'Slideshow Remix queue');
    expect(queue?.hidden).toBe(true);
    expect(String(queue?.rows[0]?.[0]?.value)).toMatch(/Please do not edit this sheet/);
  });

  it('cancel keeps finished rows and stops the rest', async () => {
    const { runtime, services } = await engineWorld({ workLatencyMs: 30_000 });
    // More rows than may be in progress at once (5), so some are still queued when Cancel comes.
    const many = Array.from({ length: 12 }, (_, index) => link(`row${index}`, 20000 + index, 'parts-2'));
    prepareSheet(runtime, many);
    expectOk(runtime.callFromSidebar('startBatch', [{}]));
    expectOk(runtime.callFromSidebar('pumpBatch'));
    const cancelled = expectOk(
      runtime.callFromSidebar<{ status: string; rows: { completed: number; cancelled: number } }>(
        'cancelBatch',
      ),
    );
    expect(cancelled.status).toBe('cancelled');
    const rows = sheetByLink(runtime);
    const statuses = [...rows.values()].map((row) => row.status);
    expect(statuses.filter((status) => status === 'Cancelled').length).toBe(cancelled.rows.cancelled);
    expect(cancelled.rows.cancelled).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 'Done').length).toBe(cancelled.rows.completed);
    expect(cancelled.rows.completed + cancelled.rows.cancelled).toBe(many.length);
    const calls = new Map(services.workCalls);
    expectOk(runtime.callFromSidebar('pumpBatch'));
    expect(services.workCalls).toEqual(calls);
  });

  it('retry failed runs only the failed rows again', async () => {
    const { runtime, services } = await engineWorld();
    prepareSheet(runtime, [ALPHA, DELTA]);
    expectOk(runtime.callFromSidebar('startBatch', [{}]));
    for (let i = 0; i < 10; i++)
      if (expectOk(runtime.callFromSidebar<{ status: string }>('pumpBatch')).status === 'completed') break;
    const alphaCalls = [...services.workCalls.entries()].filter(([key]) => key.includes('alpha'));
    const retried = runtime.callFromSidebar<{ status: string }>('retryFailedRows');
    expect(retried.status).toBe('completed');
    for (let i = 0; i < 10; i++)
      if (expectOk(runtime.callFromSidebar<{ status: string }>('pumpBatch')).status === 'completed') break;
    // The fatal row failed again on its own; alpha's work did not run again.
    expect([...services.workCalls.entries()].filter(([key]) => key.includes('alpha'))).toEqual(alphaCalls);
    expect(sheetByLink(runtime).get(DELTA)?.status).toBe('Failed: Not found');
    expect(sheetByLink(runtime).get(ALPHA)?.status).toBe('Done');
  });

  it("pauses, and says why, when Apps Script's daily allowance of web requests runs out", async () => {
    const { runtime } = await engineWorld({ urlFetchCallsPerDay: 6 });
    prepareSheet(runtime, [ALPHA, BRAVO, CHARLIE, ECHO]);
    expectOk(runtime.callFromSidebar('startBatch', [{}]));
    const progress = expectOk(
      runtime.callFromSidebar<{ status: string; message: string; rows: { failed: number } }>('pumpBatch'),
    );
    expect(progress.status).toBe('paused');
    expect(progress.message).toMatch(/daily limit of web requests/);
    expect(progress.rows.failed).toBe(0);
    const statuses = [...sheetByLink(runtime).values()].map((row) => row.status);
    expect(statuses.filter((status) => status.startsWith('Paused: quota')).length).toBeGreaterThan(0);
  });
});
