/** The SpreadsheetApp global. */
import { GasError, type ServiceEnv } from '../../core/env';
import { ConditionalFormatRuleBuilder } from './conditional';
import type { RangeLike, SheetLike, SpreadsheetContext } from './context';
import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  WrapStrategy,
} from './enums';
import type { Range } from './range';
import { RichTextValueBuilder } from './richtext';
import type { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import type { SpreadsheetStore } from './store';
import { Ui } from './ui';
import { DataValidationBuilder } from './validation';

export interface SpreadsheetAppOptions {
  /**
   * Whether the current execution has a user interface. The runtime answers false for time-driven and
   * other triggers without one; getUi() then throws as Apps Script does. Default: always true.
   */
  isUiAvailable?: () => boolean;
  /** Title of the menu made with createAddonMenu (the add-on's name). Default "Add-on". */
  addonMenuTitle?: string;
  /** Told about every spreadsheet SpreadsheetApp.create makes (e.g. so Drive can list the file). */
  onCreate?: (spreadsheet: { id: string; name: string }) => void;
}

export class SpreadsheetApp {
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly Dimension = Dimension;
  readonly WrapStrategy = WrapStrategy;
  private readonly ctx: SpreadsheetContext;
  private readonly options: SpreadsheetAppOptions;

  constructor(ctx: SpreadsheetContext, options: SpreadsheetAppOptions) {
    this.ctx = ctx;
    this.options = options;
  }

  private _requireActive(): Spreadsheet {
    const ss = this.getActiveSpreadsheet();
    if (!ss) throw new GasError('There is no active spreadsheet: the script is not bound to one.');
    return ss;
  }

  /** The spreadsheet the execution is bound to; null for a script that is not bound to one. */
  getActiveSpreadsheet(): Spreadsheet | null {
    const id = this.ctx.env.current().spreadsheetId;
    if (id === null) return null;
    const data = this.ctx.store.get(id);
    // A bound id missing from the store is a harness set-up mistake, not an Apps Script error.
    if (!data) throw new Error(`emulator: bound spreadsheet ${id} is not in the store`);
    return new Spreadsheet(this.ctx, data);
  }

  getActive(): Spreadsheet | null {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): Sheet {
    return this._requireActive().getActiveSheet();
  }

  setActiveSheet(sheet: SheetLike): Sheet {
    return this._requireActive().setActiveSheet(sheet);
  }

  getActiveRange(): Range {
    return this._requireActive().getActiveRange();
  }

  setActiveRange(range: RangeLike): Range {
    return this._requireActive().setActiveRange(range);
  }

  getCurrentCell(): Range {
    return this._requireActive().getCurrentCell();
  }

  openById(id: string): Spreadsheet {
    const data = this.ctx.store.get(String(id));
    if (!data)
      throw new GasError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return new Spreadsheet(this.ctx, data);
  }

  openByUrl(url: string): Spreadsheet {
    const match = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!match?.[1]) throw new GasError('Invalid argument: url');
    return this.openById(match[1]);
  }

  /** A new spreadsheet with one sheet "Sheet1" of `rows` × `columns` (1000 × 26). */
  create(name: string, rows?: number, columns?: number): Spreadsheet {
    const data = this.ctx.store.create({
      id: this.ctx.env.newId('spreadsheet'),
      name: String(name),
      rows,
      columns,
    });
    this.options.onCreate?.({ id: data.id, name: data.name });
    return new Spreadsheet(this.ctx, data);
  }

  /** Writes are applied at once, so there is nothing to flush. */
  flush(): void {}

  getUi(): Ui {
    const id = this.ctx.env.current().spreadsheetId;
    const available = this.options.isUiAvailable?.() ?? true;
    if (!available || id === null)
      throw new GasError('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(this.ctx.store.ui(id), this.options.addonMenuTitle ?? 'Add-on');
  }

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder<Range> {
    return new ConditionalFormatRuleBuilder<Range>();
  }

  newRichTextValue(): RichTextValueBuilder {
    return new RichTextValueBuilder();
  }
}

export function createSpreadsheetApp(
  env: ServiceEnv,
  store: SpreadsheetStore,
  options: SpreadsheetAppOptions = {},
): SpreadsheetApp {
  return new SpreadsheetApp({ env, store }, options);
}
