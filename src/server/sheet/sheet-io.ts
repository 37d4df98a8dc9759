/**
 * The Batch sheet's reads and writes, batched: one read of the used block (plus the links behind the
 * Link and Product photo cells), and range writes planned by `planWriteBlocks`. Works on a Sheet object
 * it is given, never on a global, so the emulator's sheets can be passed in directly in tests.
 */
import { textInput } from './cell-text';
import { findColumns, type BatchLayout } from './layout';
import { readSheetRows, type LinkLookup, type SheetRow } from './rows';
import { planWriteBlocks, type CellWrite } from './write-blocks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface BatchSnapshot {
  readonly layout: BatchLayout;
  /** Every row below the header up to the last one with content, filled or not. */
  readonly rows: readonly SheetRow[];
}

/**
 * Reads the sheet once. Display values, because Link, photo and description are text whatever Sheets
 * made of them (a description "1/2" stays "1/2", not a date). With `withLinks`, also the links behind
 * the Link and Product photo cells: a smart chip or a pasted hyperlink shows a title, not the address.
 * Throws MissingColumnsError when a header is missing.
 */
export function readBatchSnapshot(sheet: Sheet, options: { withLinks: boolean }): BatchSnapshot {
  const values = sheet.getDataRange().getDisplayValues();
  const layout = findColumns(values[0] ?? []);
  const linkAt = options.withLinks ? readLinks(sheet, layout, values) : undefined;
  return { layout, rows: readSheetRows(values, layout, linkAt) };
}

function readLinks(sheet: Sheet, layout: BatchLayout, values: readonly string[][]): LinkLookup {
  const dataRows = values.length - 1;
  if (dataRows < 1) return () => null;
  const first = Math.min(layout.link, layout.photo);
  const width = Math.max(layout.link, layout.photo) - first + 1;
  const rich = sheet.getRange(2, first, dataRows, width).getRichTextValues();
  return (rowNumber, column) => {
    const offset = column - first;
    // Reading a link costs a call per cell in Apps Script, so only cells with text are asked.
    if ((values[rowNumber - 1]?.[column - 1] ?? '') === '' || offset < 0 || offset >= width) return null;
    return rich[rowNumber - 2]?.[offset]?.getLinkUrl() ?? null;
  };
}

/** Writes texts as text (escaped, see cell-text.ts), one range write per block of adjacent cells. */
export function writeTextCells(sheet: Sheet, writes: readonly CellWrite<string>[]): void {
  for (const block of planWriteBlocks(writes)) {
    sheet
      .getRange(block.row, block.column, block.values.length, block.values[0]?.length ?? 1)
      .setValues(block.values.map((line) => line.map(textInput)));
  }
}

/** The Status cells of the given rows. */
export function writeStatuses(
  sheet: Sheet,
  layout: BatchLayout,
  changes: readonly { rowNumber: number; status: string }[],
): void {
  writeTextCells(
    sheet,
    changes.map((change) => ({ rowNumber: change.rowNumber, column: layout.status, value: change.status })),
  );
}
