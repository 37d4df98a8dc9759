/**
 * The state behind the Apps Script objects. Spreadsheet, Sheet and Range objects are thin views over
 * these records (Apps Script hands out a new object on every call too), so every view sees the same cells.
 */
import type { GridRect } from './a1';
import type { CellValue } from './values';

export interface CellFormat {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  wrapStrategy?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

/** A data validation rule as stored in a cell; criteria are DataValidationCriteria names. */
export interface ValidationSpec {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A link on characters [start, end) of a cell's text. */
export interface LinkRun {
  start: number;
  end: number;
  url: string;
}

export interface CellData {
  /** '' when the cell has no content. */
  value: CellValue;
  formula?: string;
  note?: string;
  format?: CellFormat;
  validation?: ValidationSpec;
  /** Set by setRichTextValue; cleared whenever the content changes another way. */
  links?: LinkRun[];
}

/** The formatting a conditional rule applies when its condition holds. */
export interface ConditionFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
}

export interface BooleanConditionSpec {
  criteria: string;
  values: unknown[];
  format: ConditionFormat;
}

export interface ConditionalRuleSpec {
  condition: BooleanConditionSpec;
  ranges: GridRect[];
}

export interface MetadataSpec {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  /** null for metadata on the spreadsheet itself. */
  sheetId: number | null;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export interface SheetData {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  /** rows[r - 1][c - 1]; holes and undefined mean an untouched cell. */
  rows: (CellData | undefined)[][];
  frozenRows: number;
  frozenColumns: number;
  /** Indexed by column - 1; undefined means the default. */
  columnWidths: (number | undefined)[];
  hiddenColumns: (boolean | undefined)[];
  hidden: boolean;
  conditionalRules: ConditionalRuleSpec[];
  /** The last selection made on this sheet; null means the cursor is on A1. */
  selection: GridRect | null;
}

export interface SpreadsheetData {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetData[];
  activeSheetId: number;
  metadata: MetadataSpec[];
  nextMetadataId: number;
  /** Counts sheets ever created, to derive new sheet ids. */
  sheetCounter: number;
}

export function newSheetData(
  id: number,
  name: string,
  maxRows = DEFAULT_ROWS,
  maxColumns = DEFAULT_COLUMNS,
): SheetData {
  return {
    id,
    name,
    maxRows,
    maxColumns,
    rows: [],
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: [],
    hiddenColumns: [],
    hidden: false,
    conditionalRules: [],
    selection: null,
  };
}

/** Sheets gives the first sheet gid 0 and later ones large pseudo-random ids; these are derived, not random. */
export function nextSheetId(spreadsheet: SpreadsheetData): number {
  const n = spreadsheet.sheetCounter++;
  if (n === 0) return 0;
  let hash = 2166136261;
  for (const ch of `${spreadsheet.id}:${n}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  let id = (hash % 2_000_000_000) + 1;
  while (spreadsheet.sheets.some((s) => s.id === id)) id++;
  return id;
}

export function findSheetByName(spreadsheet: SpreadsheetData, name: string): SheetData | undefined {
  const lower = name.toLowerCase();
  return spreadsheet.sheets.find((s) => s.name.toLowerCase() === lower);
}
