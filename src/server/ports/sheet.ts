/**
 * What the engine and the job need from the Batch sheet, whatever Apps Script does underneath.
 * Rows are identified by their hidden row id, never by their position: Jenny may sort, insert and delete
 * rows while a batch runs.
 */

export interface BatchRowInput {
  /** The hidden id of the row (assigned by the sheet layer the first time it sees a filled row). */
  rowId: string;
  /** 1-based row number in the sheet right now (for messages only: it changes when rows move). */
  rowNumber: number;
  link: string;
  photo: string;
  description: string;
  /** Per-row overrides; null when the cell is empty. */
  photoVariations: number | null;
  textVariations: number | null;
}

export interface RowCells {
  status?: string;
  /** A link to the row's Drive folder; null clears the cell. */
  output?: { url: string; label: string } | null;
  error?: string;
}

export interface BatchSheetPort {
  /** Every row with something in Link, Product photo or Product description, ids assigned. */
  readRows(): BatchRowInput[];
  /** Writes Status/Output/Error by row id in one batched write; ids no longer in the sheet are skipped. */
  writeRowCells(updates: ReadonlyMap<string, RowCells>): void;
}
