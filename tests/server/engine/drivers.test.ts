/**
 * Who drives the batch: while the sidebar pumps, the minute trigger stays out of the way (its runtime is
 * a daily quota of 90 minutes); once the sidebar has been quiet for a while, the trigger works again.
 * And the work the sidebar's lanes could hold: leased and ready items, within the rate budget.
 */
import { claim, demandBytes, expireLeases } from '../../../src/server/engine/claim';
import { retryFailed } from '../../../src/server/engine/lifecycle';
import { SIDEBAR_ALIVE_MS } from '../../../src/server/engine/limits';
import { BATCH_ROW_ID } from '../../../src/server/engine/types';
import { PEEK_MS, runExecution, workComing } from '../../../src/server/engine/run';
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

  it('a pump with nothing to take while another execution holds the work waits for it, without the lock', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-3', 'parts-3']);
    // Another execution has claimed everything ready (the batch folder, the rows' fetches) and is
    // waiting for its answers: what comes after is queued behind it.
    const held = world.state();
    expect(claim(held, testJob, 'other', world.time).length).toBeGreaterThan(0);
    world.ports('setup').store.save(held);
    expect(workComing(held, world.time)).toBe(true);

    const ports = world.ports('pump-1');
    let locks = 0;
    let sleeps = 0;
    const acquire = ports.lock.acquire.bind(ports.lock);
    const sleep = ports.clock.sleep.bind(ports.clock);
    ports.lock.acquire = (ms) => {
      locks += 1;
      return acquire(ms);
    };
    ports.clock.sleep = (ms) => {
      sleep(ms);
      sleeps += 1;
      // Three looks later the other execution is gone and its items are free again.
      if (sleeps === 3) {
        const state = world.state();
        for (const item of state.rows.flatMap((row) => row.items)) if (item.lease) item.lease.until = 0;
        expireLeases(state, world.time);
        world.ports('setup').store.save(state);
      }
    };
    const startedAt = world.time;
    const report = runExecution(testJob, ports, {
      owner: 'pump-1',
      startedAt,
      budgetMs: 40_000,
      maxIdleMs: 5_000,
      waitForWorkMs: 30_000,
      driver: 'sidebar',
    });
    expect(report.sent).toBeGreaterThan(0);
    // It looked every PEEK_MS, and took the lock only to claim: first, and once the work was there.
    expect(sleeps).toBeGreaterThanOrEqual(3);
    expect(world.requests[0]!.at - startedAt).toBeGreaterThanOrEqual(3 * PEEK_MS);
    expect(locks).toBeLessThanOrEqual(2 + report.waves);
  });

  it('nothing is coming when no live execution holds work', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-3']);
    const state = world.state();
    expect(workComing(state, world.time)).toBe(false);
    claim(state, testJob, 'other', world.time);
    expect(workComing(state, world.time)).toBe(true);
    // A lease that ran out is no one's work: the execution that held it died.
    expect(workComing(state, world.time + 10 * 60_000)).toBe(false);
  });

  it('waits for work to come at most waitForWorkMs, then gives its call back', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-3', 'parts-3']);
    const held = world.state();
    claim(held, testJob, 'other', world.time);
    world.ports('setup').store.save(held);
    const startedAt = world.time;
    const report = runExecution(testJob, world.ports('pump-1'), {
      owner: 'pump-1',
      startedAt,
      budgetMs: 5 * 60_000,
      maxIdleMs: 5_000,
      waitForWorkMs: 30_000,
      driver: 'sidebar',
    });
    expect(report).toMatchObject({ sent: 0, stoppedBecause: 'idle' });
    expect(world.time - startedAt).toBeGreaterThanOrEqual(30_000);
    expect(world.time - startedAt).toBeLessThan(30_000 + 2 * PEEK_MS);
  });

  it('a look at the state caught in the middle of a save is not a failure: the claim reads it again', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-3', 'parts-3']);
    const held = world.state();
    claim(held, testJob, 'other', world.time);
    world.ports('setup').store.save(held);
    const ports = world.ports('pump-1');
    const load = ports.store.load.bind(ports.store);
    let loads = 0;
    ports.store.load = () => {
      loads += 1;
      // The first look without the lock finds half a save.
      if (loads === 2) throw new SyntaxError('Unexpected end of JSON input');
      return load();
    };
    const report = runExecution(testJob, ports, {
      owner: 'pump-1',
      startedAt: world.time,
      budgetMs: 40_000,
      maxIdleMs: 5_000,
      waitForWorkMs: 10_000,
      driver: 'sidebar',
    });
    expect(report.stoppedBecause).toBe('idle');
    expect(loads).toBeGreaterThan(3);
  });
});
