/**
 * Cell access and the structural edits of a sheet. Rows and columns carry every per-cell attribute
 * (value, formula, note, formats, validation, links) because they move whole CellData records.
 */
import type { GridRect } from './a1';
import type { CellData, SheetData } from './model';
import { type CellValue, isDate } from './values';

export function getCell(sheet: SheetData, row: number, column: number): CellData | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

/** True when the cell shows nothing (what getLastRow and isBlank look at). */
export function hasContent(cell: CellData | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== undefined);
}

function isEmptyRecord(cell: CellData): boolean {
  return (
    !hasContent(cell) &&
    cell.note === undefined &&
    cell.validation === undefined &&
    cell.links === undefined &&
    (cell.format === undefined || Object.keys(cell.format).length === 0)
  );
}

/** Applies `edit` to a cell, creating it if needed and dropping it again when nothing is left in it. */
export function editCell(
  sheet: SheetData,
  row: number,
  column: number,
  edit: (cell: CellData) => void,
): void {
  const rowCells = (sheet.rows[row - 1] ??= []);
  const cell = rowCells[column - 1] ?? { value: '' };
  edit(cell);
  if (isEmptyRecord(cell)) {
    if (cell.format) delete cell.format;
    delete rowCells[column - 1];
  } else {
    rowCells[column - 1] = cell;
  }
}

export function forEachCell(
  rect: GridRect,
  visit: (row: number, column: number, i: number, j: number) => void,
): void {
  for (let i = 0; i < rect.numRows; i++) {
    for (let j = 0; j < rect.numColumns; j++) visit(rect.row + i, rect.column + j, i, j);
  }
}

export function lastRow(sheet: SheetData): number {
  for (let r = sheet.rows.length; r >= 1; r--) {
    if (sheet.rows[r - 1]?.some(hasContent)) return r;
  }
  return 0;
}

