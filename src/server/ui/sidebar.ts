import { APP_NAME, APP_VERSION, BATCH_SHEET_NAME } from '../../shared/app';
import type { AppInfo } from '../../shared/rpc';

/** Opens the sidebar built from src/sidebar (inlined into Sidebar.html by the build). */
export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(APP_NAME);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** What the sidebar needs on first paint. */
export function readAppInfo(): AppInfo {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    appName: APP_NAME,
    version: APP_VERSION,
    spreadsheetName: spreadsheet.getName(),
    batchSheetExists: spreadsheet.getSheetByName(BATCH_SHEET_NAME) !== null,
    serverTime: Date.now(),
  };
}
