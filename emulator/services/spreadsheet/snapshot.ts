/** JSON form of spreadsheets, so the harness can persist the world to disk and load it again. */
import type { GridRect } from './a1';
import type {
  CellData,
  CellFormat,
  ConditionFormat,
  LinkRun,
  MetadataSpec,
  SheetData,
  SpreadsheetData,
} from './model';
import { type CellValue, isDate } from './values';

/** Dates and non-finite numbers are tagged objects; everything else is plain JSON. */
export type JsonValue =
  string | number | boolean | null | { $date: string } | { $number: string } | JsonValue[];

export interface CellJson {
  row: number;
  column: number;
  value?: JsonValue;
  formula?: string;
  note?: string;
  format?: CellFormat;
  validation?: { criteria: string; values: JsonValue[]; allowInvalid: boolean; helpText: string | null };
  links?: LinkRun[];
}

export interface SheetJson {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  /** Column number → width, for columns not at the default width. */
  columnWidths: Record<string, number>;
  hiddenColumns: number[];
  conditionalRules: {
    condition: { criteria: string; values: JsonValue[]; format: ConditionFormat };
    ranges: GridRect[];
  }[];
  selection: GridRect | null;
  cells: CellJson[];
}

export interface SpreadsheetJson {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheetId: number;
  sheetCounter: number;
  nextMetadataId: number;
  metadata: MetadataSpec[];
  sheets: SheetJson[];
}

export function encodeValue(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(encodeValue);
  if (isDate(value)) return { $date: new Date(value.getTime()).toISOString() };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

export function decodeValue(json: JsonValue): unknown {
  if (Array.isArray(json)) return json.map(decodeValue);
  if (json !== null && typeof json === 'object') {
    return '$date' in json ? new Date(json.$date) : Number(json.$number);
  }
  return json;
}

function encodeCell(row: number, column: number, cell: CellData): CellJson {
  const out: CellJson = { row, column };
  if (cell.value !== '') out.value = encodeValue(cell.value);
  if (cell.formula !== undefined) out.formula = cell.formula;
  if (cell.note !== undefined) out.note = cell.note;
  if (cell.format && Object.keys(cell.format).length > 0) out.format = { ...cell.format };
  if (cell.validation)
    out.validation = { ...cell.validation, values: cell.validation.values.map(encodeValue) };
  if (cell.links) out.links = cell.links.map((l) => ({ ...l }));
  return out;
}

function decodeCell(json: CellJson): CellData {
  const cell: CellData = { value: json.value === undefined ? '' : (decodeValue(json.value) as CellValue) };
  if (json.formula !== undefined) cell.formula = json.formula;
  if (json.note !== undefined) cell.note = json.note;
  if (json.format) cell.format = { ...json.format };
  if (json.validation) {
    cell.validation = { ...json.validation, values: json.validation.values.map((v) => decodeValue(v)) };
  }
  if (json.links) cell.links = json.links.map((l) => ({ ...l }));
  return cell;
}

function encodeSheet(sheet: SheetData): SheetJson {
  const cells: CellJson[] = [];
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => cell && cells.push(encodeCell(r + 1, c + 1, cell))),
  );
  const columnWidths: Record<string, number> = {};
  sheet.columnWidths.forEach((w, c) => {
    if (w !== undefined) columnWidths[String(c + 1)] = w;
  });
  const hiddenColumns: number[] = [];
  sheet.hiddenColumns.forEach((h, c) => h && hiddenColumns.push(c + 1));
  return {
    id: sheet.id,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    hidden: sheet.hidden,
    columnWidths,
    hiddenColumns,
    conditionalRules: sheet.conditionalRules.map((rule) => ({
      condition: { ...rule.condition, values: rule.condition.values.map(encodeValue) },
      ranges: rule.ranges.map((r) => ({ ...r })),
    })),
    selection: sheet.selection ? { ...sheet.selection } : null,
    cells,
  };
}

function decodeSheet(json: SheetJson): SheetData {
  const rows: (CellData | undefined)[][] = [];
  for (const cell of json.cells) (rows[cell.row - 1] ??= [])[cell.column - 1] = decodeCell(cell);
  const columnWidths: (number | undefined)[] = [];
  for (const [column, width] of Object.entries(json.columnWidths)) columnWidths[Number(column) - 1] = width;
  const hiddenColumns: (boolean | undefined)[] = [];
  for (const column of json.hiddenColumns) hiddenColumns[column - 1] = true;
  return {
    id: json.id,
    name: json.name,
    maxRows: json.maxRows,
    maxColumns: json.maxColumns,
    rows,
    frozenRows: json.frozenRows,
    frozenColumns: json.frozenColumns,
    columnWidths,
    hiddenColumns,
    hidden: json.hidden,
    conditionalRules: json.conditionalRules.map((rule) => ({
      condition: { ...rule.condition, values: rule.condition.values.map((v) => decodeValue(v)) },
      ranges: rule.ranges.map((r) => ({ ...r })),
    })),
    selection: json.selection ? { ...json.selection } : null,
  };
}

export function encodeSpreadsheet(ss: SpreadsheetData): SpreadsheetJson {
  return {
    id: ss.id,
    name: ss.name,
    timeZone: ss.timeZone,
    locale: ss.locale,
    activeSheetId: ss.activeSheetId,
    sheetCounter: ss.sheetCounter,
    nextMetadataId: ss.nextMetadataId,
    metadata: ss.metadata.map((m) => ({ ...m })),
    sheets: ss.sheets.map(encodeSheet),
  };
}

export function decodeSpreadsheet(json: SpreadsheetJson): SpreadsheetData {
  return {
    id: json.id,
    name: json.name,
    timeZone: json.timeZone,
    locale: json.locale,
    activeSheetId: json.activeSheetId,
    sheetCounter: json.sheetCounter,
    nextMetadataId: json.nextMetadataId,
    metadata: json.metadata.map((m) => ({ ...m })),
    sheets: json.sheets.map(decodeSheet),
  };
}
