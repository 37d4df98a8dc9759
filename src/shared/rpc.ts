/**
 * Shapes that cross google.script.run. Only plain data: primitives, plain objects and arrays
 * (Apps Script drops Dates and functions on the way), so times are epoch milliseconds.
 */

export interface AppInfo {
  appName: string;
  version: string;
  spreadsheetName: string;
  /** True when the Batch sheet exists, so the sidebar can offer "Set up sheet" otherwise. */
  batchSheetExists: boolean;
  /** Epoch milliseconds on the server when the answer was made. */
  serverTime: number;
}

/** Settings as the sidebar sees them: the key only masked. */
export interface SettingsView {
  settings: import('./settings').Settings;
  apiKey: import('./settings').ApiKeyView;
}

export interface KeyCheckView {
  ok: boolean;
  message: string;
  textModels: { id: string; name: string }[];
  imageModels: { id: string; name: string }[];
}

export type SaveSettingsResult =
  | { ok: true; view: SettingsView; keyCheck: KeyCheckView | null }
  | {
      ok: false;
      message: string;
      keyCheck: KeyCheckView | null;
      /** The field the message is about (`apiKey`, `parentFolder`, a settings name), to focus it. */
      field?: string;
    };

/** What saveSettings takes: settings, a new key, and the parent folder as typed (a link, an id or ''). */
export interface SaveSettingsInput {
  settings?: import('./settings').SettingsInput;
  apiKey?: string;
  /** A Drive folder link or id, checked before it is kept; '' for My Drive; absent leaves it as it is. */
  parentFolder?: string;
}

/** Settings › Make a new folder: the folder made in My Drive and kept as the parent folder. */
export type CreateFolderResult = { ok: true; view: SettingsView } | { ok: false; message: string };

/** One row in the sidebar's check lists; clicking it selects the row in the sheet. */
export interface CheckedRowView {
  rowId: string;
  rowNumber: number;
  status: string;
  link: string;
}

export interface BatchCheckView {
  sheetExists: boolean;
  readyCount: number;
  invalid: CheckedRowView[];
  duplicates: CheckedRowView[];
  incomplete: CheckedRowView[];
  /** "101 links: only the first 100 run in one batch" when over the limit. */
  limitMessage: string | null;
  photoVariations: number;
  textVariations: number;
  perLink: number;
  totalVariations: number;
  totalImages: number;
  estimatedSeconds: number;
  estimatedCostUsd: number;
}

/** Products (FR3): how the photos of a Drive folder are given to rows. */
export type ProductMatchMode = 'name' | 'order';

export interface ProductPhotoView {
  fileId: string;
  name: string;
  /** The Drive file link written into a Product photo cell. */
  url: string;
}

export interface ProductFolderView {
  id: string;
  name: string;
  url: string;
}

export interface ProductRowView {
  rowId: string;
  rowNumber: number;
  link: string;
}

export interface ProductMatchRequest {
  /** The folder's link (or id) as Jenny pasted it. */
  folder: string;
  mode: ProductMatchMode;
  /** Also give photos to rows that have one already. */
  replaceExisting: boolean;
}

/** The matching, before anything is written. */
export interface ProductMatchView {
  ok: true;
  folder: ProductFolderView;
  mode: ProductMatchMode;
  replaceExisting: boolean;
  /** Every photo in the folder, in name order. */
  photos: ProductPhotoView[];
  matches: (ProductRowView & { photo: ProductPhotoView; replaces: boolean })[];
  unmatchedRows: (ProductRowView & { reason: string })[];
  unusedPhotos: ProductPhotoView[];
  /** Files in the folder that are not photos (or are folders). */
  skippedFiles: { name: string; reason: string }[];
  /** Rows that already have a photo and are left alone (replaceExisting off). */
  keptRows: number;
  /** A suggestion when the matching looks wrong (e.g. numbered photos matched by name). */
  hint: string | null;
}

export type ProductMatchResult = ProductMatchView | { ok: false; message: string };

export interface ProductApplyRequest {
  /** Exactly what the preview showed: row id → Drive file id. */
  assignments: { rowId: string; fileId: string }[];
  replaceExisting: boolean;
}

export interface ProductForAllRequest {
  /** A Drive file link (or id) or an https image link; '' leaves photos alone. */
  photo: string;
  /** '' leaves descriptions alone. */
  description: string;
  replaceExisting: boolean;
}

export type ProductApplyResult =
  | {
      ok: true;
      photosWritten: number;
      descriptionsWritten: number;
      /** Rows left alone, and why (deleted since the preview, filled meanwhile). */
      skipped: { rowNumber: number | null; reason: string }[];
      message: string;
    }
  | { ok: false; message: string };

export type ProductUploadFolderResult =
  { ok: true; folder: ProductFolderView } | { ok: false; message: string };

export interface ProductUploadRequest {
  /** The folder startProductUpload made. */
  folderId: string;
  name: string;
  /** The file's bytes as base64 (no `data:` prefix). */
  base64: string;
}

export type ProductUploadResult =
  { ok: true; photo: ProductPhotoView; reused: boolean } | { ok: false; message: string };

/** Single link mode: the row selected in the Batch sheet, and whether it can run. */
export interface SelectedRowView {
  /** null when the selection is not on a filled row of the Batch sheet. */
  rowId: string | null;
  rowNumber: number | null;
  link: string;
  ready: boolean;
  /** The row's Status text when it is a row; otherwise why there is nothing to run. */
  message: string;
}

/** Single link mode: a link, photo and description typed in the sidebar, or the selected row's id. */
export interface SingleStartInput {
  rowId?: string;
  link?: string;
  photo?: string;
  description?: string;
  photoVariations?: number;
  textVariations?: number;
}

export type SingleStepState = 'waiting' | 'active' | 'done' | 'failed';

export interface SingleStepView {
  key: 'fetch' | 'analyze' | 'write' | 'images' | 'save';
  label: string;
  state: SingleStepState;
  /** "4 of 12" for the images. */
  detail: string | null;
}

/** One link run on its own: its steps while it runs, its folder once it has one. */
export interface SingleRunView {
  batchId: string;
  rowId: string;
  link: string;
  /** "@handle" once the post is known. */
  label: string | null;
  rowState: 'pending' | 'active' | 'completed' | 'failed' | 'cancelled';
  /** What the row's Status cell says. */
  statusText: string;
  steps: SingleStepView[];
  imagesDone: number;
  imagesTotal: number;
  variations: number;
  folderUrl: string | null;
  error: string | null;
}

export interface ThumbnailView {
  /** The slide's number in its slideshow, from 0 (slide_0). */
  index: number;
  name: string;
  /** A small JPEG or PNG as a data: URL; null when Drive has no preview of it yet. */
  dataUrl: string | null;
  fileUrl: string;
}

/** The slides of one variation of the single run, as small previews (at most MAX_THUMBNAILS). */
export interface ThumbnailsView {
  variation: number;
  variations: number;
  /** Slides in this variation, made or not. */
  slideCount: number;
  thumbnails: ThumbnailView[];
  folderUrl: string | null;
  variationFolderUrl: string | null;
  /** Why some or all previews are missing, or null. */
  note: string | null;
}
