/**
 * What each Apps Script service call typically costs in real Apps Script, in milliseconds, charged on
 * the clock by every emulated call so that execution seconds in the benchmark are honest.
 *
 * These are typical figures, not guarantees. Where they come from:
 * - Google's "Best practices" guide for Apps Script: every call to another service is a round trip;
 *   reading or writing a range once costs about as much as reading one cell, so batching is the point.
 * - Public measurements of Apps Script operations (community benchmarks of SpreadsheetApp get/setValues,
 *   DriveApp file creation, PropertiesService and CacheService round trips), which put a Drive file
 *   create near a second, a properties read or write at tens of milliseconds, a range read or write at
 *   tens to hundreds of milliseconds growing with the number of cells, and a lock at tens of milliseconds.
 * Change a figure here, in one place, when a better measurement comes along.
 */

export interface CallCost {
  /** Fixed cost of the call. */
  readonly baseMs: number;
  /** Extra cost per cell read or written (ranges). */
  readonly perCellMs?: number;
  /** Extra cost per megabyte of data moved (blobs, files, base64). */
  readonly perMegabyteMs?: number;
}

const READ_CELLS: CallCost = { baseMs: 60, perCellMs: 0.004 };
const WRITE_CELLS: CallCost = { baseMs: 90, perCellMs: 0.01 };
const SHEET_STRUCTURE: CallCost = { baseMs: 120 };
const LOOKUP: CallCost = { baseMs: 2 };
const DRIVE_READ: CallCost = { baseMs: 150 };
const DRIVE_WRITE: CallCost = { baseMs: 700, perMegabyteMs: 150 };
const DRIVE_BYTES: CallCost = { baseMs: 200, perMegabyteMs: 60 };
const PROPERTY: CallCost = { baseMs: 25 };
const CACHE: CallCost = { baseMs: 12 };
const LOCK: CallCost = { baseMs: 40 };
const CPU_BYTES: CallCost = { baseMs: 1, perMegabyteMs: 25 };
const IMAGE_CONVERT: CallCost = { baseMs: 350, perMegabyteMs: 100 };
const TRIGGER: CallCost = { baseMs: 250 };

/** Keyed "Class.method"; the first match wins, then "Class.*", then the default. */
const TABLE: Readonly<Record<string, CallCost>> = {
  'SpreadsheetApp.getActiveSpreadsheet': { baseMs: 30 },
  'SpreadsheetApp.getActive': { baseMs: 30 },
  'SpreadsheetApp.flush': { baseMs: 50 },
  'Range.getValues': READ_CELLS,
  'Range.getDisplayValues': READ_CELLS,
  'Range.getFormulas': READ_CELLS,
  'Range.getNotes': READ_CELLS,
  'Range.getValue': READ_CELLS,
  'Range.getDisplayValue': READ_CELLS,
  'Range.getBackgrounds': READ_CELLS,
  'Range.getRichTextValues': READ_CELLS,
  'Range.getDataValidations': READ_CELLS,
  'Range.getNumberFormats': READ_CELLS,
  'Range.setValues': WRITE_CELLS,
  'Range.setValue': WRITE_CELLS,
  'Range.setNotes': WRITE_CELLS,
  'Range.setNote': WRITE_CELLS,
  'Range.setBackgrounds': WRITE_CELLS,
  'Range.setBackground': WRITE_CELLS,
  'Range.setRichTextValues': WRITE_CELLS,
  'Range.setRichTextValue': WRITE_CELLS,
  'Range.setNumberFormat': WRITE_CELLS,
  'Range.setNumberFormats': WRITE_CELLS,
  'Range.setDataValidation': WRITE_CELLS,
  'Range.setDataValidations': WRITE_CELLS,
  'Range.setFontWeight': WRITE_CELLS,
  'Range.clearContent': WRITE_CELLS,
  'Range.*': LOOKUP,
  'Sheet.getRange': LOOKUP,
  'Sheet.getName': LOOKUP,
  'Sheet.getLastRow': { baseMs: 20 },
  'Sheet.getLastColumn': { baseMs: 20 },
  'Sheet.getMaxRows': { baseMs: 20 },
  'Sheet.getMaxColumns': { baseMs: 20 },
  'Sheet.getDataRange': { baseMs: 20 },
  'Sheet.*': SHEET_STRUCTURE,
  'Spreadsheet.getSheetByName': { baseMs: 10 },
  'Spreadsheet.getSheets': { baseMs: 10 },
  'Spreadsheet.getId': LOOKUP,
  'Spreadsheet.getName': LOOKUP,
  'Spreadsheet.getUrl': LOOKUP,
  'Spreadsheet.*': SHEET_STRUCTURE,
  'DriveApp.createFile': DRIVE_WRITE,
  'DriveApp.createFolder': DRIVE_WRITE,
  'DriveApp.*': DRIVE_READ,
  'Folder.createFile': DRIVE_WRITE,
  'Folder.createFolder': DRIVE_WRITE,
  'Folder.getId': LOOKUP,
  'Folder.getName': LOOKUP,
  'Folder.getUrl': LOOKUP,
  'Folder.*': DRIVE_READ,
  'File.getBlob': DRIVE_BYTES,
  'File.getAs': IMAGE_CONVERT,
  'File.getId': LOOKUP,
  'File.getName': LOOKUP,
  'File.getUrl': LOOKUP,
  'File.getMimeType': LOOKUP,
  'File.getSize': LOOKUP,
  'File.setTrashed': DRIVE_READ,
  'File.*': DRIVE_READ,
  'FileIterator.*': { baseMs: 20 },
  'FolderIterator.*': { baseMs: 20 },
  'Blob.getAs': IMAGE_CONVERT,
  'Blob.*': CPU_BYTES,
  'Utilities.sleep': { baseMs: 0 },
  'Utilities.*': CPU_BYTES,
  'Properties.*': PROPERTY,
  'PropertiesService.*': LOOKUP,
  'Cache.*': CACHE,
  'CacheService.*': LOOKUP,
  'Lock.*': LOCK,
  'LockService.*': LOOKUP,
  'UrlFetchApp.*': { baseMs: 30 },
  'HTTPResponse.getContentText': CPU_BYTES,
  'HTTPResponse.getContent': CPU_BYTES,
  'HTTPResponse.*': LOOKUP,
  'ScriptApp.getOAuthToken': { baseMs: 5 },
  'ScriptApp.*': TRIGGER,
  'TriggerBuilder.*': LOOKUP,
  'ClockTriggerBuilder.create': TRIGGER,
  'ClockTriggerBuilder.*': LOOKUP,
  'Trigger.*': LOOKUP,
  'Ui.*': { baseMs: 50 },
  'Menu.*': LOOKUP,
  'HtmlService.*': { baseMs: 40 },
  'HtmlOutput.*': LOOKUP,
  'Session.*': LOOKUP,
  'Logger.*': LOOKUP,
  'console.*': LOOKUP,
};

const DEFAULT_COST: CallCost = { baseMs: 5 };

export function costOf(className: string, method: string): CallCost {
  return TABLE[`${className}.${method}`] ?? TABLE[`${className}.*`] ?? DEFAULT_COST;
}

/** Whole milliseconds, as Date.now() has them. */
export function priceOf(cost: CallCost, work: { cells?: number; bytes?: number }): number {
  return Math.round(
    cost.baseMs +
      (cost.perCellMs ?? 0) * (work.cells ?? 0) +
      (cost.perMegabyteMs ?? 0) * ((work.bytes ?? 0) / 1048576),
  );
}
