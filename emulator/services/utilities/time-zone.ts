/**
 * Time zones as Java's TimeZone resolves them, computed with Intl:
 * - an IANA id ("America/New_York", "UTC") is looked up in the platform's tz database;
 * - "GMT" and custom ids "GMT+h", "GMT+hh:mm", "GMT-hhmm" are fixed offsets;
 * - an id Java does not know silently means GMT (TimeZone.getTimeZone's documented fallback).
 */

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC in effect at that instant. */
  offsetMinutes: number;
}

export type Zone = { kind: 'fixed'; offsetMinutes: number; name: string } | { kind: 'iana'; id: string };

const CUSTOM_ID = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(id: string): Intl.DateTimeFormat {
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(id, f);
  }
  return f;
}

export function offsetName(offsetMinutes: number, separator: string): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${separator}${mm}`;
}

export function resolveZone(timeZone: string): Zone {
  const id = timeZone.trim();
  if (id === 'GMT') return { kind: 'fixed', offsetMinutes: 0, name: 'GMT' };
  const custom = CUSTOM_ID.exec(id);
  if (custom) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    if (Number(custom[2]) <= 23 && Number(custom[3] ?? 0) <= 59) {
      const offsetMinutes = custom[1] === '-' ? -minutes : minutes;
      return { kind: 'fixed', offsetMinutes, name: `GMT${offsetName(offsetMinutes, ':')}` };
    }
  }
  try {
    formatter(id);
    return { kind: 'iana', id };
  } catch {
    return { kind: 'fixed', offsetMinutes: 0, name: 'GMT' };
  }
}

/** A UTC timestamp for a proleptic-Gregorian wall-clock reading (years below 100 included). */
export function utcFromFields(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

export function wallClock(ms: number, zone: Zone): WallClock {
  const millisecond = ((ms % 1000) + 1000) % 1000;
  if (zone.kind === 'fixed') {
    const d = new Date(ms + zone.offsetMinutes * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond,
      offsetMinutes: zone.offsetMinutes,
    };
  }
  const parts: Record<string, number> = {};
  for (const part of formatter(zone.id).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  const offsetMinutes = Math.round(
    (utcFromFields(year, month, day, hour, minute, second) - (ms - millisecond)) / 60000,
  );
  return { year, month, day, hour, minute, second, millisecond, offsetMinutes };
}

/**
 * Java's short names for zones whose English name Intl reports only as "GMT+1" and the like, keyed by the
 * long name Intl gives (which Java's long names match).
 */
const JAVA_SHORT_NAMES: Readonly<Record<string, string>> = {
  'Greenwich Mean Time': 'GMT',
  'Coordinated Universal Time': 'UTC',
  'British Summer Time': 'BST',
  'Irish Standard Time': 'IST',
  'Western European Standard Time': 'WET',
  'Western European Summer Time': 'WEST',
  'Central European Standard Time': 'CET',
  'Central European Summer Time': 'CEST',
  'Eastern European Standard Time': 'EET',
  'Eastern European Summer Time': 'EEST',
  'Moscow Standard Time': 'MSK',
  'India Standard Time': 'IST',
  'China Standard Time': 'CST',
  'Japan Standard Time': 'JST',
  'Korean Standard Time': 'KST',
  'Hong Kong Standard Time': 'HKT',
  'Singapore Standard Time': 'SGT',
  'Australian Eastern Standard Time': 'AEST',
  'Australian Eastern Daylight Time': 'AEDT',
  'Australian Central Standard Time': 'ACST',
  'Australian Central Daylight Time': 'ACDT',
  'Australian Western Standard Time': 'AWST',
  'New Zealand Standard Time': 'NZST',
  'New Zealand Daylight Time': 'NZDT',
};

function intlZoneName(ms: number, id: string, style: 'short' | 'long'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: style }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
}

/** The zone's name as SimpleDateFormat's 'z' (short) or 'zzzz' (long) prints it. */
export function zoneName(ms: number, zone: Zone, style: 'short' | 'long', offsetMinutes: number): string {
  if (zone.kind === 'fixed') return zone.name;
  const long = intlZoneName(ms, zone.id, 'long');
  const fallback = `GMT${offsetName(offsetMinutes, ':')}`;
  if (style === 'long') return /^GMT[+-]/.test(long) ? fallback : long;
  const known = JAVA_SHORT_NAMES[long];
  if (known) return known;
  const short = intlZoneName(ms, zone.id, 'short');
  // Zones without an abbreviation come out of Intl as "GMT+5:30"; Java writes "GMT+05:30".
  return /^GMT[+-]/.test(short) ? fallback : short === 'GMT' && offsetMinutes === 0 ? 'GMT' : short;
}
