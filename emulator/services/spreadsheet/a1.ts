/** A1 notation: "A1", "A1:B2", "$A$1", "A:C", "2:5", "A2:C" and an optional "Sheet!" or "'My sheet'!" prefix. */

/** A block of cells, 1-based as Apps Script counts. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface A1Reference {
  sheetName: string | null;
  /** null where the notation leaves a bound open ("A:C" has no rows, "2:5" no columns). */
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

export function columnToLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]*)\$?(\d*)$/;

interface CellPart {
  column: number | null;
  row: number | null;
}

function parseCellPart(text: string): CellPart | null {
  const match = CELL.exec(text.trim());
  if (!match) return null;
  const letters = match[1] ?? '';
  const digits = match[2] ?? '';
  if (!letters && !digits) return null;
  const row = digits ? Number(digits) : null;
  if (row === 0) return null;
  return { column: letters ? lettersToColumn(letters) : null, row };
}

function splitSheetName(a1: string): { sheetName: string | null; cells: string } | null {
  const bang = a1.lastIndexOf('!');
  if (bang === -1) return { sheetName: null, cells: a1 };
  let name = a1.slice(0, bang).trim();
  if (name.startsWith("'")) {
    if (!name.endsWith("'") || name.length < 2) return null;
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return name ? { sheetName: name, cells: a1.slice(bang + 1) } : null;
}

/** Parses A1 notation; null when it is not valid. */
export function parseA1(a1: string): A1Reference | null {
  const split = splitSheetName(a1);
  if (!split) return null;
  const pieces = split.cells.split(':');
  if (pieces.length > 2) return null;
  const start = parseCellPart(pieces[0] ?? '');
  const end = pieces.length === 2 ? parseCellPart(pieces[1] ?? '') : start;
  if (!start || !end) return null;
  if (pieces.length === 1 && (start.row === null || start.column === null)) return null;
  // "A:C" and "2:5" must be whole columns/rows on both sides; "A2:C" leaves only the end row open.
  if (start.column === null && end.column !== null) return null;
  if (start.row === null && end.row !== null) return null;
  if (start.column !== null && end.column === null) return null;
  return {
    sheetName: split.sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

/** Resolves open bounds against a sheet's size and orders the corners; the result may lie outside the sheet. */
export function resolveA1(ref: A1Reference, maxRows: number, maxColumns: number): GridRect {
  const r1 = ref.startRow ?? 1;
  const c1 = ref.startColumn ?? 1;
  const r2 = ref.endRow ?? maxRows;
  const c2 = ref.endColumn ?? maxColumns;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}

export function rectToA1(rect: GridRect): string {
  const start = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}
