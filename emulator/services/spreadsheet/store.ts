/** Every spreadsheet of the emulated world, keyed by id, plus what each one's user interface shows. */
import { rectToA1 } from './a1';
import { newSheetData, nextSheetId, type SpreadsheetData } from './model';
import { decodeSpreadsheet, encodeSpreadsheet, type SpreadsheetJson } from './snapshot';
import { UiState } from './ui-state';

export interface CreateSpreadsheetOptions {
  id: string;
  name?: string;
  /** IANA zone; display values of dates use it. Default "Etc/GMT". */
  timeZone?: string;
  locale?: string;
  /** Name of the first sheet; default "Sheet1". */
  sheetName?: string;
  rows?: number;
  columns?: number;
}

export interface SpreadsheetStoreJson {
  version: 1;
  spreadsheets: SpreadsheetJson[];
}

export class SpreadsheetStore {
  private readonly spreadsheets = new Map<string, SpreadsheetData>();
  private readonly uiStates = new Map<string, UiState>();

  /** Adds a spreadsheet with one empty sheet (1000 × 26 unless told otherwise). */
  create(options: CreateSpreadsheetOptions): SpreadsheetData {
    if (this.spreadsheets.has(options.id)) throw new Error(`spreadsheet ${options.id} already exists`);
    const ss: SpreadsheetData = {
      id: options.id,
      name: options.name ?? 'Untitled spreadsheet',
      timeZone: options.timeZone ?? 'Etc/GMT',
      locale: options.locale ?? 'en_US',
      sheets: [],
      activeSheetId: 0,
      metadata: [],
      nextMetadataId: 1,
      sheetCounter: 0,
    };
    const sheet = newSheetData(nextSheetId(ss), options.sheetName ?? 'Sheet1', options.rows, options.columns);
    ss.sheets.push(sheet);
    ss.activeSheetId = sheet.id;
    this.spreadsheets.set(ss.id, ss);
    return ss;
  }

  get(id: string): SpreadsheetData | undefined {
    return this.spreadsheets.get(id);
  }

  ids(): string[] {
    return [...this.spreadsheets.keys()];
  }

  /** Removes a spreadsheet (e.g. when its file is deleted); true if it existed. */
  remove(id: string): boolean {
    this.uiStates.delete(id);
    return this.spreadsheets.delete(id);
  }

  /** The active sheet and the selection on it ("A1" when nothing was selected); null for an unknown id. */
  activeSelection(spreadsheetId: string): { sheetName: string; a1: string } | null {
    const ss = this.spreadsheets.get(spreadsheetId);
    const sheet = ss?.sheets.find((s) => s.id === ss.activeSheetId) ?? ss?.sheets[0];
    if (!sheet) return null;
    return { sheetName: sheet.name, a1: sheet.selection ? rectToA1(sheet.selection) : 'A1' };
  }

  /** The user interface of one spreadsheet; created empty on first use. Not part of snapshots. */
  ui(spreadsheetId: string): UiState {
    let state = this.uiStates.get(spreadsheetId);
    if (!state) {
      state = new UiState();
      this.uiStates.set(spreadsheetId, state);
    }
    return state;
  }

  toJSON(): SpreadsheetStoreJson {
    return { version: 1, spreadsheets: [...this.spreadsheets.values()].map(encodeSpreadsheet) };
  }

  static fromJSON(json: SpreadsheetStoreJson): SpreadsheetStore {
    if (json.version !== 1)
      throw new Error(`unsupported spreadsheet snapshot version ${String(json.version)}`);
    const store = new SpreadsheetStore();
    for (const ss of json.spreadsheets) store.spreadsheets.set(ss.id, decodeSpreadsheet(ss));
    return store;
  }
}
