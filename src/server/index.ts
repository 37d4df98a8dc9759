/**
 * The add-on's public surface: every function Apps Script or the sidebar calls, and nothing else.
 * The build gives each export a top-level `function` stub in Code.js, derived from this module.
 */
import { buildMenu } from './ui/menu';
import { openSidebar, readAppInfo } from './ui/sidebar';
import { handleEdit } from './sheet/on-edit';
import { setUpBatchSheet, setupMessage } from './sheet/setup';
import type { AppInfo } from '../shared/rpc';

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
