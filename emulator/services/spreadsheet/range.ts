/**
 * A block of cells on a sheet. Like Apps Script's, a Range keeps its coordinates: inserting rows above
 * it does not move it.
 */
import { GasError } from '../../core/env';
import { type GridRect, rectToA1 } from './a1';
import {
  checkDimensions,
  clearContent,
  readGrid,
  setFormat,
  writeAll,
  writeFormula,
  writeGrid,
  writeInput,
} from './cells';
import { normalizeColor } from './colors';
import { requireIntegers, type SpreadsheetContext } from './context';
import { displayValue } from './display';
import { getCell, hasContent, type SortKey, sortRows } from './grid';
import type { CellData, CellFormat, SheetData, SpreadsheetData, ValidationSpec } from './model';
import { linksOf, type RichTextLike, RichTextValue } from './richtext';
import { Sheet } from './sheet';
import { DataValidation, type DataValidationLike, validationSpecOf } from './validation';
import { AUTOMATIC_FORMAT, type CellValue, copyValue } from './values';

/** What getters return for a cell nobody formatted. */
const DEFAULTS = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  wrapStrategy: 'OVERFLOW',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  numberFormat: AUTOMATIC_FORMAT,
} as const;

type FormatKey = keyof typeof DEFAULTS;

/** Builds a range after Apps Script's bounds checks, with its error messages. */
export function boundedRange(
  ctx: SpreadsheetContext,
  ss: SpreadsheetData,
  sheet: SheetData,
  rect: GridRect,
): Range {
  if (rect.row < 1) throw new GasError('The starting row of the range is too small.');
  if (rect.column < 1) throw new GasError('The starting column of the range is too small.');
  if (rect.numRows < 1) throw new GasError('The number of rows in the range must be at least 1.');
  if (rect.numColumns < 1) throw new GasError('The number of columns in the range must be at least 1.');
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns) {
    throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new Range(ctx, ss, sheet, rect);
}

function checkboxValues(cell: CellData | undefined): { checked: unknown; unchecked: unknown } | null {
  const v = cell?.validation;
  if (v?.criteria !== 'CHECKBOX') return null;
  return {
    checked: v.values.length > 0 ? v.values[0] : true,
    unchecked: v.values.length > 1 ? v.values[1] : false,
  };
}

function parseSortSpec(spec: unknown, rect: GridRect): SortKey[] {
  const items = Array.isArray(spec) ? spec : [spec];
  return items.map((item: unknown) => {
    let key: SortKey;
    if (typeof item === 'number') key = { column: item, ascending: true };
    else if (item !== null && typeof item === 'object' && 'column' in item) {
      const { column, ascending } = item as { column: unknown; ascending?: unknown };
      key = { column: Number(column), ascending: ascending === undefined ? true : Boolean(ascending) };
    } else throw new GasError('Invalid argument: sortSpecObj');
    if (key.column < rect.column || key.column >= rect.column + rect.numColumns) {
      throw new GasError(`The sort column ${key.column} is outside the range.`);
    }
    return key;
  });
}

export class Range implements Pick<
  GoogleAppsScript.Spreadsheet.Range,
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormula'
  | 'getFormulas'
  | 'getNote'
  | 'getNotes'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getGridId'
  | 'getHeight'
  | 'getWidth'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontSize'
  | 'getFontFamily'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getVerticalAlignment'
  | 'getWrap'
  | 'getWraps'
  | 'isBlank'
  | 'isChecked'
