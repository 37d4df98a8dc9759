/**
 * Utilities.formatDate: Java SimpleDateFormat patterns in the US English locale (month and day names,
 * AM/PM, weeks starting on Sunday with week 1 the week of January 1st).
 */
import { GasError } from '../../core/env';
import { offsetName, resolveZone, utcFromFields, wallClock, zoneName } from './time-zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86400000;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

interface Fields {
  ms: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
  /** 0 = Sunday */
  weekday: number;
  /** 1-based */
  dayOfYear: number;
  weekOfYear: number;
  weekYear: number;
}

function computeFields(ms: number, timeZone: string): Fields & { zone: ReturnType<typeof resolveZone> } {
  const zone = resolveZone(timeZone);
  const w = wallClock(ms, zone);
  const dateUtc = utcFromFields(w.year, w.month, w.day);
  const weekday = new Date(dateUtc).getUTCDay();
  const dayOfYear = Math.round((dateUtc - utcFromFields(w.year, 1, 1)) / DAY_MS) + 1;
  const jan1Weekday = new Date(utcFromFields(w.year, 1, 1)).getUTCDay();
  const daysInYear = Math.round((utcFromFields(w.year + 1, 1, 1) - utcFromFields(w.year, 1, 1)) / DAY_MS);
  // The week (Sunday to Saturday) that holds next January 1st is already week 1 of the next year.
  const rollsOver = 6 - weekday >= daysInYear - dayOfYear + 1;
  const weekOfYear = rollsOver ? 1 : Math.floor((dayOfYear - 1 + jan1Weekday) / 7) + 1;
  return {
    ...w,
    ms,
    zone,
    weekday,
    dayOfYear,
    weekOfYear,
    weekYear: rollsOver ? w.year + 1 : w.year,
  };
}

function field(letter: string, count: number, f: ReturnType<typeof computeFields>): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const year = letter === 'y' ? f.year : f.weekYear;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1] ?? '';
      if (count === 3) return (MONTHS[f.month - 1] ?? '').slice(0, 3);
      return pad(f.month, count);
    case 'w':
      return pad(f.weekOfYear, count);
    case 'W': {
      const firstWeekday = new Date(utcFromFields(f.year, f.month, 1)).getUTCDay();
      return pad(Math.floor((f.day - 1 + firstWeekday) / 7) + 1, count);
    }
    case 'D':
      return pad(f.dayOfYear, count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? (DAYS[f.weekday] ?? '') : (DAYS[f.weekday] ?? '').slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return zoneName(f.ms, f.zone, count >= 4 ? 'long' : 'short', f.offsetMinutes);
    case 'Z':
      return offsetName(f.offsetMinutes, '');
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      if (count === 1) return offsetName(f.offsetMinutes, '').slice(0, 3);
      if (count === 2) return offsetName(f.offsetMinutes, '');
      if (count === 3) return offsetName(f.offsetMinutes, ':');
      throw new GasError(`invalid ISO 8601 format: length=${count}`);
    default:
      throw new GasError(`Illegal pattern character '${letter}'`);
  }
}

/** Formats `ms` (epoch milliseconds) in `timeZone` with a SimpleDateFormat pattern. */
export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const f = computeFields(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] ?? '';
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new GasError('Unterminated quote');
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          out += pattern[j];
          j += 1;
        }
      }
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j += 1;
      out += field(c, j - i, f);
      i = j;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
