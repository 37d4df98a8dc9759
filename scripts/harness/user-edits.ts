/**
 * What Jenny does by hand in the harness's sheet: typing and pasting into cells, moving the cursor,
 * dropping a product photo onto a row. Each change goes through the emulated SpreadsheetApp as a user's
 * edit, then the add-on's real onEdit simple trigger runs (AuthMode.LIMITED, the edited range in the
 * event), as Sheets runs it after every edit.
 */
import { TestEnv } from '../../emulator/core/env';
import type { ExecutionReport } from '../../emulator/core/runtime';
import { createSpreadsheetApp, parseInput, type Sheet } from '../../emulator/services/spreadsheet';
import type { World } from '../../emulator/world';
import { COLUMNS } from '../../src/shared/columns';
import type { LiveRuntime } from './live-runtime';

/** Sheets' limit on one cell's text. */
export const MAX_CELL_CHARS = 50_000;

export class EditError extends Error {}

/**
 * The input to store for what the user typed. Sheets would turn `=…` (and `+…`/`-…` that is not a
 * number) into a formula; the harness has no formula engine, and text pasted from another sheet is the
 * formula's result anyway, so such input is kept as the text it is, as Sheets keeps `'=…`. Numbers and
 * TRUE/FALSE are read as Sheets reads them.
 */
export function typedInput(text: string): string {
  return parseInput(text, undefined).formula !== undefined ? `'${text}` : text;
}

const normalizeHeader = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The Drive address Sheets users paste for a file ("Share › Copy link"). */
export function driveFileUrl(id: string): string {
  return `https://drive.google.com/file/d/${id}/view?usp=sharing`;
}

export interface EditOutcome {
  /** A1 notation of the edited range. */
  range: string;
  /** How the add-on's onEdit ended. */
  onEdit: ExecutionReport['status'];
  onEditError?: string;
}

export class SheetUser {
  private readonly env: TestEnv;

  constructor(
    private readonly world: World,
    private readonly runtime: LiveRuntime,
  ) {
    this.env = new TestEnv({ spreadsheetId: world.boundSpreadsheetId, user: world.defaultUser });
  }

  private spreadsheet() {
    const app = createSpreadsheetApp(this.env, this.world.spreadsheets);
    return app.openById(this.world.boundSpreadsheetId ?? '');
  }

  private sheet(name: string): Sheet {
    const sheet = this.spreadsheet().getSheetByName(name);
    if (!sheet) throw new EditError(`There is no sheet called “${name}”.`);
    return sheet;
  }

  /** Moves the cursor, as a click in Sheets does: the add-on's getActiveRange sees it. */
  select(sheetName: string, row: number, column: number): void {
    const sheet = this.sheet(sheetName);
    if (row > sheet.getMaxRows() || column > sheet.getMaxColumns()) return;
    sheet.getRange(row, column).activate();
  }

  /**
   * Types or pastes `values` with the top-left at (row, column). Columns count only the visible ones,
   * as on screen: a block pasted across a hidden column goes around it. Rows and columns are added when
   * the block goes past the sheet's end, as Sheets does on paste.
   */
  async edit(sheetName: string, row: number, column: number, values: string[][]): Promise<EditOutcome> {
    const sheet = this.sheet(sheetName);
    const height = values.length;
    const width = Math.max(0, ...values.map((line) => line.length));
    if (height === 0 || width === 0) throw new EditError('There is nothing to paste.');
    if (values.some((line) => line.some((text) => text.length > MAX_CELL_CHARS))) {
      throw new EditError(`A cell can hold at most ${MAX_CELL_CHARS.toLocaleString('en-US')} characters.`);
    }
    const data = this.world.boundSpreadsheet().sheets.find((candidate) => candidate.name === sheet.getName());
    const hidden = (c: number) => Boolean(data?.hiddenColumns[c - 1]);
    const targets: number[] = [];
    for (let c = column; targets.length < width; c++) if (!hidden(c)) targets.push(c);
    const lastTarget = targets[targets.length - 1] ?? column;
    if (row + height - 1 > sheet.getMaxRows()) {
      sheet.insertRowsAfter(sheet.getMaxRows(), row + height - 1 - sheet.getMaxRows());
    }
    if (lastTarget > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), lastTarget - sheet.getMaxColumns());
    }
    const old = height === 1 && width === 1 ? sheet.getRange(row, column).getDisplayValue() : '';
    // Contiguous runs of target columns, each written with one setValues.
    let start = 0;
    while (start < targets.length) {
      let end = start;
      while (end + 1 < targets.length && targets[end + 1] === (targets[end] ?? 0) + 1) end++;
      const block = values.map((line) =>
        Array.from({ length: end - start + 1 }, (_, j) => typedInput(line[start + j] ?? '')),
      );
      sheet.getRange(row, targets[start] ?? column, height, end - start + 1).setValues(block);
      start = end + 1;
    }
    const range = sheet.getRange(row, column, height, lastTarget - column + 1);
    // A paste leaves the pasted block selected; after typing, the page moves the cursor itself.
    if (height > 1 || width > 1) range.activate();
    const event: Record<string, unknown> = {
      authMode: 'LIMITED',
      range,
      source: this.spreadsheet(),
      triggerUid: '',
      user: { email: this.world.defaultUser, nickname: this.world.defaultUser.split('@')[0] },
    };
    // Sheets puts value and oldValue in the event only for a one-cell edit.
    if (height === 1 && width === 1) {
      event.value = range.getDisplayValue();
      if (old !== '') event.oldValue = old;
    }
    const report = await this.runtime.run('onEdit', [event], { authMode: 'LIMITED', kind: 'simple-trigger' });
    return {
      range: range.getA1Notation(),
      onEdit: report.status,
      ...(report.error ? { onEditError: report.error.message } : {}),
    };
  }

  /** The column whose row-1 header is `key`'s header (case and spacing ignored), or null. */
  columnOf(sheetName: string, key: (typeof COLUMNS)[number]['key']): number | null {
    const sheet = this.sheet(sheetName);
    const header = COLUMNS.find((spec) => spec.key === key)?.header ?? '';
    const width = sheet.getLastColumn();
    if (width === 0) return null;
    const row = sheet.getRange(1, 1, 1, width).getDisplayValues()[0] ?? [];
    const index = row.findIndex((text) => normalizeHeader(text) === normalizeHeader(header));
    return index === -1 ? null : index + 1;
  }

  /** The Product photo column for a photo dropped on `row`; says why when there is none. */
  photoColumn(sheetName: string, row: number): number {
    if (row < 2) {
      throw new EditError('Drop the photo on one of the rows below the header (row 2 or lower).');
    }
    const column = this.columnOf(sheetName, 'photo');
    if (column === null) {
      throw new EditError(
        `The sheet “${sheetName}” has no Product photo column: choose Slideshow Remix › Set up sheet first, then drop the photo on a row of the Batch sheet.`,
      );
    }
    return column;
  }

  /** Puts `url` into the row's Product photo cell, as a paste of the link would. */
  setPhotoCell(sheetName: string, row: number, url: string): Promise<EditOutcome> {
    return this.edit(sheetName, row, this.photoColumn(sheetName, row), [[url]]);
  }
}
