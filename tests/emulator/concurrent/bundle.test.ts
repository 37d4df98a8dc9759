/**
 * The real build/Code.js (npm test builds it first) in worker executions: the entry points answer as
 * they do in the in-thread runtime.
 */
import { ConcurrentRuntime } from '../../../emulator/concurrent/runtime';
import { Runtime } from '../../../emulator/core/runtime';
import { World } from '../../../emulator/world';

const opened: ConcurrentRuntime[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sim) => sim.close()));
});

function both() {
  const sequential = new World({ buildDir: 'build' });
  const concurrent = new World({ buildDir: 'build' });
  const sim = new ConcurrentRuntime(concurrent, { workers: 1 });
  opened.push(sim);
  return { sequential, runtime: new Runtime(sequential), concurrent, sim };
}

const menus = (world: World) => world.spreadsheets.ui(world.boundSpreadsheetId ?? '').menus;

describe('the real bundle in worker executions', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('onOpen builds the same menu in AuthMode.%s', (authMode) => {
    const { sequential, runtime, concurrent, sim } = both();
    const expected = runtime.run('onOpen', [{ authMode }], { authMode, kind: 'simple-trigger' });
    sim.schedule({ functionName: 'onOpen', args: [{ authMode }], authMode, kind: 'simple-trigger' });
    const [report] = sim.runUntil(() => !sim.busy);
    expect(report?.status).toBe('completed');
    expect(report).toEqual({ ...expected, peakFetchBytes: 0 });
    expect(menus(concurrent)).toEqual(menus(sequential));
    expect(menus(concurrent)).toHaveLength(1);
  });

  it('getAppInfo answers the sidebar with the same plain data', () => {
    const { runtime, sim } = both();
    const expected = runtime.callFromSidebar('getAppInfo');
    sim.schedule({ functionName: 'getAppInfo' });
    const [report] = sim.runUntil(() => !sim.busy);
    expect(expected.status).toBe('completed');
    expect(report).toEqual({ ...expected, peakFetchBytes: 0 });
  });

  it('a sidebar call refused in AuthMode.NONE fails the same way', () => {
    const { runtime, sim } = both();
    const expected = runtime.run('getAppInfo', [], { authMode: 'NONE', kind: 'menu' });
    sim.schedule({ functionName: 'getAppInfo', authMode: 'NONE', kind: 'menu' });
    const [report] = sim.runUntil(() => !sim.busy);
    expect(report?.status).toBe('failed');
    expect(report?.error?.message).toBe(expected.error?.message);
  });
});
