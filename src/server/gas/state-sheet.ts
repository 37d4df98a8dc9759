/**
 * The queue's state in a hidden sheet of the spreadsheet itself: it survives every crash and closing,
 * is shared by every execution, and has room for the largest batch (100 links × 100 variations × 10
 * slides): a row of JSON per batch row, split over cells of at most 40,000 characters (Sheets allows
 * 50,000), read in one call and written in one call per wave. Document properties (500 KB in all) and
 * the cache (which forgets) could not hold it.
 */
import type { StateStore } from '../engine/ports';
import { BATCH_ROW_ID, type BatchMeta, type BatchState, type RowRecord } from '../engine/types';

export const STATE_SHEET_NAME = 'Slideshow Remix queue';
const NOTICE =
  'The add-on keeps its queue here. Please do not edit this sheet: Slideshow Remix needs it while a batch runs.';
const CHUNK = 40_000;

function chunks(text: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK) parts.push(text.slice(at, at + CHUNK));
  return parts.length > 0 ? parts : [''];
}

/** A leading apostrophe keeps Sheets from reading a chunk as a number or a formula. */
function asText(chunk: string): string {
  return `'${chunk}`;
}

export function sheetStateStore(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): StateStore {
  let written = { rows: 0, columns: 0 };

  function sheet(create: boolean): GoogleAppsScript.Spreadsheet.Sheet | null {
    let found = spreadsheet.getSheetByName(STATE_SHEET_NAME);
    if (!found && create) {
      found = spreadsheet.insertSheet(STATE_SHEET_NAME, spreadsheet.getSheets().length);
      found.hideSheet();
    }
    return found;
  }

  return {
    load() {
      const found = sheet(false);
      if (!found || found.getLastRow() < 2) return null;
      const values = found.getRange(1, 1, found.getLastRow(), Math.max(1, found.getLastColumn())).getValues();
      written = { rows: values.length, columns: values[0]?.length ?? 1 };
      const records = values.slice(1).map((row) => row.map((cell) => String(cell)).join(''));
      const meta = records[0] ? (JSON.parse(records[0]) as BatchMeta) : null;
      if (!meta) return null;
      const rows = records
        .slice(1)
        .filter((text) => text !== '')
        .map((text) => JSON.parse(text) as RowRecord);
      // The batch's own pseudo-row is stored first among the rows.
      rows.sort((a, b) =>
        a.rowId === BATCH_ROW_ID ? -1 : b.rowId === BATCH_ROW_ID ? 1 : a.number - b.number,
      );
      return { meta, rows };
    },

    save(state: BatchState) {
      const target = sheet(true) as GoogleAppsScript.Spreadsheet.Sheet;
      const records = [JSON.stringify(state.meta), ...state.rows.map((row) => JSON.stringify(row))].map(
        chunks,
      );
      const columns = Math.max(1, ...records.map((parts) => parts.length), written.columns);
      const grid: string[][] = [[NOTICE, ...Array<string>(columns - 1).fill('')]];
      for (const parts of records)
        grid.push([...parts.map(asText), ...Array<string>(columns - parts.length).fill('')]);
      // Rows left over from a larger state are blanked in the same write.
      while (grid.length < written.rows) grid.push(Array<string>(columns).fill(''));
      if (target.getMaxColumns() < columns)
        target.insertColumnsAfter(target.getMaxColumns(), columns - target.getMaxColumns());
      if (target.getMaxRows() < grid.length)
        target.insertRowsAfter(target.getMaxRows(), grid.length - target.getMaxRows());
      target.getRange(1, 1, grid.length, columns).setValues(grid);
      written = { rows: grid.length, columns };
    },

    clear() {
      const found = sheet(false);
      if (found) found.clearContents();
      written = { rows: 0, columns: 0 };
    },
  };
}
