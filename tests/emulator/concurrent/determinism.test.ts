/**
 * The same schedule gives the same executions, the same requests and the same final state on every
 * run, however the threads happen to be scheduled by the machine.
 */
import type { World } from '../../../emulator/world';
import { afternoon } from './sidebar-and-trigger';

function finalState(world: World) {
  return {
    time: world.clock.now(),
    spreadsheets: world.spreadsheets.toJSON(),
    properties: world.properties.toJSON(),
    triggers: world.triggers.toJSON(),
    fetches: world.fetches,
    logs: world.logs,
  };
}

describe('determinism', () => {
  it('runs the same schedule twice to identical reports and state', () => {
    const first = afternoon(7);
    const second = afternoon(7);
    expect(first.reports.length).toBeGreaterThan(30);
    expect(second.reports).toEqual(first.reports);
    expect(finalState(second.world)).toEqual(finalState(first.world));
  });

  it('differs with another seed (the comparison above can fail)', () => {
    const first = afternoon(7);
    const other = afternoon(8);
    expect(other.world.fetches.map((fetch) => fetch.url)).not.toEqual(
      first.world.fetches.map((fetch) => fetch.url),
    );
  });
});
