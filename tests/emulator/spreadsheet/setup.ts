import { TestEnv } from '../../../emulator/core/env';
import {
  createSpreadsheetApp,
  SpreadsheetStore,
  type SpreadsheetAppOptions,
} from '../../../emulator/services/spreadsheet';

export const SS_ID = 'ss-bound';

/** A world with one bound spreadsheet ("Batch", sheet "Sheet1") and the SpreadsheetApp global. */
export function setup(options: SpreadsheetAppOptions & { timeZone?: string } = {}) {
  const env = new TestEnv({ spreadsheetId: SS_ID });
  const store = new SpreadsheetStore();
  store.create({ id: SS_ID, name: 'Batch', timeZone: options.timeZone ?? 'Etc/GMT' });
  const app = createSpreadsheetApp(env, store, options);
  const ss = app.openById(SS_ID);
  const sheet = ss.getSheets()[0]!;
  return { env, store, app, ss, sheet };
}
