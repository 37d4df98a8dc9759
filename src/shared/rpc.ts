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
  | { ok: false; message: string; keyCheck: KeyCheckView | null };

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
