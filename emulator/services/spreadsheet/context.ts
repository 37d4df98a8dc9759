/** What every Spreadsheet, Sheet and Range view shares, and how views passed back in are resolved. */
import type { ServiceEnv } from '../../core/env';
import { GasError } from '../../core/env';
import type { GridRect } from './a1';
import type { SheetData, SpreadsheetData } from './model';
import type { SpreadsheetStore } from './store';
import { isDate } from './values';

export interface SpreadsheetContext {
  readonly env: ServiceEnv;
  readonly store: SpreadsheetStore;
}

/**
 * A Range as a script hands it back (it may be wrapped by the runtime): read only through the public
 * methods Apps Script has, never through emulator internals.
 */
export interface RangeLike {
  getSheet(): SheetLike;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
}

export interface SheetLike {
  getSheetId(): number;
  getParent(): { getId(): string };
}

export interface ResolvedSheet {
  ss: SpreadsheetData;
  sheet: SheetData;
}

export function resolveSheet(ctx: SpreadsheetContext, sheetLike: SheetLike): ResolvedSheet {
  const ss = ctx.store.get(sheetLike.getParent().getId());
  const id = sheetLike.getSheetId();
  const sheet = ss?.sheets.find((s) => s.id === id);
  if (!ss || !sheet) throw new GasError('The sheet you are referring to no longer exists.');
  return { ss, sheet };
}

export function resolveRange(ctx: SpreadsheetContext, range: RangeLike): ResolvedSheet & { rect: GridRect } {
  const resolved = resolveSheet(ctx, range.getSheet());
  const rect = {
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
  return { ...resolved, rect };
}

/** Apps Script's type names in "The parameters (...) don't match the method signature" errors. */
function gasTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  return 'Object';
}

export function signatureError(method: string, args: readonly unknown[]): GasError {
  return new GasError(
    `The parameters (${args.map(gasTypeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** Throws Apps Script's signature error unless every argument is a finite number. */
export function requireIntegers(method: string, args: readonly unknown[]): number[] {
  if (!args.every((a) => typeof a === 'number' && Number.isFinite(a))) throw signatureError(method, args);
  // Apps Script truncates fractional positions to integers.
  return args.map((a) => Math.trunc(a as number));
}