> {
  private readonly ctx: SpreadsheetContext;
  private readonly ss: SpreadsheetData;
  private readonly sheet: SheetData;
  private readonly rect: GridRect;

  constructor(ctx: SpreadsheetContext, ss: SpreadsheetData, sheet: SheetData, rect: GridRect) {
    this.ctx = ctx;
    this.ss = ss;
    this.sheet = sheet;
    this.rect = { ...rect };
  }

  private _read<T>(read: (cell: CellData | undefined) => T): T[][] {
    return readGrid(this.sheet, this.rect, read);
  }

  private _topLeft(): CellData | undefined {
    return getCell(this.sheet, this.rect.row, this.rect.column);
  }

  private _writeGrid(method: string, data: unknown, write: (cell: CellData, input: unknown) => void): Range {
    writeGrid(
      this.sheet,
      this.rect,
      checkDimensions(`SpreadsheetApp.Range.${method}`, data, this.rect),
      write,
    );
    return this;
  }

  private _writeAll(write: (cell: CellData) => void): Range {
    writeAll(this.sheet, this.rect, write);
    return this;
  }

  private _formatOf<K extends FormatKey>(
    cell: CellData | undefined,
    key: K,
  ): NonNullable<CellFormat[K]> | (typeof DEFAULTS)[K] {
    return cell?.format?.[key] ?? DEFAULTS[key];
  }

  // Geometry

  getA1Notation(): string {
    return rectToA1(this.rect);
  }

  getRow(): number {
    return this.rect.row;
  }

  getRowIndex(): number {
    return this.rect.row;
  }

  getColumn(): number {
    return this.rect.column;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumColumns(): number {
    return this.rect.numColumns;
  }

  getHeight(): number {
    return this.rect.numRows;
  }

  getWidth(): number {
    return this.rect.numColumns;
  }

  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }

  getGridId(): number {
    return this.sheet.id;
  }

  getSheet(): Sheet {
    return new Sheet(this.ctx, this.ss, this.sheet);
  }

  getCell(row: number, column: number): Range {
    const [r, c] = requireIntegers('SpreadsheetApp.Range.getCell', [row, column]) as [number, number];
    if (r < 1 || c < 1 || r > this.rect.numRows || c > this.rect.numColumns) {
      throw new GasError('Cell reference out of range');
    }
    return new Range(this.ctx, this.ss, this.sheet, {
      row: this.rect.row + r - 1,
      column: this.rect.column + c - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const args = [rowOffset, columnOffset, numRows ?? this.rect.numRows, numColumns ?? this.rect.numColumns];
    const [ro, co, nr, nc] = requireIntegers('SpreadsheetApp.Range.offset', args) as [
      number,
      number,
      number,
      number,
    ];
    return boundedRange(this.ctx, this.ss, this.sheet, {
      row: this.rect.row + ro,
      column: this.rect.column + co,
      numRows: nr,
      numColumns: nc,
    });
  }

  /** Makes this range the selection and its sheet the active sheet. */
  activate(): Range {
    this.ss.activeSheetId = this.sheet.id;
    this.sheet.selection = { ...this.rect };
    return this;
  }

  isBlank(): boolean {
    return this._read((cell) => hasContent(cell)).every((row) => row.every((filled) => !filled));
  }

  // Values and formulas

  getValue(): CellValue {
    return copyValue(this._topLeft()?.value ?? '');
  }

  getValues(): CellValue[][] {
    return this._read((cell) => copyValue(cell?.value ?? ''));
  }

  setValue(value: unknown): Range {
    return this._writeAll((cell) => writeInput(cell, value));
  }

  setValues(values: unknown[][]): Range {
    return this._writeGrid('setValues', values, writeInput);
  }

  getDisplayValue(): string {
    const cell = this._topLeft();
    return displayValue(cell?.value ?? '', cell?.format?.numberFormat, this.ss.timeZone);
  }

  getDisplayValues(): string[][] {
    return this._read((cell) =>
      displayValue(cell?.value ?? '', cell?.format?.numberFormat, this.ss.timeZone),
    );
  }

  getFormula(): string {
    return this._topLeft()?.formula ?? '';
  }

  getFormulas(): string[][] {
    return this._read((cell) => cell?.formula ?? '');
  }

  setFormula(formula: string): Range {
    return this._writeAll((cell) => writeFormula(cell, formula));
  }

  setFormulas(formulas: string[][]): Range {
    return this._writeGrid('setFormulas', formulas, writeFormula);
  }

  clearContent(): Range {
    return this._writeAll(clearContent);
  }

  clearFormat(): Range {
    return this._writeAll((cell) => delete cell.format);
  }

  clearNote(): Range {
    return this._writeAll((cell) => delete cell.note);
  }

  clearDataValidations(): Range {
    return this._writeAll((cell) => delete cell.validation);
  }

  /**
   * Without options clears contents, formats, notes and validations ("by default all data is cleared");
   * with options only what they name.
   */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): Range {
    const o = options ?? {};
    const any = Boolean(o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly);
    return this._writeAll((cell) => {
      if (!any || o.contentsOnly) clearContent(cell);
      if (!any || o.formatOnly) delete cell.format;
      if (!any || o.validationsOnly) delete cell.validation;
      if (!any || o.commentsOnly) delete cell.note;
    });
  }

  // Notes

  getNote(): string {
    return this._topLeft()?.note ?? '';
  }

  getNotes(): string[][] {
    return this._read((cell) => cell?.note ?? '');
  }

  setNote(note: string | null): Range {
    return this._writeAll((cell) => writeNote(cell, note));
  }

  setNotes(notes: (string | null)[][]): Range {
    return this._writeGrid('setNotes', notes, writeNote);
  }

  // Formats

  getNumberFormat(): string {
    return this._formatOf(this._topLeft(), 'numberFormat');
  }

  getNumberFormats(): string[][] {
    return this._read((cell) => this._formatOf(cell, 'numberFormat'));
  }

  setNumberFormat(numberFormat: string): Range {
    return this._writeAll((cell) => setFormat(cell, 'numberFormat', String(numberFormat)));
  }

  setNumberFormats(numberFormats: string[][]): Range {
    return this._writeGrid('setNumberFormats', numberFormats, (cell, f) =>
      setFormat(cell, 'numberFormat', String(f)),
    );
  }

  getBackground(): string {
    return this._formatOf(this._topLeft(), 'background');
  }

  getBackgrounds(): string[][] {
    return this._read((cell) => this._formatOf(cell, 'background'));
  }

  setBackground(color: string | null): Range {
    return this._writeAll((cell) => setFormat(cell, 'background', colorOrDefault(color)));
  }

  setBackgrounds(colors: (string | null)[][]): Range {
    return this._writeGrid('setBackgrounds', colors, (cell, c) =>
      setFormat(cell, 'background', colorOrDefault(c)),
    );
  }

  setBackgroundRGB(red: number, green: number, blue: number): Range {
    const hex = [red, green, blue].map((n) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0'),
    );
    return this.setBackground(`#${hex.join('')}`);
  }

  getFontColor(): string {
    return this._formatOf(this._topLeft(), 'fontColor');
  }

  getFontColors(): string[][] {
    return this._read((cell) => this._formatOf(cell, 'fontColor'));
  }

  setFontColor(color: string | null): Range {
    return this._writeAll((cell) => setFormat(cell, 'fontColor', colorOrDefault(color)));
  }

  setFontColors(colors: (string | null)[][]): Range {
    return this._writeGrid('setFontColors', colors, (cell, c) =>
      setFormat(cell, 'fontColor', colorOrDefault(c)),
    );
  }

  getFontWeight(): string {
    return this._formatOf(this._topLeft(), 'fontWeight');
  }

  getFontWeights(): string[][] {
    return this._read((cell) => this._formatOf(cell, 'fontWeight'));
  }

  setFontWeight(fontWeight: string | null): Range {
    return this._writeAll((cell) => setFormat(cell, 'fontWeight', textOrDefault(fontWeight)));
  }

  setFontWeights(fontWeights: (string | null)[][]): Range {
    return this._writeGrid('setFontWeights', fontWeights, (cell, w) =>
      setFormat(cell, 'fontWeight', textOrDefault(w)),
    );
  }

  getFontStyle(): string {
    return this._formatOf(this._topLeft(), 'fontStyle');
  }

  setFontStyle(fontStyle: string | null): Range {
    return this._writeAll((cell) => setFormat(cell, 'fontStyle', textOrDefault(fontStyle)));
  }

  getFontSize(): number {
    return this._formatOf(this._topLeft(), 'fontSize');
  }

  setFontSize(size: number): Range {
    return this._writeAll((cell) => setFormat(cell, 'fontSize', Number(size)));
  }

  getFontFamily(): string {
    return this._formatOf(this._topLeft(), 'fontFamily');
  }

  setFontFamily(fontFamily: string | null): Range {
    return this._writeAll((cell) => setFormat(cell, 'fontFamily', textOrDefault(fontFamily)));
  }

  getWrap(): boolean {
    return this._formatOf(this._topLeft(), 'wrapStrategy') === 'WRAP';
  }

  getWraps(): boolean[][] {
    return this._read((cell) => this._formatOf(cell, 'wrapStrategy') === 'WRAP');
  }

  setWrap(isWrapEnabled: boolean): Range {
    return this._writeAll((cell) => setFormat(cell, 'wrapStrategy', isWrapEnabled ? 'WRAP' : 'OVERFLOW'));
  }

  setWraps(isWrapEnabled: boolean[][]): Range {
    return this._writeGrid('setWraps', isWrapEnabled, (cell, w) =>
      setFormat(cell, 'wrapStrategy', w ? 'WRAP' : 'OVERFLOW'),
    );
  }

  getWrapStrategy(): string {
    return this._formatOf(this._topLeft(), 'wrapStrategy');
  }

  setWrapStrategy(strategy: unknown): Range {
    return this._writeAll((cell) => setFormat(cell, 'wrapStrategy', String(strategy)));
  }

  getHorizontalAlignment(): string {
    return this._formatOf(this._topLeft(), 'horizontalAlignment');
  }

  getHorizontalAlignments(): string[][] {
    return this._read((cell) => this._formatOf(cell, 'horizontalAlignment'));
  }

  setHorizontalAlignment(alignment: string | null): Range {
    return this._writeAll((cell) => setFormat(cell, 'horizontalAlignment', textOrDefault(alignment)));
  }

  setHorizontalAlignments(alignments: (string | null)[][]): Range {
    return this._writeGrid('setHorizontalAlignments', alignments, (cell, a) =>
      setFormat(cell, 'horizontalAlignment', textOrDefault(a)),
    );
  }

  getVerticalAlignment(): string {
    return this._formatOf(this._topLeft(), 'verticalAlignment');
  }

  setVerticalAlignment(alignment: string | null): Range {
    return this._writeAll((cell) => setFormat(cell, 'verticalAlignment', textOrDefault(alignment)));
  }

  // Data validation

  getDataValidation(): DataValidation | null {
    const spec = this._topLeft()?.validation;
    return spec ? new DataValidation(spec) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this._read((cell) => (cell?.validation ? new DataValidation(cell.validation) : null));
  }

  /** Stores the rule; existing values are kept even when they break it (rules are not evaluated). */
  setDataValidation(rule: DataValidationLike | null): Range {
    const spec = rule === null ? null : validationSpecOf(rule);
    return this._writeAll((cell) => writeValidation(cell, spec));
  }

  setDataValidations(rules: (DataValidationLike | null)[][]): Range {
    return this._writeGrid('setDataValidations', rules, (cell, rule) =>
      writeValidation(
        cell,
        rule === null || rule === undefined ? null : validationSpecOf(rule as DataValidationLike),
      ),
    );
  }

  // Checkboxes

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    const spec: ValidationSpec = { criteria: 'CHECKBOX', values, allowInvalid: false, helpText: null };
    return this._writeAll((cell) => {
      writeValidation(cell, spec);
      writeCheckboxValue(cell, uncheckedValue ?? false);
    });
  }

  /** Clears checkbox validation, and the value when it was the checked or unchecked value. */
  removeCheckboxes(): Range {
    return this._writeAll((cell) => {
      const box = checkboxValues(cell);
      if (!box) return;
      delete cell.validation;
      if (cell.value === box.checked || cell.value === box.unchecked) clearContent(cell);
    });
  }

  /** true when every cell is a checked checkbox, false when every one is unchecked, else null. */
  isChecked(): boolean | null {
    const states = this._read((cell) => {
      const box = checkboxValues(cell);
      if (!box) return null;
      return (cell?.value ?? '') === box.checked;
    }).flat();
    if (states.some((s) => s === null)) return null;
    if (states.every((s) => s === true)) return true;
    return states.every((s) => s === false) ? false : null;
  }

  check(): Range {
    return this._writeAll((cell) => {
      const box = checkboxValues(cell);
      if (box) writeCheckboxValue(cell, box.checked);
    });
  }

  uncheck(): Range {
    return this._writeAll((cell) => {
      const box = checkboxValues(cell);
      if (box) writeCheckboxValue(cell, box.unchecked);
    });
  }

  // Rich text

  /** null when the cell holds a number, boolean or date, as Apps Script returns for non-text. */
  getRichTextValue(): RichTextValue | null {
    return richTextOf(this._topLeft());
  }

  getRichTextValues(): (RichTextValue | null)[][] {
    return this._read(richTextOf);
  }

  /** Stores the text verbatim (never parsed as a number or formula) with its links. */
  setRichTextValue(value: RichTextLike): Range {
    const { text, links } = linksOf(value);
    return this._writeAll((cell) => writeRichText(cell, text, links));
  }

  setRichTextValues(values: RichTextLike[][]): Range {
    return this._writeGrid('setRichTextValues', values, (cell, v) => {
      const { text, links } = linksOf(v as RichTextLike);
      writeRichText(cell, text, links);
    });
  }

  // Sorting

  /** Sorts the rows of this range by a column number, {column, ascending}, or a list of those. */
  sort(sortSpecObj: unknown): Range {
    sortRows(this.sheet, this.rect, parseSortSpec(sortSpecObj, this.rect));
    return this;
  }
}

function colorOrDefault(color: unknown): string | undefined {
  return color === null || color === undefined || color === '' ? undefined : normalizeColor(String(color));
}

function textOrDefault(text: unknown): string | undefined {
  return text === null || text === undefined || text === '' ? undefined : String(text);
}

function writeNote(cell: CellData, note: unknown): void {
  if (note === null || note === undefined || note === '') delete cell.note;
  else cell.note = String(note);
}

function writeValidation(cell: CellData, spec: ValidationSpec | null): void {
  if (spec === null) delete cell.validation;
  else cell.validation = { ...spec, values: [...spec.values] };
}

function writeCheckboxValue(cell: CellData, value: unknown): void {
  clearContent(cell);
  cell.value =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : false;
}

function writeRichText(cell: CellData, text: string, links: CellData['links']): void {
  clearContent(cell);
  cell.value = text;
  if (links && links.length > 0) cell.links = links.map((l) => ({ ...l }));
}

function richTextOf(cell: CellData | undefined): RichTextValue | null {
  const value = cell?.value ?? '';
  return typeof value === 'string' ? new RichTextValue(value, cell?.links ?? []) : null;
}
