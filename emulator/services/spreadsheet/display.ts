/**
 * The text Sheets shows for a stored value (getDisplayValue/getDisplayValues).
 *
 * - '' shows as ''; text as itself; booleans as "TRUE"/"FALSE".
 * - Numbers under the automatic format (or "@", "General") show as integers when they are whole and
 *   below 1e15, else rounded to 10 significant digits, exponents written "1.5E+21".
 * - Numeric formats of the shape `0`, `0.00`, `0.0#`, `#,##0.00`, `0%`, `0.00%` are applied
 *   (grouping with ',', fixed and optional decimals, percent).
 * - Dates show in the spreadsheet's time zone as "yyyy-MM-dd HH:mm:ss" under the automatic format;
 *   a date format (tokens yyyy yy MM M dd d HH H hh h mm m ss s, quoted literals, "am/pm") is applied
 *   to Dates and to numbers (as Sheets serial days since 1899-12-30).
 * - Any other format falls back to the automatic display.
 */
import { AUTOMATIC_FORMAT, type CellValue, isDate } from './values';
import { resolveZone, wallClock as zonedWallClock } from '../utilities/time-zone';

const MS_PER_DAY = 86_400_000;
const SHEETS_EPOCH = Date.UTC(1899, 11, 30);

export function displayValue(value: CellValue, numberFormat: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const format = numberFormat ?? AUTOMATIC_FORMAT;
  if (isDate(value)) {
    if (isDateFormat(format)) return formatDate(wallClock(value, timeZone), format);
    const numeric = numericFormat(format);
    if (numeric) return applyNumericFormat(toSerial(value, timeZone), numeric);
    return formatDate(wallClock(value, timeZone), 'yyyy-MM-dd HH:mm:ss');
  }
  if (isDateFormat(format)) return formatDate(fromSerial(value), format);
  const numeric = numericFormat(format);
  return numeric ? applyNumericFormat(value, numeric) : automaticNumber(value);
}

function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = String(Number(n.toPrecision(10)));
  return text.replace(/e([+-])(\d+)$/, (_m, sign: string, digits: string) => `E${sign}${digits}`);
}

interface NumericFormat {
  minInteger: number;
  grouping: boolean;
  fixedDecimals: number;
  optionalDecimals: number;
  percent: boolean;
}

const NUMERIC_FORMAT = /^([#,]*)(0*)(?:\.(0*)(#*))?(%?)$/;

function numericFormat(format: string): NumericFormat | null {
  if (format === AUTOMATIC_FORMAT) return null;
  const match = NUMERIC_FORMAT.exec(format);
  if (!match || (!match[2] && !match[3])) return null;
  return {
    minInteger: (match[2] ?? '').length,
    grouping: (match[1] ?? '').includes(','),
    fixedDecimals: (match[3] ?? '').length,
    optionalDecimals: (match[4] ?? '').length,
    percent: match[5] === '%',
  };
}

function applyNumericFormat(value: number, format: NumericFormat): string {
  const scaled = format.percent ? value * 100 : value;
  const decimals = format.fixedDecimals + format.optionalDecimals;
  let text = Math.abs(scaled).toFixed(decimals);
  if (format.optionalDecimals > 0) {
    const [whole = '', fraction = ''] = text.split('.');
    let trimmed = fraction;
    while (trimmed.length > format.fixedDecimals && trimmed.endsWith('0')) trimmed = trimmed.slice(0, -1);
    text = trimmed ? `${whole}.${trimmed}` : whole;
  }
  const [integerPart = '', fraction] = text.split('.');
  let whole = integerPart;
  if (whole === '0' && format.minInteger === 0 && fraction !== undefined) whole = '';
  whole = whole.padStart(format.minInteger, '0');
  if (format.grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = fraction === undefined ? whole : `${whole}.${fraction}`;
  const negative = scaled < 0 && /[1-9]/.test(body);
  return `${negative ? '-' : ''}${body}${format.percent ? '%' : ''}`;
}

/** A moment as the wall clock of a time zone shows it. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(date: Date, timeZone: string): WallClock {
  // One time-zone reading for the whole emulator: Utilities.formatDate's.
  return zonedWallClock(date.getTime(), resolveZone(timeZone));
}

function toSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - SHEETS_EPOCH) / MS_PER_DAY;
}

function fromSerial(serial: number): WallClock {
  const d = new Date(SHEETS_EPOCH + Math.round(serial * MS_PER_DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** True for valid IANA zones; Sheets refuses anything else. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

type DateToken = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; width: number };

function tokenizeDateFormat(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] ?? '';
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end === -1 ? format.length : end;
      tokens.push({ kind: 'literal', text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (format.slice(i, i + 5).toLowerCase() === 'am/pm') {
      tokens.push({ kind: 'field', letter: 'a', width: 5 });
      i += 5;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (format[j]?.toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'field', letter: ch.toLowerCase(), width: j - i });
      i = j;
    } else {
      tokens.push({ kind: 'literal', text: ch === '\\' ? (format[i + 1] ?? '') : ch });
      i += ch === '\\' ? 2 : 1;
    }
  }
  return tokens;
}

function isDateFormat(format: string): boolean {
  if (format === AUTOMATIC_FORMAT || format.toLowerCase() === 'general') return false;
  return tokenizeDateFormat(format).some((t) => t.kind === 'field');
}

/** In Sheets formats "m" means minutes right after an hour field or right before a seconds field. */
function isMinute(fields: Extract<DateToken, { kind: 'field' }>[], index: number): boolean {
  return fields[index - 1]?.letter === 'h' || fields[index + 1]?.letter === 's';
}

function formatDate(w: WallClock, format: string): string {
  const tokens = tokenizeDateFormat(format);
  const fields = tokens.filter((t): t is Extract<DateToken, { kind: 'field' }> => t.kind === 'field');
  const twelveHour = fields.some((f) => f.letter === 'a');
  const pad = (n: number, width: number): string => String(n).padStart(Math.min(width, 2), '0');
  let fieldIndex = 0;
  return tokens
    .map((token) => {
      if (token.kind === 'literal') return token.text;
      const index = fieldIndex++;
      switch (token.letter) {
        case 'y':
          return token.width <= 2 ? pad(w.year % 100, 2) : String(w.year);
        case 'm':
          return isMinute(fields, index) ? pad(w.minute, token.width) : pad(w.month, token.width);
        case 'd':
          return pad(w.day, token.width);
        case 'h':
          return pad(twelveHour ? w.hour % 12 || 12 : w.hour, token.width);
        case 's':
          return pad(w.second, token.width);
        default:
          return w.hour < 12 ? 'AM' : 'PM';
      }
    })
    .join('');
}
