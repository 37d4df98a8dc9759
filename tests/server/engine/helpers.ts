import { newBatch } from '../../../src/server/engine/batch';
import { runExecution, type RunReport } from '../../../src/server/engine/run';
import type { BatchSettings, RowSpec } from '../../../src/server/engine/types';
import { FakeWorld } from '../../fixtures/engine/fake-services';
import { RATE_KEY, testJob } from '../../fixtures/engine/test-job';

export function rows(...links: string[]): RowSpec[] {
  return links.map((link, index) => ({
    rowId: `r${index + 1}`,
    number: index + 1,
    link,
    photo: 'photo',
    description: 'desc',
    photoVariations: 1,
    textVariations: 1,
  }));
}

export function settings(overrides: Partial<BatchSettings> = {}): BatchSettings {
  return { rowsInProgress: 5, requestsPerMinute: { [RATE_KEY]: 600 }, job: null, ...overrides };
}

export function startBatch(world: FakeWorld, links: string[], overrides: Partial<BatchSettings> = {}): void {
  const state = newBatch({
    id: 'b1',
    job: testJob,
    rows: rows(...links),
    settings: settings(overrides),
    now: world.time,
  });
  world.ports('setup').store.save(state);
}

let executions = 0;

export function execute(
  world: FakeWorld,
  budgetMs = 5 * 60_000,
  maxIdleMs = 30_000,
  maxItemsPerWave = 100,
): RunReport {
  executions += 1;
  const owner = `exec-${executions}`;
  return runExecution(testJob, world.ports(owner), {
    owner,
    startedAt: world.time,
    budgetMs,
    maxIdleMs,
    claimLimits: { maxItems: maxItemsPerWave, maxBytes: 35 * 1024 * 1024 },
  });
}

/** Runs executions one after another until the batch ends or `limit` executions have run. */
export function runToEnd(world: FakeWorld, limit = 50, maxItemsPerWave = 100): RunReport[] {
  const reports: RunReport[] = [];
  for (let i = 0; i < limit; i++) {
    const report = execute(world, 5 * 60_000, 30_000, maxItemsPerWave);
    reports.push(report);
    const status = world.state().meta.status;
    if (status === 'completed' || status === 'cancelled' || status === 'stopped') break;
    if (report.stoppedBecause === 'idle' || report.stoppedBecause === 'not-running') world.time += 60_000;
  }
  return reports;
}
