/**
 * Builds the add-on menu. In AuthMode.NONE (an add-on installed but not yet used in this file) Apps Script
 * allows nothing but menus, so this touches no document, property or other service: it only names the
 * functions the items call, and those run later with full authorization.
 * `createAddonMenu` works both for the bound script (Extensions > project name) and for the add-on.
 */
export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Set up sheet', 'setUpSheetFromMenu')
    .addToUi();
}
