/**
 * Where each Batch column is today, found from the header row's text. Jenny may add, move and hide
 * columns, so nothing relies on a position; only a missing header stops the add-on, with a message that
 * says which one and how to get it back.
 */
import { APP_NAME } from '../../shared/app';
import { COLUMNS, type ColumnKey } from '../../shared/columns';

/** 1-based column numbers. The variation overrides are optional: without their column a row uses the
 * sidebar's numbers. */
export type BatchLayout = { readonly [K in RequiredKey]: number } & {
  readonly [K in OptionalKey]: number | null;
};

type OptionalKey = 'photoVariations' | 'textVariations';
type RequiredKey = Exclude<ColumnKey, OptionalKey>;

const OPTIONAL: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['photoVariations', 'textVariations']);

export const SET_UP_SHEET_HINT = `use Extensions › ${APP_NAME} › Set up sheet to add it back (nothing you typed is removed)`;

/** The Batch sheet lacks headers the add-on needs. */
export class MissingColumnsError extends Error {
  readonly missing: readonly string[];

  constructor(missing: readonly string[]) {
    const names = missing.map((header) => `"${header}"`);
    const list =
      names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const hint =
      missing.length === 1 ? SET_UP_SHEET_HINT : SET_UP_SHEET_HINT.replace('add it back', 'add them back');
    super(`The Batch sheet has no ${list} column${missing.length === 1 ? '' : 's'}: ${hint}.`);
    this.name = 'MissingColumnsError';
    this.missing = missing;
  }
}

/** "  Product   PHOTO " and "product photo" are the same header. */
export function normalizeHeader(value: unknown): string {
  return String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Column number of each known header (the leftmost when a header appears twice); absent when missing. */
export function locateColumns(headerRow: readonly unknown[]): Partial<Record<ColumnKey, number>> {
  const byHeader = new Map<string, number>();
  headerRow.forEach((value, index) => {
    const header = normalizeHeader(value);
    if (header !== '' && !byHeader.has(header)) byHeader.set(header, index + 1);
  });
  const found: Partial<Record<ColumnKey, number>> = {};
  for (const column of COLUMNS) {
    const position = byHeader.get(normalizeHeader(column.header));
    if (position !== undefined) found[column.key] = position;
  }
  return found;
}

/** The layout of a header row; throws MissingColumnsError naming every required header that is missing. */
export function findColumns(headerRow: readonly unknown[]): BatchLayout {
  const found = locateColumns(headerRow);
  const missing = COLUMNS.filter((c) => !OPTIONAL.has(c.key) && found[c.key] === undefined);
  if (missing.length > 0) throw new MissingColumnsError(missing.map((c) => c.header));
  const at = (key: RequiredKey): number => found[key] as number;
  return {
    link: at('link'),
    photo: at('photo'),
    description: at('description'),
    status: at('status'),
    output: at('output'),
    error: at('error'),
    rowId: at('rowId'),
    photoVariations: found.photoVariations ?? null,
    textVariations: found.textVariations ?? null,
  };
}

/** The spreadsheet has no Batch sheet at all. */
export class NoBatchSheetError extends Error {
  constructor() {
    super(`This spreadsheet has no Batch sheet: use Extensions › ${APP_NAME} › Set up sheet to create it.`);
    this.name = 'NoBatchSheetError';
  }
}
