/**
 * The simple onEdit trigger: when Jenny types or pastes into the Batch sheet, the edited rows get their
 * Status at once ("Ready", or what is wrong). It runs in AuthMode.LIMITED (no network, no Drive), so a
 * short link is only marked to be checked at start. It reads the sheet once and writes the Status cells
 * that changed (one write for a paste; rows elsewhere whose duplicate status changed may add one each).
 */
import { APP_NAME, BATCH_SHEET_NAME } from '../../shared/app';
import { MissingColumnsError, type BatchLayout } from './layout';
import { readBatchSnapshot, writeStatuses } from './sheet-io';
import { planStatusRefresh } from './status-refresh';

const TOAST_SECONDS = 10;

/** The part of the edit event this uses; a paste gives a range of many rows and columns. */
export interface EditEvent {
  readonly range?: GoogleAppsScript.Spreadsheet.Range;
}

export function handleEdit(event: EditEvent | undefined): void {
  const range = event?.range;
  if (!range) return;
  const sheet = range.getSheet();
  if (sheet.getName().toLowerCase() !== BATCH_SHEET_NAME.toLowerCase()) return;
  const top = range.getRow();
  const bottom = top + range.getNumRows() - 1;
  // Only the header row was edited: nothing to check (a renamed header shows up at the next check).
  if (bottom < 2) return;
  const left = range.getColumn();
  const right = left + range.getNumColumns() - 1;

  let snapshot;
  try {
    snapshot = readBatchSnapshot(sheet, { withLinks: true });
  } catch (error) {
    // Without its headers there is no Status column to write to: say what is wrong where Jenny looks.
    if (error instanceof MissingColumnsError) {
      sheet.getParent().toast(error.message, APP_NAME, TOAST_SECONDS);
      return;
    }
    throw error;
  }
  const { layout, rows } = snapshot;
  const rowsInEdit = new Set<number>();
  for (let row = Math.max(top, 2); row <= bottom; row++) rowsInEdit.add(row);
  const changes = planStatusRefresh(rows, {
    kind: 'edit',
    rows: rowsInEdit,
    coreInputEdited: coversAny([layout.link, layout.photo, layout.description], left, right),
    inputEdited: coversAny(inputColumns(layout), left, right),
  });
  writeStatuses(sheet, layout, changes);
}

function inputColumns(layout: BatchLayout): (number | null)[] {
  return [layout.link, layout.photo, layout.description, layout.photoVariations, layout.textVariations];
}

function coversAny(columns: readonly (number | null)[], left: number, right: number): boolean {
  return columns.some((column) => column !== null && column >= left && column <= right);
}
