/**
 * Gemini's daily quotas reset at midnight Pacific time. The offset from UTC changes with daylight saving,
 * so it is read from the time zone database (Intl, which Apps Script's V8 runtime has) rather than
 * assumed.
 */

const PACIFIC = 'America/Los_Angeles';

let formatter: Intl.DateTimeFormat | undefined;

/** The Pacific wall-clock time at `instant`, written as if it were a UTC instant. */
function pacificWallClock(instant: number): number {
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: PACIFIC,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (((instant % 1000) + 1000) % 1000);
}

/** Epoch ms of the first Pacific midnight strictly after `now`. */
export function nextPacificMidnight(now: number): number {
  const wall = new Date(pacificWallClock(now));
  const targetWall = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + 1);
  // The offset at `now` may differ from the offset at the target (a daylight-saving change in between),
  // so correct once with the offset found at the first guess. Changes happen at 2 a.m., never at midnight.
  const firstGuess = targetWall - (pacificWallClock(now) - now);
  return targetWall - (pacificWallClock(firstGuess) - firstGuess);
}
