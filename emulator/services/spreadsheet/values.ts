/**
 * How a cell turns typed input into a stored value, and a stored value into the text Sheets shows.
 *
 * Input parsing (setValue/setValues/appendRow), in this order:
 *  1. a non-string (number, boolean, Date) is stored as it is; null/undefined clear the cell;
 *  2. a string starting with `'` stores the text after the apostrophe, never parsed;
 *  3. in a cell formatted as plain text (`@`) the string is stored as it is;
 *  4. a string starting with `=` (longer than "=") becomes a formula;
 *  5. a number ("123", "-5", "1.5e3", "1,234.5", " 7 ") becomes a number;
 *  6. "TRUE"/"FALSE" in any case become booleans;
 *  7. a string starting with `+` or `-` that is not a number becomes the formula `=` + string,
 *     as Sheets treats typed `+A1`/`-A1`;
 *  8. anything else stays text. Dates, percentages and currencies typed as text are not recognised.
 *
 * Formulas are not evaluated. The stored value of a formula cell is: the label of
 * `=HYPERLINK("url","label")` (the url when there is no label), the literal of `="text"`, `=123`,
 * `=TRUE`, and "#NAME?" for everything else.
 */

/** What a cell holds: '' when empty. */
export type CellValue = string | number | boolean | Date;

export interface ParsedInput {
  value: CellValue;
  /** The formula text, starting with '='; absent for a plain value. */
  formula?: string;
}

/** Plain-text number format: input is stored verbatim. */
export const TEXT_FORMAT = '@';

/** What getNumberFormat returns for a cell nobody formatted (Sheets' "Automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';

/** Works for Dates from another realm (the script's vm context), where instanceof fails. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (GROUPED_NUMBER.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  return null;
}

/** Parses one input as Sheets parses what a user types into a cell with the given number format. */
export function parseInput(input: unknown, numberFormat: string | undefined): ParsedInput {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (numberFormat === TEXT_FORMAT) return { value: text };
  if (text.startsWith('=') && text.length > 1) return formulaInput(text);
  const number = parseNumber(text);
  if (number !== null) return { value: number };
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) return formulaInput('=' + text);
  return { value: text };
}

function formulaInput(formula: string): ParsedInput {
  return { value: formulaValue(formula), formula };
}

/** Reads a string literal at `start` (which must be a double quote); Sheets escapes a quote by doubling it. */
function readStringLiteral(text: string, start: number): { text: string; end: number } | null {
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        out += '"';
        i += 2;
        continue;
      }
      return { text: out, end: i + 1 };
    }
    out += ch;
    i++;
  }
  return null;
}

/** Splits `"a","b"` (comma or semicolon separated string literals); null if anything else is there. */
function stringArguments(text: string): string[] | null {
  const args: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ') i++;
    if (text[i] !== '"') return null;
    const literal = readStringLiteral(text, i);
    if (!literal) return null;
    args.push(literal.text);
    i = literal.end;
    while (text[i] === ' ') i++;
    if (i === text.length) return args;
    if (text[i] !== ',' && text[i] !== ';') return null;
    i++;
  }
}

/** The placeholder value of a formula (see the header comment): formulas are not evaluated. */
export function formulaValue(formula: string): CellValue {
  const body = formula.slice(1).trim();
  const hyperlink = /^HYPERLINK\s*\((.*)\)$/is.exec(body);
  if (hyperlink) {
    const args = stringArguments(hyperlink[1] ?? '');
    if (args && args.length >= 1 && args.length <= 2) return args[1] ?? args[0] ?? '';
    return '#NAME?';
  }
  if (body.startsWith('"')) {
    const literal = readStringLiteral(body, 0);
    if (literal && literal.end === body.length) return literal.text;
  }
  if (NUMBER.test(body)) return Number(body);
  const upper = body.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  return '#NAME?';
}

/** Returns a copy, so a caller mutating a Date it read cannot change the sheet. */
export function copyValue(value: CellValue): CellValue {
  return isDate(value) ? new Date(value.getTime()) : value;
}
