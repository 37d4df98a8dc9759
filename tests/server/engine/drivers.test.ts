/**
 * Who drives the batch: while the sidebar pumps, the minute trigger stays out of the way (its runtime is
 * a daily quota of 90 minutes); once the sidebar has been quiet for a while, the trigger works again.
 * And the work the sidebar's lanes could hold: leased and ready items, within the rate budget.
 */
import { demandBytes } from '../../../src/server/engine/claim';
import { retryFailed } from '../../../src/server/engine/lifecycle';
import { SIDEBAR_ALIVE_MS } from '../../../src/server/engine/limits';
import { BATCH_ROW_ID } from '../../../src/server/engine/types';
import { runExecution } from '../../../src/server/engine/run';
import { FakeWorld } from '../../fixtures/engine/fake-services';
import { RATE_KEY, testJob } from '../../fixtures/engine/test-job';
import { startBatch } from './helpers';

function drive(world: FakeWorld, driver: 'sidebar' | 'trigger', owner: string) {
  return runExecution(testJob, world.ports(owner), {
    owner,
    startedAt: world.time,
    budgetMs: 1_000,
    maxIdleMs: 0,
    driver,
  });
}

describe('engine: the sidebar and the trigger', () => {
  it('the trigger does nothing while a pump ran recently, and works once the sidebar is quiet', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-3', 'parts-3', 'parts-3']);
    const pump = drive(world, 'sidebar', 'pump-1');
    expect(pump.sent).toBeGreaterThan(0);
    const lastPumpAt = world.state().meta.lastPumpAt;
    if (lastPumpAt === undefined) throw new Error('the pump left no mark');

    world.time = Math.max(world.time, lastPumpAt + SIDEBAR_ALIVE_MS - 1_000);
    const early = drive(world, 'trigger', 'tick-1');
    expect(early.stoppedBecause).toBe('sidebar');
    expect(early.sent).toBe(0);

    world.time = lastPumpAt + SIDEBAR_ALIVE_MS + 1_000;
    const later = drive(world, 'trigger', 'tick-2');
    expect(later.stoppedBecause).not.toBe('sidebar');
    expect(later.sent).toBeGreaterThan(0);
  });

  it('counts leased and ready work, and no more ready work than the rate allows', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-10', 'parts-10', 'parts-10'], { requestsPerMinute: { [RATE_KEY]: 4 } });
    const before = demandBytes(world.state(), testJob, world.time);
    expect(before).toBeGreaterThan(0);
    // Nothing is active before the first claim; once rows start, the rate budget caps what is ready.
    drive(world, 'sidebar', 'pump-1');
    const state = world.state();
    const leased = state.rows.flatMap((row) => row.items).filter((item) => item.state === 'leased').length;
    const bytes = demandBytes(state, testJob, world.time);
    const perItem = testJob.estimateBytes
      ? testJob.estimateBytes(state.rows[0]!.items[0]!, state.meta)
      : 64 * 1024;
    expect(bytes).toBeLessThanOrEqual((leased + 4) * Math.max(perItem, 64 * 1024) + 64 * 1024);
  });
});

describe('engine: Retry failed', () => {
  it('marks an item that already ran as a rerun, so its next try looks before it writes', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-2']);
    const state = world.state();
    const row = state.rows.find((candidate) => candidate.rowId !== BATCH_ROW_ID);
    if (!row) throw new Error('no row');
    row.state = 'failed';
    row.items = [
      { id: 'a', kind: 'work', state: 'failed', attempts: 3, takeovers: 0, units: 1, deps: [] },
      { id: 'b', kind: 'work', state: 'failed', attempts: 0, takeovers: 0, units: 1, deps: [] },
    ] as typeof row.items;
    retryFailed(state, world.time);
    const [ran, never] = row.items;
    expect(ran).toMatchObject({ state: 'queued', attempts: 0, reruns: 1 });
    expect(never?.reruns).toBeUndefined();
  });
});
