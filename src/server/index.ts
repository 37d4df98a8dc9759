/**
 * The add-on's public surface: every function Apps Script or the sidebar calls, and nothing else.
 * The build gives each export a top-level `function` stub in Code.js, derived from this module.
 */
import { buildMenu } from './ui/menu';
import { openSidebar, readAppInfo } from './ui/sidebar';
import { handleEdit } from './sheet/on-edit';
import { setUpBatchSheet, setupMessage } from './sheet/setup';
import type { StartOptions, StartResult } from './batch/service';
import type { Progress } from './engine/progress';
import { slideshowBatch, slideshowBinding } from './slideshow/service';
import { checkBatch as checkRowsOfBatch, selectRow as selectSheetRow, type CheckOptions } from './api/check';
import { makeParentFolder, saveSettings as storeSettings, settingsView, validateKey } from './api/settings';
import {
  pumpSingle,
  selectedRow,
  singleState,
  singleThumbnails,
  startSingle,
  type SingleStartResult,
  type SingleState,
} from './api/single';
import type {
  AppInfo,
  BatchCheckView,
  CreateFolderResult,
  KeyCheckView,
  ProductApplyRequest,
  ProductApplyResult,
  ProductForAllRequest,
  ProductMatchRequest,
  ProductMatchResult,
  ProductUploadFolderResult,
  ProductUploadRequest,
  ProductUploadResult,
  SaveSettingsInput,
  SaveSettingsResult,
  SelectedRowView,
  SettingsView,
  SingleStartInput,
  ThumbnailsView,
} from '../shared/rpc';
import {
  applyProductMatch as applyProducts,
  applyProductToAll as applyOneProduct,
  previewProductMatch as previewProducts,
  startProductUpload as startUpload,
  uploadProductPhoto as uploadOnePhoto,
} from './api/products';

/** Simple trigger: runs when the spreadsheet opens, in any auth mode. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

/** Simple trigger for add-ons: runs on install; the menu must appear without reopening the file. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu item "Open sidebar". */
export function showSidebar(): void {
  openSidebar();
}

/** Sidebar call: the facts the sidebar shows on first paint. */
export function getAppInfo(): AppInfo {
  return readAppInfo();
}

/** Simple trigger: checks the Batch rows Jenny just edited and writes their Status (AuthMode.LIMITED). */
export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(event);
}

/** Menu item "Set up sheet": creates or repairs the Batch sheet, never wiping data. */
export function setUpSheetFromMenu(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const report = setUpBatchSheet(spreadsheet);
  spreadsheet.toast(setupMessage(report), 'Set up sheet');
}

/** Sidebar: starts a batch of the ready rows (or only `options.rowIds`). */
export function startBatch(options?: StartOptions): StartResult {
  return slideshowBatch.start(options ?? {});
}

/** Sidebar, every few seconds while open: does a share of the work and returns the progress. */
export function pumpBatch(): Progress | null {
  return slideshowBatch.pump();
}

/** The time-driven trigger: keeps the batch going while the sidebar is closed. */
export function onBatchTick(_event?: GoogleAppsScript.Events.TimeDriven): void {
  slideshowBatch.tick();
}

/** Sidebar: the progress, read from the stored state only. */
export function getBatchProgress(): Progress | null {
  return slideshowBatch.progress();
}

/** Sidebar: keeps finished rows, stops the rest. */
export function cancelBatch(): Progress | null {
  return slideshowBatch.cancel();
}

/** Sidebar: queues the failed rows again; done work stays done. */
export function retryFailedRows(): Progress | null {
  return slideshowBatch.retryFailed();
}

/** Sidebar: goes on after the settings were fixed (a stop) or a daily quota reset (a pause). */
export function resumeBatch(): Progress | null {
  return slideshowBatch.resume();
}

/** Sidebar: forgets the finished batch (never its files in Drive) so a new one can start. */
export function newBatch(): void {
  slideshowBatch.reset();
}

/** Sidebar, Settings: the user's settings, with the Gemini key only masked. */
export function getSettings(): SettingsView {
  return settingsView();
}

/** Sidebar, Settings: saves them; a new key is checked against Gemini's models list before it is kept. */
export function saveSettings(input: SaveSettingsInput): SaveSettingsResult {
  return storeSettings(input ?? {});
}

/** Sidebar, Settings › Make a new folder: a folder in My Drive the add-on may always save into. */
export function createResultsFolder(name?: string): CreateFolderResult {
  return makeParentFolder(name);
}

/** Sidebar, Single link: the row selected in the Batch sheet, and whether it can run. */
export function getSelectedRow(): SelectedRowView {
  return selectedRow();
}

/** Sidebar, Single link: runs the selected row, or a typed link written as a new row, at once. */
export function startSingleRow(input: SingleStartInput): SingleStartResult {
  return startSingle(input ?? {});
}

/** Sidebar, Single link: the batch's progress and the single run, if the batch is one (on reopening). */
export function getSingleRun(): SingleState {
  return singleState();
}

/** Sidebar, Single link, while it runs: the batch's pump, then the run's steps. */
export function pumpSingleRow(): SingleState {
  return pumpSingle();
}

/** Sidebar, Single link, when done: small previews of one variation's slides (at most 12). */
export function getSingleThumbnails(variation?: number): ThumbnailsView {
  return singleThumbnails(variation);
}

/** Sidebar, Settings › Validate: checks a key (or the saved one) and lists the models it may use. */
export function validateApiKey(key?: string): KeyCheckView {
  return validateKey(key);
}

/** Sidebar, Check: ready rows, the ones that are not and why, totals, time and cost. */
export function checkBatch(options?: CheckOptions): BatchCheckView {
  return checkRowsOfBatch(slideshowBinding, options ?? {});
}

/** Sidebar: selects a row of the Batch sheet (from the lists of invalid or failed rows). */
export function selectRow(rowId: string): boolean {
  return selectSheetRow(rowId);
}

/** Sidebar, Products: which photo of a Drive folder would go to which row (by name or order); writes nothing. */
export function previewProductMatch(request: ProductMatchRequest): ProductMatchResult {
  return previewProducts(request);
}

/** Sidebar, Products › Apply: writes the previewed photos into the Product photo cells (never under a running batch). */
export function applyProductMatch(request: ProductApplyRequest): ProductApplyResult {
  return applyProducts(request, () => slideshowBatch.progress()?.status ?? null);
}

/** Sidebar, Products: one photo and description for every row's empty cells. */
export function applyProductToAll(request: ProductForAllRequest): ProductApplyResult {
  return applyOneProduct(request, () => slideshowBatch.progress()?.status ?? null);
}

/** Sidebar, Products › Upload: makes the Drive folder the chosen photos go into. */
export function startProductUpload(): ProductUploadFolderResult {
  return startUpload();
}

/** Sidebar, Products › Upload: one photo (base64, at most 10 MB) into that folder. */
export function uploadProductPhoto(request: ProductUploadRequest): ProductUploadResult {
  return uploadOnePhoto(request);
}
