/**
 * Two executions that overlap in virtual time: their fetches wait side by side, and their property
 * reads and writes interleave for real, so only the lock keeps the counter right.
 */
import type { World } from '../../../emulator/world';
import { concurrent, scriptWorld } from './setup';

const LATENCY_MS = 5_000;

const COUNTER = `
function bump(useLock) {
  const lock = LockService.getScriptLock();
  const props = PropertiesService.getScriptProperties();
  if (useLock) lock.waitLock(30000);
  const seen = Number(props.getProperty('counter') || 0);
  if (useLock) lock.releaseLock();
  UrlFetchApp.fetch('https://www.tiktok.com/slow');
  if (useLock) lock.waitLock(30000);
  const current = Number(props.getProperty('counter') || 0);
  props.setProperty('counter', String(current + 1));
  if (useLock) lock.releaseLock();
  return seen;
}`;

function twoBumps(useLock: boolean) {
  const world = scriptWorld(COUNTER);
  world.router.register('www.tiktok.com', () => ({ status: 200, body: 'ok', latencyMs: LATENCY_MS }));
  const sim = concurrent(world);
  const start = world.clock.now();
  sim.schedule({ functionName: 'bump', args: [useLock], at: start });
  sim.schedule({ functionName: 'bump', args: [useLock], at: start });
  const reports = sim.runUntil(() => !sim.busy);
  return { world, reports, start, counter: counterOf(world) };
}

function counterOf(world: World): string | null {
  return world.properties.entries('script').counter ?? null;
}

describe('overlapping executions', () => {
  it('wait for their fetches side by side: two 5 s fetches take about 5 s, not 10', () => {
    const { world, reports, start } = twoBumps(true);
    expect(reports.map((report) => report.status)).toEqual(['completed', 'completed']);
    const end = Math.max(...reports.map((report) => report.endedAt));
    expect(end - start).toBeGreaterThan(LATENCY_MS);
    expect(end - start).toBeLessThan(LATENCY_MS + 1_000);
    const [first, second] = world.fetches;
    expect(world.fetches).toHaveLength(2);
    expect(second?.executionId).not.toBe(first?.executionId);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeLessThan(LATENCY_MS);
  });

  it('with the lock, both read the counter before either wrote, and it still ends right', () => {
    const { reports, counter } = twoBumps(true);
    expect(reports.map((report) => report.value)).toEqual([0, 0]);
    expect(counter).toBe('2');
  });

  it('without the lock, their read-modify-writes interleave and one update is lost', () => {
    const { reports, counter } = twoBumps(false);
    expect(reports.map((report) => report.status)).toEqual(['completed', 'completed']);
    expect(counter).toBe('1');
  });
});
