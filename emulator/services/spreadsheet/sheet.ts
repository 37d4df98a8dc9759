/** One tab of a spreadsheet: its grid, structure (rows, columns, frozen panes) and sheet-wide settings. */
import { GasError } from '../../core/env';
import { type GridRect, parseA1, resolveA1 } from './a1';
import { clearContent, writeAll, writeInput } from './cells';
import { conditionSpecOf, type BooleanConditionLike, ConditionalFormatRule } from './conditional';
import { type RangeLike, requireIntegers, resolveRange, type SpreadsheetContext } from './context';
import * as grid from './grid';
import { addMetadata, DeveloperMetadata, DeveloperMetadataFinder } from './metadata';
import { DEFAULT_COLUMN_WIDTH, findSheetByName, type SheetData, type SpreadsheetData } from './model';
import { boundedRange, Range } from './range';
import { Spreadsheet } from './spreadsheet';

/** A rule as a script hands it back: read through public methods only. */
export interface ConditionalFormatRuleLike {
  getBooleanCondition(): BooleanConditionLike | null;
  getRanges(): RangeLike[];
}

export function checkSheetName(ss: SpreadsheetData, name: string, except?: SheetData): void {
  const existing = findSheetByName(ss, name);
  if (existing && existing !== except) {
    throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

export class Sheet implements Pick<
  GoogleAppsScript.Spreadsheet.Sheet,
  | 'getName'
  | 'getSheetName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getFrozenRows'
  | 'getFrozenColumns'
  | 'getColumnWidth'
  | 'isColumnHiddenByUser'
  | 'isSheetHidden'
  | 'setFrozenRows'
  | 'setFrozenColumns'
  | 'deleteRows'
  | 'deleteColumns'
  | 'hideColumns'
  | 'showColumns'
> {
  private readonly ctx: SpreadsheetContext;
  private readonly ss: SpreadsheetData;
  private readonly sheet: SheetData;

  constructor(ctx: SpreadsheetContext, ss: SpreadsheetData, sheet: SheetData) {
    this.ctx = ctx;
    this.ss = ss;
    this.sheet = sheet;
  }

  private _range(rect: GridRect): Range {
    return boundedRange(this.ctx, this.ss, this.sheet, rect);
  }

  private _checkRows(position: number, count: number): void {
    if (position < 1 || count < 1 || position + count - 1 > this.sheet.maxRows) {
      throw new GasError('Those rows are out of bounds.');
    }
  }

  private _checkColumns(position: number, count: number): void {
    if (position < 1 || count < 1 || position + count - 1 > this.sheet.maxColumns) {
      throw new GasError('Those columns are out of bounds.');
    }
  }

  // Identity

  getName(): string {
    return this.sheet.name;
  }

  getSheetName(): string {
    return this.sheet.name;
  }

  setName(name: string): Sheet {
    const text = String(name);
    checkSheetName(this.ss, text, this.sheet);
    this.sheet.name = text;
    return this;
  }

  getSheetId(): number {
    return this.sheet.id;
  }

  /** 1-based position among the spreadsheet's sheets. */
  getIndex(): number {
    return this.ss.sheets.indexOf(this.sheet) + 1;
  }

  getParent(): Spreadsheet {
    return new Spreadsheet(this.ctx, this.ss);
  }

  activate(): Sheet {
    this.ss.activeSheetId = this.sheet.id;
    return this;
  }

  // Ranges

  /** getRange(row, column, numRows?, numColumns?) or getRange(a1Notation). */
  getRange(...args: [string] | [number, number, number?, number?]): Range {
    const given: unknown[] = [...args];
    // Trailing undefined arguments (optional ones forwarded by wrapper code) count as not given.
    while (given.length > 2 && given[given.length - 1] === undefined) given.pop();
    if (given.length === 1 && typeof given[0] === 'string') return this._getRangeByA1(given[0]);
    const [row, column, numRows = 1, numColumns = 1] = requireIntegers(
      'SpreadsheetApp.Sheet.getRange',
      given,
    ) as [number, number, number?, number?];
    return this._range({ row, column, numRows, numColumns });
  }

  private _getRangeByA1(a1: string): Range {
    const ref = parseA1(a1);
    if (!ref || (ref.sheetName !== null && ref.sheetName.toLowerCase() !== this.sheet.name.toLowerCase())) {
      throw new GasError('Range not found');
    }
    return this._range(resolveA1(ref, this.sheet.maxRows, this.sheet.maxColumns));
  }

  /** From A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    return this._range({
      row: 1,
      column: 1,
      numRows: Math.max(1, grid.lastRow(this.sheet)),
      numColumns: Math.max(1, grid.lastColumn(this.sheet)),
    });
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this.getRange(startRow, startColumn, numRows, numColumns).getValues();
  }

  getLastRow(): number {
    return grid.lastRow(this.sheet);
  }

  getLastColumn(): number {
    return grid.lastColumn(this.sheet);
  }

  getMaxRows(): number {
    return this.sheet.maxRows;
  }

  getMaxColumns(): number {
    return this.sheet.maxColumns;
  }

  // Selection

  /** The selection on this sheet; A1 when nothing was selected (where the cursor starts). */
  getActiveRange(): Range {
    return new Range(
      this.ctx,
      this.ss,
      this.sheet,
      this.sheet.selection ?? { row: 1, column: 1, numRows: 1, numColumns: 1 },
    );
  }

  getActiveCell(): Range {
    const r = this.getActiveRange();
    return r.getCell(1, 1);
  }

  setActiveRange(range: RangeLike): Range {
    const { sheet, rect } = resolveRange(this.ctx, range);
    if (sheet !== this.sheet) throw new GasError('The range must be on this sheet.');
    return this._range(rect).activate();
  }

  setActiveSelection(range: RangeLike | string): Range {
    return typeof range === 'string' ? this._getRangeByA1(range).activate() : this.setActiveRange(range);
  }

  // Rows

  /** Writes after the last row with content, adding a row (and columns) when the sheet is full. */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) throw new GasError('Invalid argument: rowContents');
    const row = grid.lastRow(this.sheet) + 1;
    if (row > this.sheet.maxRows) this.sheet.maxRows = row;
    if (rowContents.length > this.sheet.maxColumns) this.sheet.maxColumns = rowContents.length;
    rowContents.forEach((value, j) =>
      grid.editCell(this.sheet, row, j + 1, (cell) => writeInput(cell, value)),
    );
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    const [at, n] = requireIntegers('SpreadsheetApp.Sheet.insertRowsBefore', [beforePosition, howMany]) as [
      number,
      number,
    ];
    this._checkRows(at, 1);
    if (n < 1) throw new GasError('Those rows are out of bounds.');
    grid.insertRows(this.sheet, at, n);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    const [after, n] = requireIntegers('SpreadsheetApp.Sheet.insertRowsAfter', [afterPosition, howMany]) as [
      number,
      number,
    ];
    this._checkRows(after, 1);
    if (n < 1) throw new GasError('Those rows are out of bounds.');
    grid.insertRows(this.sheet, after + 1, n);
    return this;
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const [at, n] = requireIntegers('SpreadsheetApp.Sheet.deleteRows', [rowPosition, howMany]) as [
      number,
      number,
    ];
    this._checkRows(at, n);
    if (at <= this.sheet.frozenRows + 1 && at + n - 1 >= this.sheet.maxRows) {
      throw new GasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    grid.deleteRows(this.sheet, at, n);
  }

  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  getFrozenRows(): number {
    return this.sheet.frozenRows;
  }

  setFrozenRows(rows: number): void {
    const [n] = requireIntegers('SpreadsheetApp.Sheet.setFrozenRows', [rows]) as [number];
    if (n < 0) throw new GasError('Those rows are out of bounds.');
    if (n >= this.sheet.maxRows) throw new GasError("You can't freeze all visible rows on the sheet.");
    this.sheet.frozenRows = n;
  }

  /** Sorts the rows below the frozen ones by one column; cells of every column move with their row. */
  sort(columnPosition: number, ascending = true): Sheet {
    const [column] = requireIntegers('SpreadsheetApp.Sheet.sort', [columnPosition]) as [number];
    this._checkColumns(column, 1);
    const first = this.sheet.frozenRows + 1;
    const last = grid.lastRow(this.sheet);
    if (last >= first) {
      const rect = { row: first, column: 1, numRows: last - first + 1, numColumns: this.sheet.maxColumns };
      grid.sortRows(this.sheet, rect, [{ column, ascending: Boolean(ascending) }]);
    }
    return this;
  }

  // Columns

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    const [at, n] = requireIntegers('SpreadsheetApp.Sheet.insertColumnsBefore', [
      beforePosition,
      howMany,
    ]) as [number, number];
    this._checkColumns(at, 1);
    if (n < 1) throw new GasError('Those columns are out of bounds.');
    grid.insertColumns(this.sheet, at, n);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    const [after, n] = requireIntegers('SpreadsheetApp.Sheet.insertColumnsAfter', [
      afterPosition,
      howMany,
    ]) as [number, number];
    this._checkColumns(after, 1);
    if (n < 1) throw new GasError('Those columns are out of bounds.');
    grid.insertColumns(this.sheet, after + 1, n);
    return this;
  }

  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    const [at, n] = requireIntegers('SpreadsheetApp.Sheet.deleteColumns', [columnPosition, howMany]) as [
      number,
      number,
    ];
    this._checkColumns(at, n);
    if (at <= this.sheet.frozenColumns + 1 && at + n - 1 >= this.sheet.maxColumns) {
      throw new GasError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    grid.deleteColumns(this.sheet, at, n);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  getFrozenColumns(): number {
    return this.sheet.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    const [n] = requireIntegers('SpreadsheetApp.Sheet.setFrozenColumns', [columns]) as [number];
    if (n < 0) throw new GasError('Those columns are out of bounds.');
    if (n >= this.sheet.maxColumns) throw new GasError("You can't freeze all visible columns on the sheet.");
    this.sheet.frozenColumns = n;
  }

  getColumnWidth(columnPosition: number): number {
    const [column] = requireIntegers('SpreadsheetApp.Sheet.getColumnWidth', [columnPosition]) as [number];
    this._checkColumns(column, 1);
    return this.sheet.columnWidths[column - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    const [start, n, w] = requireIntegers('SpreadsheetApp.Sheet.setColumnWidths', [
      startColumn,
      numColumns,
      width,
    ]) as [number, number, number];
    this._checkColumns(start, n);
    for (let c = start; c < start + n; c++) this.sheet.columnWidths[c - 1] = w;
    return this;
  }

  /** Checks its arguments; widths stay as they are, since there is no text rendering to fit. */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    const [start, n] = requireIntegers('SpreadsheetApp.Sheet.autoResizeColumns', [
      startColumn,
      numColumns,
    ]) as [number, number];
    this._checkColumns(start, n);
    return this;
  }

  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this._setColumnsHidden('hideColumns', columnIndex, numColumns, true);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this._setColumnsHidden('showColumns', columnIndex, numColumns, false);
  }

  hideColumn(column: RangeLike): void {
    this.hideColumns(column.getColumn(), column.getNumColumns());
  }

  unhideColumn(column: RangeLike): void {
    this.showColumns(column.getColumn(), column.getNumColumns());
  }

  private _setColumnsHidden(method: string, columnIndex: number, numColumns: number, hidden: boolean): void {
    const [start, n] = requireIntegers(`SpreadsheetApp.Sheet.${method}`, [columnIndex, numColumns]) as [
      number,
      number,
    ];
    this._checkColumns(start, n);
    for (let c = start; c < start + n; c++) {
      if (hidden) this.sheet.hiddenColumns[c - 1] = true;
      else this.sheet.hiddenColumns[c - 1] = undefined;
    }
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    const [column] = requireIntegers('SpreadsheetApp.Sheet.isColumnHiddenByUser', [columnPosition]) as [
      number,
    ];
    this._checkColumns(column, 1);
    return this.sheet.hiddenColumns[column - 1] === true;
  }

  // Sheet visibility

  hideSheet(): Sheet {
    if (!this.sheet.hidden && this.ss.sheets.filter((s) => !s.hidden).length === 1) {
      throw new GasError("You can't hide all the sheets in a document.");
    }
    this.sheet.hidden = true;
    if (this.ss.activeSheetId === this.sheet.id) {
      this.ss.activeSheetId = this.ss.sheets.find((s) => !s.hidden)?.id ?? this.sheet.id;
    }
    return this;
  }

  showSheet(): Sheet {
    this.sheet.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.sheet.hidden;
  }

  // Clearing

  /** Clears contents and formats (notes and validations stay), or only what the options name. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    const both = !options?.contentsOnly && !options?.formatOnly;
    writeAll(this.sheet, this._wholeSheet(), (cell) => {
      if (both || options?.contentsOnly) clearContent(cell);
      if (both || options?.formatOnly) delete cell.format;
    });
    return this;
  }

  clearContents(): Sheet {
    return this.clear({ contentsOnly: true });
  }

  clearFormats(): Sheet {
    return this.clear({ formatOnly: true });
  }

  clearNotes(): Sheet {
    writeAll(this.sheet, this._wholeSheet(), (cell) => delete cell.note);
    return this;
  }

  private _wholeSheet(): GridRect {
    const rows = Math.min(this.sheet.rows.length, this.sheet.maxRows);
    const columns = Math.max(0, ...this.sheet.rows.map((r) => r?.length ?? 0));
    return { row: 1, column: 1, numRows: rows, numColumns: Math.min(columns, this.sheet.maxColumns) };
  }

  // Conditional formatting

  getConditionalFormatRules(): ConditionalFormatRule<Range>[] {
    return this.sheet.conditionalRules.map(
      (rule) =>
        new ConditionalFormatRule<Range>(
          rule.condition,
          rule.ranges.map((rect) => new Range(this.ctx, this.ss, this.sheet, rect)),
        ),
    );
  }

  /** Replaces all of the sheet's rules; every range of every rule must be on this sheet. */
  setConditionalFormatRules(rules: ConditionalFormatRuleLike[]): void {
    if (!Array.isArray(rules)) throw new GasError('Invalid argument: rules');
    this.sheet.conditionalRules = rules.map((rule) => {
      const condition = rule.getBooleanCondition();
      if (!condition) throw new GasError('Only boolean conditional format rules are emulated.');
      const ranges = rule.getRanges().map((range) => {
        const resolved = resolveRange(this.ctx, range);
        if (resolved.sheet !== this.sheet) {
          throw new GasError('Conditional format rule cannot reference a different sheet.');
        }
        return resolved.rect;
      });
      return { condition: conditionSpecOf(condition), ranges };
    });
  }

  clearConditionalFormatRules(): void {
    this.sheet.conditionalRules = [];
  }

  // Developer metadata

  addDeveloperMetadata(key: string, ...rest: string[]): Sheet {
    addMetadata(this.ss, this.sheet.id, key, rest);
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata[] {
    return this.createDeveloperMetadataFinder().find();
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this.ctx, this.ss, this.sheet.id);
  }
}
