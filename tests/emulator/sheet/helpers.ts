/**
 * The real bundle in the emulator, and a Node-side view of the same spreadsheets (what Jenny does by
 * hand: typing, pasting, sorting) through the emulated SpreadsheetApp with a test execution.
 */
import { TestEnv } from '../../../emulator/core/env';
import { Runtime } from '../../../emulator/core/runtime';
import { createSpreadsheetApp } from '../../../emulator/services/spreadsheet';
import { World } from '../../../emulator/world';
import { BATCH_SHEET_NAME } from '../../../src/shared/app';
import { COLUMNS, type ColumnKey } from '../../../src/shared/columns';

export const HEADERS = COLUMNS.map((c) => c.header);
export const POST_A = 'https://www.tiktok.com/@glow.daily/photo/7401234567890123456';
export const POST_B = 'https://www.tiktok.com/@glow.daily/photo/7402222222222222222';
export const POST_C = 'https://www.tiktok.com/@skin.lab/photo/7403333333333333333';
export const PHOTO = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456/view';
export const DESCRIPTION = 'A vitamin C serum for dull skin, 30 ml.';

export function setUpWorld() {
  const world = new World({ buildDir: 'build' });
  const runtime = new Runtime(world);
  const env = new TestEnv({ spreadsheetId: world.boundSpreadsheetId });
  const app = createSpreadsheetApp(env, world.spreadsheets);
  const spreadsheet = app.openById(world.boundSpreadsheetId ?? '');
  return {
    world,
    runtime,
    env,
    app,
    spreadsheet,
    batch: () => {
      const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
      if (!sheet) throw new Error('no Batch sheet');
      return sheet;
    },
    /** Everything about every sheet of the bound spreadsheet, for before/after comparisons. */
    state: () => JSON.stringify(world.spreadsheets.toJSON()),
    toasts: () => world.spreadsheets.ui(world.boundSpreadsheetId ?? '').toasts,
    setUp: () => runtime.run('setUpSheetFromMenu', [], { kind: 'menu' }),
  };
}

export type Setup = ReturnType<typeof setUpWorld>;

/** 1-based column of a header in the Batch sheet's row 1. */
export function columnOf(ctx: Setup, key: ColumnKey): number {
  const header = COLUMNS.find((c) => c.key === key)?.header;
  const row = ctx.batch().getRange(1, 1, 1, ctx.batch().getLastColumn()).getValues()[0] ?? [];
  const index = row.indexOf(header ?? '');
  if (index === -1) throw new Error(`no ${header} column`);
  return index + 1;
}

/** Service calls made so far, by "Class.method". */
export function callCounts(ctx: Setup): Map<string, number> {
  return new Map(ctx.world.quotas.calls);
}

export function callsSince(ctx: Setup, before: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, count] of ctx.world.quotas.calls) {
    const delta = count - (before.get(key) ?? 0);
    if (delta > 0) out[key] = delta;
  }
  return out;
}
