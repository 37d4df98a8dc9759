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
