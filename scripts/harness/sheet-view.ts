/**
 * The emulated sheet as the harness page shows it: display values, links, notes and the colours the
 * sheet's formats and conditional rules give each cell, over the visible columns, with a margin of
 * empty cells to type into.
 */
import type { GridRect } from '../../emulator/services/spreadsheet/a1';
import { displayValue } from '../../emulator/services/spreadsheet';
import { getCell, lastColumn, lastRow } from '../../emulator/services/spreadsheet/grid';
import type {
  CellData,
  ConditionalRuleSpec,
  SheetData,
  SpreadsheetData,
} from '../../emulator/services/spreadsheet/model';

export function sheetNames(spreadsheet: SpreadsheetData): string[] {
  return spreadsheet.sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name);
}

export function findSheet(spreadsheet: SpreadsheetData, sheetName: string): SheetData | undefined {
  return spreadsheet.sheets.find((candidate) => candidate.name === sheetName) ?? spreadsheet.sheets[0];
}

export function displayRows(spreadsheet: SpreadsheetData, sheetName: string): string[][] {
  const sheet = findSheet(spreadsheet, sheetName);
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = lastColumn(sheet);
  for (let row = 1; row <= lastRow(sheet); row++) {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) {
      if (sheet.hiddenColumns[column - 1]) continue;
      const cell = getCell(sheet, row, column);
      cells.push(cell ? displayValue(cell.value, cell.format?.numberFormat, spreadsheet.timeZone) : '');
    }
    rows.push(cells);
  }
  return rows;
}

/** One cell as the page draws it; keys are short because a 100-row sheet is polled every second. */
export interface CellView {
  /** The text Sheets shows. */
  t: string;
  /** An http(s) link on the cell's text (the Output cell's folder). */
  l?: string;
  /** Background and font colour, from the cell's format or the first conditional rule that holds. */
  b?: string;
  c?: string;
  /** Bold. */
  w?: true;
  /** The cell's note (the headers explain themselves in theirs). */
  n?: string;
}

export interface ColumnView {
  /** 1-based column in the sheet (hidden columns are left out, so these may skip numbers). */
  column: number;
  letter: string;
  width: number;
}

export interface GridView {
  sheet: string;
  columns: ColumnView[];
  /** Rows 1..rowCount, each with one entry per shown column; null for an empty cell. */
  cells: (CellView | null)[][];
  /** The selection on this sheet (Sheets' cursor), or null for A1. */
  selection: GridRect | null;
  frozenRows: number;
}

/** Empty rows and columns shown past the data, so there is room to type and paste. */
const EXTRA_ROWS = 20;
const EXTRA_COLUMNS = 2;
const MIN_ROWS = 30;
const MIN_COLUMNS = 8;
const DEFAULT_WIDTH = 100;

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function inRect(rect: GridRect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.numRows &&
    column >= rect.column &&
    column < rect.column + rect.numColumns
  );
}

/** Sheets' text conditions compare without regard to case. */
function conditionHolds(rule: ConditionalRuleSpec, text: string): boolean {
  const { criteria, values } = rule.condition;
  const wanted = String(values[0] ?? '').toLowerCase();
  const lower = text.toLowerCase();
  switch (criteria) {
    case 'CELL_EMPTY':
      return text === '';
    case 'CELL_NOT_EMPTY':
      return text !== '';
    case 'TEXT_STARTS_WITH':
      return text !== '' && lower.startsWith(wanted);
    case 'TEXT_ENDS_WITH':
      return text !== '' && lower.endsWith(wanted);
    case 'TEXT_CONTAINS':
      return lower.includes(wanted);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !lower.includes(wanted);
    case 'TEXT_EQUAL_TO':
      return lower === wanted;
    default:
      // Formula and number conditions are not evaluated here: the cell keeps its own colours.
      return false;
  }
}

const SAFE_COLOUR = /^#[0-9a-f]{3,8}$|^[a-z]{3,20}$/i;
const safeColour = (value: string | undefined) => (value && SAFE_COLOUR.test(value) ? value : undefined);

function cellView(
  sheet: SheetData,
  cell: CellData | undefined,
  row: number,
  column: number,
  timeZone: string,
): CellView | null {
  const text = cell ? displayValue(cell.value, cell.format?.numberFormat, timeZone) : '';
  const view: CellView = { t: text };
  let background = cell?.format?.background;
  let colour = cell?.format?.fontColor;
  let bold = cell?.format?.fontWeight === 'bold';
  const rule = sheet.conditionalRules.find(
    (candidate) =>
      candidate.ranges.some((rect) => inRect(rect, row, column)) && conditionHolds(candidate, text),
  );
  if (rule) {
    background = rule.condition.format.background ?? background;
    colour = rule.condition.format.fontColor ?? colour;
    bold = rule.condition.format.bold ?? bold;
  }
  const link = cell?.links?.find((run) => /^https?:\/\//i.test(run.url))?.url;
  if (link) view.l = link;
  const b = safeColour(background);
  if (b && b.toLowerCase() !== '#ffffff') view.b = b;
  const c = safeColour(colour);
  if (c && c.toLowerCase() !== '#000000') view.c = c;
  if (bold) view.w = true;
  if (cell?.note) view.n = cell.note;
  return text === '' && !view.b && !view.n ? null : view;
}

/** The grid the page draws for one sheet. */
export function gridView(spreadsheet: SpreadsheetData, sheetName: string): GridView | null {
  const sheet = findSheet(spreadsheet, sheetName);
  if (!sheet) return null;
  const width = Math.min(sheet.maxColumns, Math.max(MIN_COLUMNS, lastColumn(sheet) + EXTRA_COLUMNS));
  const height = Math.min(sheet.maxRows, Math.max(MIN_ROWS, lastRow(sheet) + EXTRA_ROWS));
  const columns: ColumnView[] = [];
  for (let column = 1; column <= width; column++) {
    if (sheet.hiddenColumns[column - 1]) continue;
    columns.push({
      column,
      letter: columnLetter(column),
      width: sheet.columnWidths[column - 1] ?? DEFAULT_WIDTH,
    });
  }
  const cells: (CellView | null)[][] = [];
  for (let row = 1; row <= height; row++) {
    cells.push(
      columns.map(({ column }) =>
        cellView(sheet, getCell(sheet, row, column), row, column, spreadsheet.timeZone),
      ),
    );
  }
  return { sheet: sheet.name, columns, cells, selection: sheet.selection, frozenRows: sheet.frozenRows };
}
