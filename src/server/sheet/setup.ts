/**
 * "Set up sheet": creates the Batch sheet, or repairs it, and never clears a cell Jenny filled. Running it
 * again on a set-up sheet changes nothing.
 *
 * Repair means: headers that are missing (a deleted column) are added after the last used column;
 * headers Jenny moved stay where they are; notes, bold, the frozen header, the hidden Row id column, the
 * rules on the variation columns and the Status colours are put back; Status cells the row check owns
 * are brought up to date. Widths are set only on columns this run adds: Jenny's own widths stay.
 */
import { BATCH_SHEET_NAME } from '../../shared/app';
import { COLUMNS, type ColumnSpec } from '../../shared/columns';
import { locateColumns } from './layout';
import { readBatchSnapshot, writeStatuses } from './sheet-io';
import { applyStatusColours } from './status-colours';
import { planStatusRefresh } from './status-refresh';
import { applyVariationRules } from './variation-rules';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupReport {
  created: boolean;
  /** Headers that were missing and have been added after the last used column. */
  addedColumns: string[];
  /** Row 1 held data and no known header, so a header row was inserted above it. */
  insertedHeaderRow: boolean;
  /** Status cells the row check rewrote. */
  statusesUpdated: number;
}

export function setUpBatchSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupReport {
  const existing = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  const sheet = existing ?? spreadsheet.insertSheet(BATCH_SHEET_NAME, 0);
  if (sheet.getMaxRows() < 2) sheet.insertRowsAfter(sheet.getMaxRows(), 1);

  const insertedHeaderRow = existing !== null && makeRoomForHeaders(sheet);
  const { positions, added } = ensureHeaders(sheet);
  formatHeaderRow(sheet, positions);
  for (const column of added) sheet.setColumnWidth(positions.get(column) as number, column.width);
  for (const column of COLUMNS) {
    const position = positions.get(column) as number;
    if (column.hidden && !sheet.isColumnHiddenByUser(position)) sheet.hideColumns(position);
  }
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);

  const at = (key: ColumnSpec['key']): number => positionOf(positions, key);
  applyVariationRules(sheet, [at('photoVariations'), at('textVariations')]);
  applyStatusColours(sheet, at('status'));

  const { layout, rows } = readBatchSnapshot(sheet, { withLinks: true });
  const changes = planStatusRefresh(rows, { kind: 'all' });
  writeStatuses(sheet, layout, changes);

  return {
    created: existing === null,
    addedColumns: added.map((column) => column.header),
    insertedHeaderRow,
    statusesUpdated: changes.length,
  };
}

/** What the toast after Set up sheet tells Jenny. */
export function setupMessage(report: SetupReport): string {
  const n = report.statusesUpdated;
  const statuses = n > 0 ? ` ${n} row status${n === 1 ? ' was' : 'es were'} brought up to date.` : '';
  if (report.created) return 'The Batch sheet is ready: paste TikTok links in the Link column.';
  if (report.insertedHeaderRow) {
    return `Added a header row above your data, with the add-on's columns after yours.${statuses}`;
  }
  if (report.addedColumns.length > 0) {
    return `Added the missing columns: ${report.addedColumns.join(', ')}. Nothing you typed was changed.${statuses}`;
  }
  return statuses === ''
    ? 'The Batch sheet was already set up; nothing was changed.'
    : `The Batch sheet was already set up.${statuses}`;
}

/**
 * A "Batch" sheet Jenny made herself may start with links in row 1 and no header at all: the headers then
 * go in a new row above, rather than her first row being taken for a header. A row 1 of her own headers
 * ("URL", "Notes") holds no link and stays the header row; our columns go after hers.
 */
function makeRoomForHeaders(sheet: Sheet): boolean {
  const header = readHeaderRow(sheet);
  if (Object.keys(locateColumns(header)).length > 0) return false;
  if (!header.some((value) => /https?:\/\/|tiktok\.com\//i.test(value))) return false;
  sheet.insertRowsBefore(1, 1);
  return true;
}

function readHeaderRow(sheet: Sheet): string[] {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1) return [];
  return sheet.getRange(1, 1, 1, lastColumn).getDisplayValues()[0] ?? [];
}

/** Adds the missing headers side by side after the last column holding anything, in one write. */
function ensureHeaders(sheet: Sheet): { positions: Map<ColumnSpec, number>; added: ColumnSpec[] } {
  const found = locateColumns(readHeaderRow(sheet));
  const positions = new Map<ColumnSpec, number>();
  const added: ColumnSpec[] = [];
  for (const column of COLUMNS) {
    const position = found[column.key];
    if (position === undefined) added.push(column);
    else positions.set(column, position);
  }
  if (added.length === 0) return { positions, added };

  const first = sheet.getLastColumn() + 1;
  const last = first + added.length - 1;
  if (last > sheet.getMaxColumns()) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), last - sheet.getMaxColumns());
  }
  sheet.getRange(1, first, 1, added.length).setValues([added.map((column) => column.header)]);
  added.forEach((column, i) => positions.set(column, first + i));
  return { positions, added };
}

/** Notes on our headers (Jenny's notes on her own headers stay), and the whole header row bold. */
function formatHeaderRow(sheet: Sheet, positions: ReadonlyMap<ColumnSpec, number>): void {
  const width = Math.max(sheet.getLastColumn(), ...positions.values());
  const header = sheet.getRange(1, 1, 1, width);
  const notes = header.getNotes()[0] ?? [];
  const wanted = [...notes];
  for (const [column, position] of positions) wanted[position - 1] = column.note;
  if (wanted.some((note, i) => note !== notes[i])) header.setNotes([wanted]);
  header.setFontWeight('bold');
}

function positionOf(positions: ReadonlyMap<ColumnSpec, number>, key: ColumnSpec['key']): number {
  for (const [column, position] of positions) if (column.key === key) return position;
  throw new Error(`Set up sheet lost track of the ${key} column.`);
}
