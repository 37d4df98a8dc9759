/**
 * Lock waits between overlapping executions, on the virtual clock: a waiter is suspended until the
 * holder releases (or ends), tryLock(0) answers at once, and a wait that runs out fails as Apps Script's.
 */
import { costOf, priceOf } from '../../../emulator/core/costs';
import { concurrent, scriptWorld } from './setup';

const LOCK_MS = priceOf(costOf('Lock', 'waitLock'), {});

const CODE = `
function hold(ms, release) {
  const lock = LockService.getScriptLock();
  lock.waitLock(1000);
  Utilities.sleep(ms);
  if (release) lock.releaseLock();
  return Date.now();
}
function wait(timeout) {
  const lock = LockService.getScriptLock();
  const asked = Date.now();
  try {
    lock.waitLock(timeout);
  } catch (e) {
    return { asked, answered: Date.now(), error: String(e), name: e.name, isError: e instanceof Error };
  }
  const answered = Date.now();
  const had = lock.hasLock();
  lock.releaseLock();
  return { asked, answered, had };
}
function attempt(timeout) {
  const lock = LockService.getScriptLock();
  const asked = Date.now();
  const got = lock.tryLock(timeout);
  return { asked, answered: Date.now(), got };
}`;

function setup() {
  const world = scriptWorld(CODE);
  const sim = concurrent(world);
  return { world, sim, start: world.clock.now() };
}

describe('locks between concurrent executions', () => {
  it('waitLock suspends the caller until the holder releases, then gives it the lock', () => {
    const { sim, start } = setup();
    sim.schedule({ functionName: 'hold', args: [10_000, true], at: start });
    sim.schedule({ functionName: 'wait', args: [60_000], at: start + 1_000 });
    const [holder, waiter] = sim.runUntil(() => !sim.busy);
    expect(holder?.functionName).toBe('hold');
    const answer = waiter?.value as { asked: number; answered: number; had: boolean };
    expect(answer.had).toBe(true);
    // Granted when the holder's releaseLock took effect; both calls then took a lock call's time.
    expect(answer.answered).toBe(holder?.value);
    expect(answer.answered - answer.asked).toBeGreaterThan(8_000);
  });

  it('a lock goes to the waiter when its holder ends without releasing it', () => {
    const { sim, start } = setup();
    sim.schedule({ functionName: 'hold', args: [10_000, false], at: start });
    sim.schedule({ functionName: 'wait', args: [60_000], at: start + 1_000 });
    const [holder, waiter] = sim.runUntil(() => !sim.busy);
    const answer = waiter?.value as { answered: number; had: boolean };
    expect(answer.had).toBe(true);
    expect(answer.answered).toBe((holder?.endedAt ?? 0) + LOCK_MS);
  });

  it('tryLock(0) on a held lock answers false at once', () => {
    const { world, sim, start } = setup();
    sim.schedule({ functionName: 'hold', args: [10_000, true], at: start });
    sim.schedule({ functionName: 'attempt', args: [0], at: start + 1_000 });
    const reports = sim.runUntil(() => !sim.busy);
    const answer = reports.find((report) => report.functionName === 'attempt')?.value;
    expect(answer).toEqual({ asked: expect.any(Number), answered: expect.any(Number), got: false });
    const { asked, answered } = answer as { asked: number; answered: number };
    expect(answered - asked).toBe(LOCK_MS);
    expect(world.locks.contended).toBe(1);
  });

  it("a wait that runs out throws Apps Script's lock timeout after the virtual timeout", () => {
    const { sim, start } = setup();
    sim.schedule({ functionName: 'hold', args: [60_000, true], at: start });
    sim.schedule({ functionName: 'wait', args: [5_000], at: start + 1_000 });
    sim.schedule({ functionName: 'attempt', args: [3_000], at: start + 1_000 });
    const reports = sim.runUntil(() => !sim.busy);
    const waited = reports.find((report) => report.functionName === 'wait')?.value;
    expect(waited).toEqual({
      asked: expect.any(Number),
      answered: expect.any(Number),
      error: 'Exception: Lock timeout: another process was holding the lock for too long.',
      name: 'Exception',
      isError: true,
    });
    const { asked, answered } = waited as { asked: number; answered: number };
    expect(answered - asked).toBe(5_000 + LOCK_MS);
    const tried = reports.find((report) => report.functionName === 'attempt')?.value as {
      asked: number;
      answered: number;
      got: boolean;
    };
    expect(tried.got).toBe(false);
    expect(tried.answered - tried.asked).toBe(3_000 + LOCK_MS);
    // The holder finished last, long after both gave up.
    expect(reports.map((report) => report.functionName)).toEqual(['attempt', 'wait', 'hold']);
  });

  it('waiters get the lock first come, first served', () => {
    const { sim, start } = setup();
    sim.schedule({ functionName: 'hold', args: [10_000, true], at: start });
    for (const delay of [3_000, 1_000, 2_000]) {
      sim.schedule({ functionName: 'wait', args: [60_000], at: start + delay });
    }
    const reports = sim.runUntil(() => !sim.busy).filter((report) => report.functionName === 'wait');
    const order = reports.map((report) => report.startedAt - start);
    expect(order).toEqual([1_000, 2_000, 3_000]);
  });
});
