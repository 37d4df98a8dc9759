import { BATCH_SHEET_NAME } from '../../shared/app';
import { COLUMNS, type ColumnSpec } from '../../shared/columns';

export interface SetupReport {
  created: boolean;
  /** Headers that were missing and have been added at the end of the header row. */
  addedColumns: string[];
}

/**
 * Creates the Batch sheet, or repairs it: missing headers are appended after the last used column,
 * existing headers (wherever Jenny moved them) keep their place, and no data cell is ever cleared.
 */
export function setUpBatchSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupReport {
  let sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  const created = sheet === null;
  if (sheet === null) {
    sheet = spreadsheet.insertSheet(BATCH_SHEET_NAME, 0);
  }
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const headerRow = sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? [];
  const present = new Map<string, number>();
  headerRow.forEach((value, index) => {
    const text = String(value).trim().toLowerCase();
    if (text !== '') present.set(text, index + 1);
  });

  const addedColumns: string[] = [];
  let nextFree = created ? 1 : sheet.getLastColumn() + 1;
  const positions = new Map<ColumnSpec, number>();
  for (const column of COLUMNS) {
    const existing = present.get(column.header.toLowerCase());
    if (existing !== undefined) {
      positions.set(column, existing);
      continue;
    }
    if (nextFree > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, nextFree).setValue(column.header);
    positions.set(column, nextFree);
    addedColumns.push(column.header);
    nextFree += 1;
  }

  for (const [column, position] of positions) {
    const header = sheet.getRange(1, position);
    header.setNote(column.note).setFontWeight('bold');
    sheet.setColumnWidth(position, column.width);
    if (column.hidden) sheet.hideColumns(position);
  }
  sheet.setFrozenRows(1);
  return { created, addedColumns };
}
