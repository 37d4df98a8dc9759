/**
 * Emulated SpreadsheetApp, Ui and HtmlService.
 *
 *   const store = new SpreadsheetStore();                 // or SpreadsheetStore.fromJSON(saved)
 *   store.create({ id, name: 'Batch', timeZone: 'Europe/Paris' });
 *   const SpreadsheetApp = createSpreadsheetApp(env, store, { isUiAvailable, addonMenuTitle, onCreate });
 *   const HtmlService = createHtmlService((name) => projectHtml[name] ?? null);
 *
 * What the user sees is recorded per spreadsheet on `store.ui(id)` (menus, sidebar, sidebars, dialogs,
 * alerts, prompts, toasts; answerNextAlert/answerNextPrompt script the user's answers), and
 * `store.activeSelection(id)` gives the active sheet and selection.
 *
 * Every public method of these classes is an Apps Script method: the runtime shows scripts methods and
 * hides fields, so the emulator's own helpers are `_`-prefixed (tests/emulator/spreadsheet/api-surface).
 */
export { type CreateSpreadsheetOptions, SpreadsheetStore, type SpreadsheetStoreJson } from './store';
export { createSpreadsheetApp, SpreadsheetApp, type SpreadsheetAppOptions } from './app';
export { createHtmlService, HtmlOutput, HtmlService, type ReadProjectFile } from './html';
export { Menu, PromptResponse, Ui } from './ui';
export {
  type HtmlSnapshot,
  type RecordedAlert,
  type RecordedMenu,
  type RecordedMenuItem,
  type RecordedPrompt,
  type RecordedToast,
  type ShownDialog,
  UiState,
} from './ui-state';
export { Spreadsheet } from './spreadsheet';
export { Sheet } from './sheet';
export { Range } from './range';
export { DataValidation, DataValidationBuilder } from './validation';
export { BooleanCondition, ConditionalFormatRule, ConditionalFormatRuleBuilder } from './conditional';
export { RichTextValue, RichTextValueBuilder } from './richtext';
export { DeveloperMetadata, DeveloperMetadataFinder, DeveloperMetadataLocation } from './metadata';
export { AUTOMATIC_FORMAT, type CellValue, formulaValue, parseInput } from './values';
export { displayValue } from './display';
