/** A spreadsheet file: its sheets, the active sheet and selection, toasts and spreadsheet-level metadata. */
import { GasError, notEmulated } from '../../core/env';
import { parseA1, resolveA1 } from './a1';
import {
  type RangeLike,
  requireIntegers,
  resolveRange,
  resolveSheet,
  type SheetLike,
  type SpreadsheetContext,
} from './context';
import { isValidTimeZone } from './display';
import { addMetadata, DeveloperMetadata, DeveloperMetadataFinder } from './metadata';
import { findSheetByName, newSheetData, nextSheetId, type SheetData, type SpreadsheetData } from './model';
import { boundedRange, Range } from './range';
import { checkSheetName, Sheet } from './sheet';

export class Spreadsheet implements Pick<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getNumSheets'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'toast'
> {
  private readonly ctx: SpreadsheetContext;
  private readonly ss: SpreadsheetData;

  constructor(ctx: SpreadsheetContext, ss: SpreadsheetData) {
    this.ctx = ctx;
    this.ss = ss;
  }

  private _view(sheet: SheetData): Sheet {
    return new Sheet(this.ctx, this.ss, sheet);
  }

  private _activeSheetData(): SheetData {
    const sheet = this.ss.sheets.find((s) => s.id === this.ss.activeSheetId) ?? this.ss.sheets[0];
    if (!sheet) throw new GasError('The spreadsheet has no sheets.');
    return sheet;
  }

  /** A sheet handed back by the script must belong to this spreadsheet. */
  private _own(sheetLike: SheetLike): SheetData {
    const { ss, sheet } = resolveSheet(this.ctx, sheetLike);
    if (ss !== this.ss) throw new GasError('The sheet belongs to a different spreadsheet.');
    return sheet;
  }

  getId(): string {
    return this.ss.id;
  }

  getName(): string {
    return this.ss.name;
  }

  rename(newName: string): void {
    this.ss.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ss.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.ss.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(String(timezone))) throw new GasError('Invalid argument: timezone');
    this.ss.timeZone = String(timezone);
  }

  getSpreadsheetLocale(): string {
    return this.ss.locale;
  }

  // Sheets

  getSheets(): Sheet[] {
    return this.ss.sheets.map((s) => this._view(s));
  }

  getNumSheets(): number {
    return this.ss.sheets.length;
  }

  /** Sheet names are unique ignoring case, so the lookup ignores case too. */
  getSheetByName(name: string): Sheet | null {
    const sheet = findSheetByName(this.ss, String(name));
    return sheet ? this._view(sheet) : null;
  }

  getSheetById(id: number): Sheet | null {
    const sheet = this.ss.sheets.find((s) => s.id === Number(id));
    return sheet ? this._view(sheet) : null;
  }

  /**
   * insertSheet(), (index), (name), (name, index): index is 0-based; without it the sheet goes last.
   * The new sheet becomes the active sheet. Templates (options) are not emulated.
   */
  insertSheet(...args: unknown[]): Sheet {
    if (args.some((a) => a !== null && typeof a === 'object'))
      notEmulated('Spreadsheet.insertSheet(options)');
    const name = typeof args[0] === 'string' ? args[0] : this._defaultSheetName();
    const indexArg = typeof args[0] === 'string' ? args[1] : args[0];
    const index =
      indexArg === undefined
        ? this.ss.sheets.length
        : (requireIntegers('SpreadsheetApp.Spreadsheet.insertSheet', [indexArg])[0] ?? 0);
    if (index < 0 || index > this.ss.sheets.length) throw new GasError('Invalid argument: sheetIndex');
    checkSheetName(this.ss, name);
    const sheet = newSheetData(nextSheetId(this.ss), name);
    this.ss.sheets.splice(index, 0, sheet);
    this.ss.activeSheetId = sheet.id;
    return this._view(sheet);
  }

  private _defaultSheetName(): string {
    let n = this.ss.sheets.length + 1;
    while (findSheetByName(this.ss, `Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  deleteSheet(sheet: SheetLike): void {
    const data = this._own(sheet);
    if (this.ss.sheets.filter((s) => !s.hidden && s !== data).length === 0) {
      throw new GasError("You can't remove all the sheets in a document.");
    }
    this.ss.sheets = this.ss.sheets.filter((s) => s !== data);
    this.ss.metadata = this.ss.metadata.filter((m) => m.sheetId !== data.id);
    if (this.ss.activeSheetId === data.id) this.ss.activeSheetId = this.ss.sheets[0]?.id ?? 0;
  }

  getActiveSheet(): Sheet {
    return this._view(this._activeSheetData());
  }

  setActiveSheet(sheet: SheetLike): Sheet {
    const data = this._own(sheet);
    this.ss.activeSheetId = data.id;
    return this._view(data);
  }

  // Selection

  /** The selection on the active sheet; A1 when nothing was selected. */
  getActiveRange(): Range {
    return this.getActiveSheet().getActiveRange();
  }

  getActiveCell(): Range {
    return this.getActiveSheet().getActiveCell();
  }

  getCurrentCell(): Range {
    return this.getActiveCell();
  }

  /** Selects the range and activates its sheet. */
  setActiveRange(range: RangeLike): Range {
    const { ss, sheet, rect } = resolveRange(this.ctx, range);
    if (ss !== this.ss) throw new GasError('The range belongs to a different spreadsheet.');
    return boundedRange(this.ctx, this.ss, sheet, rect).activate();
  }

  setActiveSelection(range: RangeLike | string): Range {
    return typeof range === 'string' ? this.getRange(range).activate() : this.setActiveRange(range);
  }

  /** "Sheet!A1:B2", or A1 notation on the active sheet. */
  getRange(a1Notation: string): Range {
    const ref = parseA1(String(a1Notation));
    if (!ref) throw new GasError('Range not found');
    const sheet = ref.sheetName === null ? this._activeSheetData() : findSheetByName(this.ss, ref.sheetName);
    if (!sheet) throw new GasError('Range not found');
    return boundedRange(this.ctx, this.ss, sheet, resolveA1(ref, sheet.maxRows, sheet.maxColumns));
  }

  /** Records the toast on the spreadsheet's UI (see SpreadsheetStore.ui). */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.store.ui(this.ss.id).toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined || timeoutSeconds === null ? 5 : Number(timeoutSeconds),
      at: this.ctx.env.now(),
    });
  }

  // Shortcuts to the active sheet, as Apps Script has them

  getSheetName(): string {
    return this._activeSheetData().name;
  }

  getSheetId(): number {
    return this._activeSheetData().id;
  }

  appendRow(rowContents: unknown[]): Sheet {
    return this.getActiveSheet().appendRow(rowContents);
  }

  getDataRange(): Range {
    return this.getActiveSheet().getDataRange();
  }

  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }

  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }

  getFrozenRows(): number {
    return this.getActiveSheet().getFrozenRows();
  }

  setFrozenRows(rows: number): void {
    this.getActiveSheet().setFrozenRows(rows);
  }

  // Developer metadata

  addDeveloperMetadata(key: string, ...rest: string[]): Spreadsheet {
    addMetadata(this.ss, null, key, rest);
    return this;
  }

  /** Only the metadata on the spreadsheet itself, as Apps Script documents; the finder searches sheets too. */
  getDeveloperMetadata(): DeveloperMetadata[] {
    return this.createDeveloperMetadataFinder().withLocationType('SPREADSHEET').find();
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this.ctx, this.ss, null);
  }
}
