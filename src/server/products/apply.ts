/**
 * What Apply writes into the Batch sheet: the cells, planned from one read of the sheet, and the rows as
 * they will be afterwards (so their Status can be checked again without a second read). Pure.
 *
 * Photos are written as Drive file links and descriptions as text, through the sheet layer's text
 * escape: nothing becomes a formula. Cells that already hold something are left alone unless
 * `replaceExisting` says otherwise.
 */
import { fileUrl } from '../drive';
import type { BatchLayout } from '../sheet/layout';
import type { SheetRow } from '../sheet/rows';
import type { CellWrite } from '../sheet/write-blocks';
import { parsePhotoRef } from '../../shared/photo-ref';

export interface PlannedWrites {
  writes: CellWrite<string>[];
  photosWritten: number;
  descriptionsWritten: number;
  skipped: { rowNumber: number | null; reason: string }[];
  /** Every row, with the planned values in place. */
  rowsAfter: SheetRow[];
  /** The rows that change. */
  changedRows: Set<number>;
}

/** A Drive file id as Drive makes them; anything else is not written into a cell. */
const DRIVE_FILE_ID = /^[A-Za-z0-9_-]{10,}$/;

export function isDriveFileId(id: string): boolean {
  return DRIVE_FILE_ID.test(id);
}

function empty(text: string): boolean {
  return text.trim() === '';
}

class Planner {
  readonly writes: CellWrite<string>[] = [];
  readonly changedRows = new Set<number>();
  private readonly changed = new Map<number, { photo?: string; description?: string }>();
  photosWritten = 0;
  descriptionsWritten = 0;

  constructor(
    private readonly layout: BatchLayout,
    readonly rows: readonly SheetRow[],
  ) {}

  photo(row: SheetRow, text: string): void {
    this.writes.push({ rowNumber: row.rowNumber, column: this.layout.photo, value: text });
    this.note(row, { photo: text });
    this.photosWritten += 1;
  }

  description(row: SheetRow, text: string): void {
    this.writes.push({ rowNumber: row.rowNumber, column: this.layout.description, value: text });
    this.note(row, { description: text });
    this.descriptionsWritten += 1;
  }

  private note(row: SheetRow, values: { photo?: string; description?: string }): void {
    this.changedRows.add(row.rowNumber);
    this.changed.set(row.rowNumber, { ...this.changed.get(row.rowNumber), ...values });
  }

  result(skipped: PlannedWrites['skipped']): PlannedWrites {
    const rowsAfter = this.rows.map((row) => {
      const values = this.changed.get(row.rowNumber);
      if (!values) return row;
      const next = { ...row, ...values };
      return { ...next, filled: [next.link, next.photo, next.description].some((text) => !empty(text)) };
    });
    return {
      writes: this.writes,
      photosWritten: this.photosWritten,
      descriptionsWritten: this.descriptionsWritten,
      skipped,
      rowsAfter,
      changedRows: this.changedRows,
    };
  }
}

/** Rows by their hidden id; a row copied with another's id shares it until the next read: first wins. */
function rowsById(rows: readonly SheetRow[]): Map<string, SheetRow> {
  const byId = new Map<string, SheetRow>();
  for (const row of rows)
    if (row.filled && row.rowId !== '' && !byId.has(row.rowId)) byId.set(row.rowId, row);
  return byId;
}

/** The previewed matching: each row id gets the link of its Drive file. */
export function planMatchWrites(
  layout: BatchLayout,
  rows: readonly SheetRow[],
  assignments: readonly { rowId: string; fileId: string }[],
  replaceExisting: boolean,
): PlannedWrites {
  const planner = new Planner(layout, rows);
  const byId = rowsById(rows);
  const skipped: PlannedWrites['skipped'] = [];
  const seen = new Set<string>();
  for (const { rowId, fileId } of assignments) {
    if (seen.has(rowId)) continue;
    seen.add(rowId);
    const row = byId.get(rowId);
    if (!row) {
      skipped.push({
        rowNumber: null,
        reason: 'a row of the preview is no longer in the sheet (deleted or emptied since).',
      });
      continue;
    }
    if (!isDriveFileId(fileId)) {
      skipped.push({ rowNumber: row.rowNumber, reason: 'the photo chosen for it is not a Drive file.' });
      continue;
    }
    if (!replaceExisting && !empty(row.photo)) {
      skipped.push({
        rowNumber: row.rowNumber,
        reason: 'it got a photo after the preview, and "Replace" is not ticked.',
      });
      continue;
    }
    planner.photo(row, fileUrl(fileId));
  }
  return planner.result(skipped);
}

/** The text for a Product photo cell from a link or id Jenny gave, or why it cannot be one. */
export function photoCellText(
  input: string,
): { ok: true; text: string | null } | { ok: false; message: string } {
  const ref = parsePhotoRef(input);
  switch (ref.kind) {
    case 'missing':
      return { ok: true, text: null };
    case 'invalid':
      return { ok: false, message: `This product photo cannot be used: ${ref.message}` };
    case 'url':
      return { ok: true, text: ref.url };
    case 'drive': {
      const key = ref.resourceKey ? `?resourcekey=${encodeURIComponent(ref.resourceKey)}` : '';
      return { ok: true, text: `${fileUrl(ref.fileId)}${key}` };
    }
  }
}

/** One product for every row: the photo and the description into each filled row's empty cells. */
export function planProductForAll(
  layout: BatchLayout,
  rows: readonly SheetRow[],
  product: { photo: string | null; description: string | null; replaceExisting: boolean },
): PlannedWrites {
  const planner = new Planner(layout, rows);
  for (const row of rows) {
    if (!row.filled) continue;
    if (product.photo !== null && (product.replaceExisting || empty(row.photo))) {
      planner.photo(row, product.photo);
    }
    if (product.description !== null && (product.replaceExisting || empty(row.description))) {
      planner.description(row, product.description);
    }
  }
  return planner.result([]);
}
