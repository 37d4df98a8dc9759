import { RealClock, VirtualClock } from '../../../emulator/core/clock';

describe('clocks', () => {
  it('the virtual clock moves only when told, and never back', () => {
    const clock = new VirtualClock(1000);
    clock.advance(250);
    clock.advance(-50);
    expect(clock.now()).toBe(1250);
    clock.advanceTo(900);
    expect(clock.now()).toBe(1250);
    clock.advanceTo(5000);
    expect(clock.now()).toBe(5000);
  });

  it('the real clock really waits', () => {
    const clock = new RealClock();
    const before = Date.now();
    clock.advance(30);
    expect(Date.now() - before).toBeGreaterThanOrEqual(29);
  });
});
