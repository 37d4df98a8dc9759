/**
 * The sidebar's pump lanes against the page's own limit: Apps Script runs at most ten
 * google.script.run calls of one page at once, and Jenny's clicks must not queue behind the pumps.
 */
import { MAX_PUMPS_IN_FLIGHT } from '../../src/server/engine/limits';
import { lanesFor, MAX_SIDEBAR_LANES, PAGE_CALLS_AT_ONCE } from '../../src/shared/lanes';

describe('pump lanes', () => {
  it('keeps one of the page calls free for Jenny', () => {
    expect(MAX_SIDEBAR_LANES).toBe(PAGE_CALLS_AT_ONCE - 1);
    expect(MAX_PUMPS_IN_FLIGHT).toBe(MAX_SIDEBAR_LANES);
  });

  it('runs what the progress asks for, at least one, never past the cap', () => {
    expect(lanesFor(undefined)).toBe(1);
    expect(lanesFor(0)).toBe(1);
    expect(lanesFor(4)).toBe(4);
    expect(lanesFor(4.7)).toBe(4);
    expect(lanesFor(16)).toBe(MAX_SIDEBAR_LANES);
  });
});
