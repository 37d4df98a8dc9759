/**
 * Which OAuth scopes and which authorization mode each emulated service needs, so a call the manifest
 * does not authorize fails here as it would in Apps Script, and a test proves the manifest's scopes are
 * enough for what the add-on really calls (and that nothing needs a broader one).
 */
import type { AuthMode } from './env';

const AUTH = 'https://www.googleapis.com/auth/';

export interface Requirement {
  /** Any one of these scopes is enough; empty means no scope is needed. */
  readonly scopes: readonly string[];
  /** The least authorization mode in which the call is allowed. */
  readonly mode: AuthMode;
}

const NONE_NEEDED: Requirement = { scopes: [], mode: 'NONE' };
const SHEETS: Requirement = {
  scopes: [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
  mode: 'LIMITED',
};
const UI: Requirement = { scopes: [`${AUTH}script.container.ui`], mode: 'LIMITED' };
const DRIVE_READ: Requirement = {
  scopes: [`${AUTH}drive.readonly`, `${AUTH}drive`],
  mode: 'FULL',
};
const DRIVE_WRITE: Requirement = { scopes: [`${AUTH}drive`], mode: 'FULL' };
const FETCH: Requirement = { scopes: [`${AUTH}script.external_request`], mode: 'FULL' };
const SCRIPT_APP: Requirement = { scopes: [`${AUTH}script.scriptapp`], mode: 'FULL' };
const STORAGE: Requirement = { scopes: [], mode: 'LIMITED' };

const DRIVE_WRITES = new Set([
  'createFile',
  'createFolder',
  'setTrashed',
  'setName',
  'setContent',
  'moveTo',
  'addFile',
  'removeFile',
  'setDescription',
  'makeCopy',
  'setSharing',
]);

/** Menus may be built in AuthMode.NONE: that is all onOpen may do there. */
const MENU_BUILDING = new Set(['SpreadsheetApp.getUi', 'Ui.createMenu', 'Ui.createAddonMenu']);

/** Objects that only hold data the script already has: no scope is needed to use them. */
const DATA_CLASSES = new Set([
  'Blob',
  'Menu',
  'HtmlOutput',
  'HTTPResponse',
  'TriggerBuilder',
  'ClockTriggerBuilder',
]);

export function requirementOf(service: string, className: string, method: string): Requirement {
  if (MENU_BUILDING.has(`${className}.${method}`) || DATA_CLASSES.has(className)) return NONE_NEEDED;
  switch (service) {
    case 'SpreadsheetApp':
      return className === 'Ui' ? UI : SHEETS;
    case 'HtmlService':
      return NONE_NEEDED;
    case 'DriveApp':
      return DRIVE_WRITES.has(method) ? DRIVE_WRITE : DRIVE_READ;
    case 'UrlFetchApp':
      return FETCH;
    case 'ScriptApp':
      return method === 'getAuthorizationInfo' || className === 'AuthMode' ? NONE_NEEDED : SCRIPT_APP;
    case 'PropertiesService':
    case 'CacheService':
    case 'LockService':
      return STORAGE;
    default:
      return NONE_NEEDED;
  }
}

const MODE_RANK: Record<AuthMode, number> = { NONE: 0, LIMITED: 1, FULL: 2 };

export function modeAllows(actual: AuthMode, needed: AuthMode): boolean {
  return MODE_RANK[actual] >= MODE_RANK[needed];
}
