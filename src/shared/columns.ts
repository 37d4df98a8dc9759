/**
 * The Batch sheet's columns. Code finds each by its header text, never by position, so Jenny may add,
 * move and hide columns. The notes are what she reads when she hovers a header.
 */
export interface ColumnSpec {
  readonly key: ColumnKey;
  readonly header: string;
  readonly note: string;
  readonly width: number;
  readonly hidden?: boolean;
}

export type ColumnKey =
  | 'link'
  | 'photo'
  | 'description'
  | 'photoVariations'
  | 'textVariations'
  | 'status'
  | 'output'
  | 'error'
  | 'rowId';

export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'link',
    header: 'Link',
    note: 'One TikTok photo slideshow link per row, e.g. https://www.tiktok.com/@user/photo/7312345678901234567 or a vm.tiktok.com short link. Pasted text around the link is fine.',
    width: 320,
  },
  {
    key: 'photo',
    header: 'Product photo',
    note: 'Your product photo for this row: a Google Drive file link, a Drive file id, or an https image link. JPEG or PNG.',
    width: 240,
  },
  {
    key: 'description',
    header: 'Product description',
    note: 'What the product is and what matters about it, in a sentence or two. Gemini writes the new slide texts from this.',
    width: 320,
  },
  {
    key: 'photoVariations',
    header: 'Photo variations',
    note: 'Optional: how many different picture sets to make for this row (1–10). Empty uses the number chosen in the sidebar.',
    width: 120,
  },
  {
    key: 'textVariations',
    header: 'Text variations',
    note: 'Optional: how many different texts to write for this row (1–10). Empty uses the number chosen in the sidebar.',
    width: 120,
  },
  {
    key: 'status',
    header: 'Status',
    note: 'Filled in by the add-on: Ready, Queued, Generating 3/6, Done, or what is wrong with the row. You do not need to type here.',
    width: 200,
  },
  {
    key: 'output',
    header: 'Output',
    note: "Filled in by the add-on: a link to this row's Google Drive folder as soon as it exists.",
    width: 220,
  },
  {
    key: 'error',
    header: 'Error',
    note: 'Filled in by the add-on when a row fails: the full reason and what to try.',
    width: 280,
  },
  {
    key: 'rowId',
    header: 'Row id',
    note: 'Used by the add-on to keep each status on the right row when rows are sorted, inserted or deleted. Please leave it alone.',
    width: 90,
    hidden: true,
  },
];
