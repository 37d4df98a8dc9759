/** Reading and writing one attribute over a block of cells, with Apps Script's dimension checks. */
import { GasError } from '../../core/env';
import type { GridRect } from './a1';
import { signatureError } from './context';
import { editCell, forEachCell, getCell } from './grid';
import type { CellData, CellFormat, SheetData } from './model';
import { parseInput } from './values';

export function readGrid<T>(
  sheet: SheetData,
  rect: GridRect,
  read: (cell: CellData | undefined) => T,
): T[][] {
  const out: T[][] = Array.from({ length: rect.numRows }, () => []);
  forEachCell(rect, (row, column, i) => out[i]?.push(read(getCell(sheet, row, column))));
  return out;
}

/** Checks a 2D array against the range: same number of rows, and of columns in every row. */
export function checkDimensions(method: string, data: unknown, rect: GridRect): unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) throw signatureError(method, [data]);
  const rows = data as unknown[][];
  if (rows.length !== rect.numRows) {
    throw new GasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const row of rows) {
    if (row.length !== rect.numColumns) {
      throw new GasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numColumns}.`,
      );
    }
  }
  return rows;
}

export function writeGrid(
  sheet: SheetData,
  rect: GridRect,
  data: unknown[][],
  write: (cell: CellData, input: unknown) => void,
): void {
  forEachCell(rect, (row, column, i, j) => editCell(sheet, row, column, (cell) => write(cell, data[i]?.[j])));
}

export function writeAll(sheet: SheetData, rect: GridRect, write: (cell: CellData) => void): void {
  forEachCell(rect, (row, column) => editCell(sheet, row, column, write));
}

export function clearContent(cell: CellData): void {
  cell.value = '';
  delete cell.formula;
  delete cell.links;
}

/** Stores typed input the way Sheets parses it (see values.ts). */
export function writeInput(cell: CellData, input: unknown): void {
  const parsed = parseInput(input, cell.format?.numberFormat);
  clearContent(cell);
  cell.value = parsed.value;
  if (parsed.formula !== undefined) cell.formula = parsed.formula;
}

/** setFormula: text starting with '=' is a formula even in a plain-text cell; other text is typed input. */
export function writeFormula(cell: CellData, formula: unknown): void {
  const text = formula === null || formula === undefined ? '' : String(formula);
  if (text.startsWith('=') && text.length > 1) {
    const parsed = parseInput(text, undefined);
    clearContent(cell);
    cell.value = parsed.value;
    if (parsed.formula !== undefined) cell.formula = parsed.formula;
  } else {
    writeInput(cell, text);
  }
}

export function setFormat<K extends keyof CellFormat>(
  cell: CellData,
  key: K,
  value: CellFormat[K] | undefined,
): void {
  if (value === undefined) {
    if (cell.format) delete cell.format[key];
    return;
  }
  (cell.format ??= {})[key] = value;
}
