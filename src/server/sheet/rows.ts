/**
 * The Batch sheet's rows as plain data, from one block of display values (row 1 is the header). Pure, so
 * the adapter, Set up sheet and onEdit all read rows the same way.
 */
import type { BatchRowInput } from '../ports/sheet';
import { parseVariationOverride, type RowCheckInput } from '../../shared/row-check';
import type { BatchLayout } from './layout';

export interface SheetRow {
  readonly rowNumber: number;
  /** '' until the sheet layer gives the row an id. */
  readonly rowId: string;
  readonly link: string;
  readonly photo: string;
  readonly description: string;
  readonly photoVariations: string;
  readonly textVariations: string;
  readonly status: string;
  /** Something in Link, Product photo or Product description: a batch row. */
  readonly filled: boolean;
}

/** The link behind a cell's text (a pasted hyperlink or a smart chip), or null. */
export type LinkLookup = (rowNumber: number, column: number) => string | null;

/** `values[0]` is the header row; every later line is a sheet row, numbered from 2. */
export function readSheetRows(
  values: readonly (readonly unknown[])[],
  layout: BatchLayout,
  linkAt: LinkLookup = () => null,
): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let index = 1; index < values.length; index++) {
    const line = values[index] ?? [];
    const rowNumber = index + 1;
    const text = (column: number | null): string => (column === null ? '' : cellText(line[column - 1]));
    const link = withHiddenLink(text(layout.link), linkAt(rowNumber, layout.link));
    const photo = withHiddenLink(text(layout.photo), linkAt(rowNumber, layout.photo));
    const description = text(layout.description);
    rows.push({
      rowNumber,
      rowId: text(layout.rowId).trim(),
      link,
      photo,
      description,
      photoVariations: text(layout.photoVariations),
      textVariations: text(layout.textVariations),
      status: text(layout.status),
      filled: link.trim() !== '' || photo.trim() !== '' || description.trim() !== '',
    });
  }
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * A smart chip or a pasted hyperlink shows a title ("bottle.jpg") while the address is the link behind
 * it. When the text itself holds no address, the link is what the cell points at.
 */
function withHiddenLink(text: string, link: string | null): string {
  if (!link) return text;
  return /:\/\/|www\.|\//i.test(text) ? text : link;
}

/** Keyed by row number: ids may be missing, or shared by a copied row, until the adapter assigns them. */
export function toRowCheckInput(row: SheetRow, countsTowardLimit = true): RowCheckInput {
  return {
    rowId: `row-${row.rowNumber}`,
    rowNumber: row.rowNumber,
    link: row.link,
    photo: row.photo,
    description: row.description,
    photoVariations: row.photoVariations,
    textVariations: row.textVariations,
    countsTowardLimit,
  };
}

/** An invalid override reads as null here: the row check has already made such a row not ready. */
export function toBatchRowInput(row: SheetRow, rowId: string): BatchRowInput {
  const photoVariations = parseVariationOverride(row.photoVariations);
  const textVariations = parseVariationOverride(row.textVariations);
  return {
    rowId,
    rowNumber: row.rowNumber,
    link: row.link,
    photo: row.photo,
    description: row.description,
    photoVariations: photoVariations.ok ? photoVariations.value : null,
    textVariations: textVariations.ok ? textVariations.value : null,
  };
}
