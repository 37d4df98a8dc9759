/**
 * Time-driven triggers fire as new executions at their times while sidebar calls are in flight, and
 * the sidebar's driver keeps its calls going from each call's end.
 */
import type { ConcurrentReport } from '../../../emulator/concurrent/runtime';
import { type Afternoon, afternoon, IN_FLIGHT, MINUTES } from './sidebar-and-trigger';

describe('triggers among sidebar calls', () => {
  let scene: Afternoon;
  let triggers: ConcurrentReport[];
  let sidebar: ConcurrentReport[];
  beforeAll(() => {
    scene = afternoon();
    triggers = scene.reports.filter((report) => report.kind === 'trigger');
    sidebar = scene.reports.filter((report) => report.kind === 'sidebar');
  });

  it('fire every minute, each as a new execution of the handler', () => {
    expect(triggers.map((report) => report.functionName)).toEqual(Array(MINUTES - 1).fill('tick'));
    const starts = triggers.map((report) => report.startedAt);
    for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBe(60_000);
    expect(triggers.every((report) => report.status === 'completed')).toBe(true);
  });

  it('run while sidebar calls are in flight', () => {
    for (const trigger of triggers) {
      const overlapping = sidebar.filter(
        (call) => call.startedAt < trigger.startedAt && trigger.startedAt < call.endedAt,
      );
      expect(overlapping.length).toBeGreaterThan(0);
    }
    // At some moment all three sidebar calls and a trigger were alive together.
    const { reports } = scene;
    const moments = reports.map((report) => report.startedAt);
    const alive = (at: number) => reports.filter((r) => r.startedAt <= at && at < r.endedAt).length;
    expect(Math.max(...moments.map(alive))).toBe(IN_FLIGHT + 1);
  });

  it('keep the sidebar busy: each call starts half a second after one ends', () => {
    const { sim, start, world } = scene;
    expect(sidebar.length).toBeGreaterThan(IN_FLIGHT * 10);
    expect(sidebar.every((report) => report.status === 'completed')).toBe(true);
    const byEnd = [...sidebar].sort((a, b) => a.endedAt - b.endedAt);
    const starts = new Set(sidebar.map((report) => report.startedAt));
    const followed = byEnd.filter((report) => starts.has(report.endedAt + 500));
    expect(followed.length).toBeGreaterThanOrEqual(sidebar.length - IN_FLIGHT);
    expect(world.clock.now()).toBe(start + MINUTES * 60_000);
    expect(sim.now).toBe(start + MINUTES * 60_000);
  });

  it('append one row each under the document lock', () => {
    const done = [...sidebar, ...triggers].filter((report) => report.status === 'completed');
    const rows = done.map((report) => report.value as number).sort((a, b) => a - b);
    expect(rows).toEqual(rows.map((_, index) => index + 1));
  });

  it('serve fetches to the server in true time order', () => {
    const { fetches } = scene.world;
    const times = fetches.map((fetch) => fetch.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(fetches.map((fetch) => fetch.executionId)).size).toBe(fetches.length);
  });
});
