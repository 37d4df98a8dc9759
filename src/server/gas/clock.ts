import type { ClockPort } from '../engine/ports';

export const appsScriptClock: ClockPort = {
  now: () => Date.now(),
  sleep: (ms) => Utilities.sleep(Math.max(0, Math.min(ms, 60_000))),
};
