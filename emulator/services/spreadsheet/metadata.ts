/**
 * Developer metadata on a spreadsheet or a sheet (row and column locations are not emulated).
 * addDeveloperMetadata(key, x) reads x as a visibility when it is "DOCUMENT" or "PROJECT" and as a value
 * otherwise: enums are plain strings here, so a value spelled like a visibility cannot be stored that way.
 */
import { GasError } from '../../core/env';
import type { SpreadsheetContext } from './context';
import { DeveloperMetadataVisibility } from './enums';
import type { MetadataSpec, SpreadsheetData } from './model';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';

function isVisibility(value: string): boolean {
  return value in DeveloperMetadataVisibility;
}

export function addMetadata(
  ss: SpreadsheetData,
  sheetId: number | null,
  key: string,
  rest: unknown[],
): MetadataSpec {
  let value: string | null = null;
  let visibility = 'DOCUMENT';
  if (rest.length === 1 && isVisibility(String(rest[0]))) visibility = String(rest[0]);
  else if (rest.length >= 1) {
    value = String(rest[0]);
    if (rest.length >= 2) visibility = String(rest[1]);
  }
  if (!isVisibility(visibility)) throw new GasError('Invalid argument: visibility');
  const spec: MetadataSpec = { id: ss.nextMetadataId++, key: String(key), value, visibility, sheetId };
  ss.metadata.push(spec);
  return spec;
}

export class DeveloperMetadataLocation {
  private readonly ctx: SpreadsheetContext;
  private readonly ss: SpreadsheetData;
  private readonly sheetId: number | null;

  constructor(ctx: SpreadsheetContext, ss: SpreadsheetData, sheetId: number | null) {
    this.ctx = ctx;
    this.ss = ss;
    this.sheetId = sheetId;
  }

  getLocationType(): string {
    return this.sheetId === null ? 'SPREADSHEET' : 'SHEET';
  }

  getSpreadsheet(): Spreadsheet | null {
    return this.sheetId === null ? new Spreadsheet(this.ctx, this.ss) : null;
  }

  getSheet(): Sheet | null {
    const sheet = this.ss.sheets.find((s) => s.id === this.sheetId);
    return sheet ? new Sheet(this.ctx, this.ss, sheet) : null;
  }

  getRow(): null {
    return null;
  }

  getColumn(): null {
    return null;
  }
}

export class DeveloperMetadata {
  private readonly ctx: SpreadsheetContext;
  private readonly ss: SpreadsheetData;
  private readonly id: number;

  constructor(ctx: SpreadsheetContext, ss: SpreadsheetData, id: number) {
    this.ctx = ctx;
    this.ss = ss;
    this.id = id;
  }

  private _spec(): MetadataSpec {
    const spec = this.ss.metadata.find((m) => m.id === this.id);
    if (!spec) throw new GasError('The developer metadata has been removed.');
    return spec;
  }

  getId(): number {
    return this.id;
  }

  getKey(): string {
    return this._spec().key;
  }

  setKey(key: string): DeveloperMetadata {
    this._spec().key = String(key);
    return this;
  }

  getValue(): string | null {
    return this._spec().value;
  }

  setValue(value: string): DeveloperMetadata {
    this._spec().value = String(value);
    return this;
  }

  getVisibility(): string {
    return this._spec().visibility;
  }

  setVisibility(visibility: unknown): DeveloperMetadata {
    const name = String(visibility);
    if (!isVisibility(name)) throw new GasError('Invalid argument: visibility');
    this._spec().visibility = name;
    return this;
  }

  getLocation(): DeveloperMetadataLocation {
    return new DeveloperMetadataLocation(this.ctx, this.ss, this._spec().sheetId);
  }

  remove(): void {
    this._spec();
    this.ss.metadata = this.ss.metadata.filter((m) => m.id !== this.id);
  }
}

/** Finds metadata at one location (a sheet, or with `null` the spreadsheet and all its sheets). */
export class DeveloperMetadataFinder {
  private readonly ctx: SpreadsheetContext;
  private readonly ss: SpreadsheetData;
  private readonly sheetId: number | null;
  private readonly filters: ((m: MetadataSpec) => boolean)[] = [];

  constructor(ctx: SpreadsheetContext, ss: SpreadsheetData, sheetId: number | null) {
    this.ctx = ctx;
    this.ss = ss;
    this.sheetId = sheetId;
  }

  withKey(key: string): DeveloperMetadataFinder {
    this.filters.push((m) => m.key === String(key));
    return this;
  }

  withValue(value: string): DeveloperMetadataFinder {
    this.filters.push((m) => m.value === String(value));
    return this;
  }

  withId(id: number): DeveloperMetadataFinder {
    this.filters.push((m) => m.id === Number(id));
    return this;
  }

  withVisibility(visibility: unknown): DeveloperMetadataFinder {
    this.filters.push((m) => m.visibility === String(visibility));
    return this;
  }

  withLocationType(locationType: unknown): DeveloperMetadataFinder {
    const type = String(locationType);
    this.filters.push((m) => (m.sheetId === null ? 'SPREADSHEET' : 'SHEET') === type);
    return this;
  }

  find(): DeveloperMetadata[] {
    return this.ss.metadata
      .filter((m) => this.sheetId === null || m.sheetId === this.sheetId)
      .filter((m) => this.filters.every((f) => f(m)))
      .map((m) => new DeveloperMetadata(this.ctx, this.ss, m.id));
  }
}
