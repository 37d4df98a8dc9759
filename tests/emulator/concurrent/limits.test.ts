/**
 * What bounds a concurrent run: a script that never answers fails the run with a clear error within
 * the real-time limit, sidebar calls obey the transport, and the runtime refuses what it cannot do.
 */
import { ConcurrentRuntime } from '../../../emulator/concurrent/runtime';
import { concurrent, scriptWorld } from './setup';

const CODE = `
function spin() { SpreadsheetApp.getActiveSpreadsheet().getName(); for (;;) {} }
function when() { return { at: new Date() }; }
function fine() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function missingHere() { return typeof noSuchFunction; }
`;

describe('limits of the concurrent runtime', () => {
  it('fails the run when a worker does not answer in real time', () => {
    const sim = concurrent(scriptWorld(CODE), { answerTimeoutMs: 300 });
    sim.schedule({ functionName: 'spin' });
    expect(() => sim.runUntil(() => !sim.busy)).toThrow(
      /did not answer within 0.3 s of real time while running exec-1 \(spin\)/,
    );
    expect(() => sim.runUntil(() => !sim.busy)).toThrow(/failed earlier/);
  });

  it('fails a sidebar call whose result google.script.run cannot carry', () => {
    const sim = concurrent(scriptWorld(CODE));
    sim.schedule({ functionName: 'when' });
    const [report] = sim.runUntil(() => !sim.busy);
    expect(report?.status).toBe('failed');
    expect(report?.error?.message).toMatch(/when\(\) result.at is a Date/);
    expect(() => sim.schedule({ functionName: 'fine', args: [new Date()] })).toThrow(
      /arguments\[0\] is a Date/,
    );
  });

  it('reports an unknown function as Apps Script does', () => {
    const sim = concurrent(scriptWorld(CODE));
    sim.schedule({ functionName: 'missing' });
    expect(sim.runUntil(() => !sim.busy)[0]?.error?.message).toBe('Script function not found: missing');
  });

  it('will not start an execution in the past, nor run on a real clock', () => {
    const world = scriptWorld(CODE);
    const sim = concurrent(world);
    sim.runUntil(world.clock.now() + 1_000);
    expect(() => sim.schedule({ functionName: 'fine', at: world.clock.now() - 1 })).toThrow(/already at/);
    expect(() => new ConcurrentRuntime(scriptWorld(CODE, { clock: 'real' }))).toThrow(/virtual clock/);
  });

  it('is closed for good once closed', async () => {
    const sim = concurrent(scriptWorld(CODE));
    await sim.close();
    expect(() => sim.schedule({ functionName: 'fine' })).toThrow(/closed/);
  });
});