export function lastColumn(sheet: SheetData): number {
  let last = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length; c > last; c--) {
      if (hasContent(row[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/** Shifts a span [start, start+size) for `count` lines inserted at `at`; a span the insertion lands inside grows. */
function spanAfterInsert(start: number, size: number, at: number, count: number): [number, number] {
  if (at <= start) return [start + count, size];
  if (at < start + size) return [start, size + count];
  return [start, size];
}

/** The part of a span left after deleting [at, at+count); null when nothing is left. */
function spanAfterDelete(start: number, size: number, at: number, count: number): [number, number] | null {
  const end = start + size;
  const delEnd = at + count;
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
  const remaining = size - overlap;
  if (remaining <= 0) return null;
  const before = Math.max(0, Math.min(start, delEnd) - at);
  return [start - Math.min(before, count), remaining];
}

type Axis = 'rows' | 'columns';

function moveRuleRanges(
  sheet: SheetData,
  axis: Axis,
  move: (start: number, size: number) => [number, number] | null,
): void {
  sheet.conditionalRules = sheet.conditionalRules.filter((rule) => {
    rule.ranges = rule.ranges.flatMap((rect) => {
      const moved = axis === 'rows' ? move(rect.row, rect.numRows) : move(rect.column, rect.numColumns);
      if (!moved) return [];
      return axis === 'rows'
        ? [{ ...rect, row: moved[0], numRows: moved[1] }]
        : [{ ...rect, column: moved[0], numColumns: moved[1] }];
    });
    return rule.ranges.length > 0;
  });
}

function dropSelectionOutside(sheet: SheetData): void {
  const s = sheet.selection;
  if (s && (s.row + s.numRows - 1 > sheet.maxRows || s.column + s.numColumns - 1 > sheet.maxColumns)) {
    sheet.selection = null;
  }
}

function blank(count: number): undefined[] {
  return new Array<undefined>(count).fill(undefined);
}

/** Inserts `count` empty rows so that the first new row is row `at`. */
export function insertRows(sheet: SheetData, at: number, count: number): void {
  if (at - 1 < sheet.rows.length) sheet.rows.splice(at - 1, 0, ...blank(count).map(() => []));
  sheet.maxRows += count;
  if (at <= sheet.frozenRows) sheet.frozenRows += count;
  moveRuleRanges(sheet, 'rows', (start, size) => spanAfterInsert(start, size, at, count));
}

export function deleteRows(sheet: SheetData, at: number, count: number): void {
  sheet.rows.splice(at - 1, count);
  sheet.maxRows -= count;
  sheet.frozenRows = spanAfterDelete(1, sheet.frozenRows, at, count)?.[1] ?? 0;
  moveRuleRanges(sheet, 'rows', (start, size) => spanAfterDelete(start, size, at, count));
  dropSelectionOutside(sheet);
}

export function insertColumns(sheet: SheetData, at: number, count: number): void {
  for (const row of sheet.rows) {
    if (row && at - 1 < row.length) row.splice(at - 1, 0, ...blank(count));
  }
  for (const list of [sheet.columnWidths, sheet.hiddenColumns]) {
    if (at - 1 < list.length) list.splice(at - 1, 0, ...blank(count));
  }
  sheet.maxColumns += count;
  if (at <= sheet.frozenColumns) sheet.frozenColumns += count;
  moveRuleRanges(sheet, 'columns', (start, size) => spanAfterInsert(start, size, at, count));
}

export function deleteColumns(sheet: SheetData, at: number, count: number): void {
  for (const row of sheet.rows) row?.splice(at - 1, count);
  sheet.columnWidths.splice(at - 1, count);
  sheet.hiddenColumns.splice(at - 1, count);
  sheet.maxColumns -= count;
  sheet.frozenColumns = spanAfterDelete(1, sheet.frozenColumns, at, count)?.[1] ?? 0;
  moveRuleRanges(sheet, 'columns', (start, size) => spanAfterDelete(start, size, at, count));
  dropSelectionOutside(sheet);
}

export interface SortKey {
  /** Absolute column number on the sheet. */
  column: number;
  ascending: boolean;
}

/** Sheets' ascending order: numbers and dates, then text (ignoring case), then FALSE, TRUE. */
function rank(value: CellValue): [number, number | string] {
  if (typeof value === 'number') return [0, value];
  if (isDate(value)) return [0, value.getTime() / 86_400_000 + 25_569];
  if (typeof value === 'string') return [1, value.toLowerCase()];
  return [2, value ? 1 : 0];
}

function compareValues(a: CellValue, b: CellValue): number {
  const [ra, va] = rank(a);
  const [rb, vb] = rank(b);
  if (ra !== rb) return ra - rb;
  return va < vb ? -1 : va > vb ? 1 : 0;
}

/** Sorts the rows of `rect` by `keys`; cells outside the rect's columns stay where they are. Blanks go last. */
export function sortRows(sheet: SheetData, rect: GridRect, keys: SortKey[]): void {
  const lines = Array.from({ length: rect.numRows }, (_, i) => {
    const row = sheet.rows[rect.row - 1 + i] ?? [];
    return Array.from({ length: rect.numColumns }, (_, j) => row[rect.column - 1 + j]);
  });
  const valueAt = (line: (CellData | undefined)[], column: number): CellValue | null => {
    const cell = line[column - rect.column];
    return hasContent(cell) ? (cell as CellData).value : null;
  };
  const order = lines.map((line, index) => ({ line, index }));
  order.sort((x, y) => {
    for (const key of keys) {
      const a = valueAt(x.line, key.column);
      const b = valueAt(y.line, key.column);
      if (a === null || b === null) {
        if (a !== b) return a === null ? 1 : -1;
        continue;
      }
      const c = compareValues(a, b);
      if (c !== 0) return key.ascending ? c : -c;
    }
    return x.index - y.index;
  });
  order.forEach(({ line }, i) => {
    const row = (sheet.rows[rect.row - 1 + i] ??= []);
    line.forEach((cell, j) => {
      if (cell) row[rect.column - 1 + j] = cell;
      else delete row[rect.column - 1 + j];
    });
  });
}
