/** The page's own limit on `google.script.run` calls running at once; the rest wait in the browser. */
export const PAGE_CALLS_AT_ONCE = 10;

/**
 * How many pump calls the open sidebar keeps in flight at most: all the page's calls but one, so
 * Jenny's own clicks (Cancel, Retry) are answered at once instead of waiting behind a wave.
 * Apps Script's other cap, 30 executions of one user at once, is not the one that binds.
 */
export const MAX_SIDEBAR_LANES = PAGE_CALLS_AT_ONCE - 1;

/** Pump calls to keep in flight for the lanes the progress asks for: at least one, never past the cap. */
export function lanesFor(asked: number | undefined): number {
  return Math.max(1, Math.min(MAX_SIDEBAR_LANES, Math.floor(asked ?? 1)));
}
