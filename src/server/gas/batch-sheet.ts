/**
 * The Batch sheet as the engine sees it (BatchSheetPort), over SpreadsheetApp. Rows are found by their
 * hidden id at every write, so a status lands on its own row after Jenny sorts, inserts or deletes rows.
 *
 * The spreadsheet and the two services it needs are parameters: in Apps Script they default to the
 * globals, and tests hand in the emulator's objects directly.
 */
import { BATCH_SHEET_NAME } from '../../shared/app';
import {
  checkRows,
  isCheckStatus,
  type BatchCheck,
  type CheckOptions,
  type RowCheck,
} from '../../shared/row-check';
import type { BatchRowInput, BatchSheetPort, RowCells } from '../ports/sheet';
import { fitCellText } from '../sheet/cell-text';
import { NoBatchSheetError } from '../sheet/layout';
import { assignRowIds } from '../sheet/row-ids';
import { toBatchRowInput, toRowCheckInput, type SheetRow } from '../sheet/rows';
import { readBatchSnapshot, writeTextCells } from '../sheet/sheet-io';
import { planWriteBlocks, type CellWrite } from '../sheet/write-blocks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface BatchSheetServices {
  /** Utilities.getUuid in Apps Script. */
  newUuid(): string;
  /** SpreadsheetApp.newRichTextValue in Apps Script. */
  newRichText(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder;
}

const APPS_SCRIPT_SERVICES: BatchSheetServices = {
  newUuid: () => Utilities.getUuid(),
  newRichText: () => SpreadsheetApp.newRichTextValue(),
};

export interface CheckedBatchRow {
  readonly row: BatchRowInput;
  readonly check: RowCheck;
}

export interface BatchSheetCheck extends Omit<BatchCheck, 'rows'> {
  readonly rows: readonly CheckedBatchRow[];
}

/** A cell the adapter writes: text, and a link on the whole of it for Output. */
interface LinkedText {
  readonly text: string;
  readonly url: string | null;
}

/** Only plain https links go into cells: Drive folder URLs are, and nothing else is expected. */
const SAFE_LINK = /^https:\/\/[^\s"<>]+$/i;
const DEFAULT_OUTPUT_LABEL = 'Open folder';

export class GasBatchSheet implements BatchSheetPort {
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly services: BatchSheetServices = APPS_SCRIPT_SERVICES,
  ) {}

  /** Filled rows in sheet order; rows without an id (new, or copied with another row's id) get one now. */
  readRows(): BatchRowInput[] {
    return this.readRowsWithIds().map(({ row, rowId }) => toBatchRowInput(row, rowId));
  }

  /**
   * readRows with each row's check (the texts onEdit writes), for the sidebar's batch check and for
   * choosing the rows a batch takes: an invalid variation override reads as null in BatchRowInput, so
   * only the check tells such a row apart. Rows whose Status shows a batch state do not count toward
   * the batch-size limit.
   */
  readRowChecks(options: CheckOptions = {}): BatchSheetCheck {
    const rows = this.readRowsWithIds();
    const inputs = rows.map(({ row, rowId }) => ({
      ...toRowCheckInput(row, isCheckStatus(row.status)),
      rowId,
    }));
    const check = checkRows(inputs, options);
    const byId = new Map(rows.map((entry) => [entry.rowId, entry]));
    const checked: CheckedBatchRow[] = [];
    for (const result of check.rows) {
      const entry = byId.get(result.rowId);
      if (entry) checked.push({ row: toBatchRowInput(entry.row, entry.rowId), check: result });
    }
    return { ...check, rows: checked };
  }

  /**
   * Status, Output and Error by row id: one read of the sheet, then one write per block of adjacent
   * cells. An id that is no longer on a filled row (the row was deleted or emptied) is skipped.
   * Everything is written as rich text, which Sheets never parses: an error text starting with "=" stays
   * text, and Output gets a real link without a HYPERLINK formula built from text.
   */
  writeRowCells(updates: ReadonlyMap<string, RowCells>): void {
    if (updates.size === 0) return;
    const sheet = this.sheet();
    const { layout, rows } = readBatchSnapshot(sheet, { withLinks: false });
    const rowById = new Map<string, number>();
    for (const row of rows) {
      // A row copied with its hidden id shares it until the next read: the first one keeps it.
      if (row.filled && row.rowId !== '' && !rowById.has(row.rowId)) rowById.set(row.rowId, row.rowNumber);
    }
    const writes: CellWrite<LinkedText>[] = [];
    for (const [rowId, cells] of updates) {
      const rowNumber = rowById.get(rowId);
      if (rowNumber === undefined) continue;
      if (cells.status !== undefined) {
        writes.push({ rowNumber, column: layout.status, value: { text: cells.status, url: null } });
      }
      if (cells.output !== undefined) {
        const value =
          cells.output === null
            ? { text: '', url: null }
            : { text: cells.output.label || DEFAULT_OUTPUT_LABEL, url: cells.output.url };
        writes.push({ rowNumber, column: layout.output, value });
      }
      if (cells.error !== undefined) {
        writes.push({ rowNumber, column: layout.error, value: { text: cells.error, url: null } });
      }
    }
    for (const block of planWriteBlocks(writes)) {
      sheet
        .getRange(block.row, block.column, block.values.length, block.values[0]?.length ?? 1)
        .setRichTextValues(block.values.map((line) => line.map((cell) => this.richText(cell))));
    }
  }

  private sheet(): Sheet {
    const sheet = this.spreadsheet.getSheetByName(BATCH_SHEET_NAME);
    if (!sheet) throw new NoBatchSheetError();
    return sheet;
  }

  private readRowsWithIds(): { row: SheetRow; rowId: string }[] {
    const sheet = this.sheet();
    const { layout, rows } = readBatchSnapshot(sheet, { withLinks: true });
    const { ids, writes } = assignRowIds(rows, () => this.services.newUuid());
    writeTextCells(
      sheet,
      writes.map((write) => ({ rowNumber: write.rowNumber, column: layout.rowId, value: write.rowId })),
    );
    return rows.flatMap((row) => {
      const rowId = ids.get(row.rowNumber);
      return rowId === undefined ? [] : [{ row, rowId }];
    });
  }

  private richText(cell: LinkedText): GoogleAppsScript.Spreadsheet.RichTextValue {
    const text = fitCellText(cell.text);
    const builder = this.services.newRichText().setText(text);
    if (cell.url !== null && text !== '' && SAFE_LINK.test(cell.url)) builder.setLinkUrl(cell.url);
    return builder.build();
  }
}

/** The adapter over the spreadsheet this script is bound to (or the add-on's current document). */
export function openBatchSheet(): GasBatchSheet {
  return new GasBatchSheet(SpreadsheetApp.getActiveSpreadsheet());
}
