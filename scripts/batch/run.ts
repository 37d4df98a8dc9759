/**
 * Runs one batch headless: the real build/Code.js in an offline world on the virtual clock, driven
 * through the very server functions the sidebar calls (set up, check, start, pump), with the minute
 * trigger firing as the clock passes it.
 */
import * as fs from 'node:fs';
import { TestEnv } from '../../emulator/core/env';
import { Runtime, type ExecutionReport } from '../../emulator/core/runtime';
import { offlineWorld } from '../../emulator/offline-world';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { DEFAULT_SIM_KEY } from '../../emulator/sim/gemini';
import type { World } from '../../emulator/world';
import type { Progress } from '../../src/server/engine/progress';
import { API_KEY_PROPERTY } from '../../src/server/settings/store';
import { BATCH_SHEET_NAME } from '../../src/shared/app';
import { COLUMNS, type ColumnKey } from '../../src/shared/columns';
import type { BatchCheckView } from '../../src/shared/rpc';
import { BatchInputError } from './args';
import type { CsvRow } from './csv';

export interface RunOptions {
  buildDir?: string;
  photoVariations?: number;
  textVariations?: number;
  seed?: number;
  onProgress?: (progress: Progress) => void;
}

export interface SheetRowResult {
  row: number;
  link: string;
  status: string;
  error: string;
  /** The Output cell's link (a Drive folder URL), or its text when it has no link. */
  outputUrl: string;
}

export interface BatchRun {
  world: World;
  progress: Progress;
  rows: SheetRowResult[];
  simulatedSeconds: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The open sidebar polls every few seconds; the same rhythm here keeps the run like Jenny's. */
const POLL_MS = 5_000;
const ENDED = new Set(['completed', 'cancelled', 'stopped']);

export function ok<T>(report: ExecutionReport<T>, what: string): T {
  if (report.status !== 'completed') {
    throw new Error(`${what} ${report.status}: ${report.error?.message ?? 'no message'}`);
  }
  return report.value as T;
}

function header(key: ColumnKey): string {
  const spec = COLUMNS.find((column) => column.key === key);
  if (!spec) throw new Error(`no column ${key}`);
  return spec.header;
}

/**
 * Jenny's first steps: Set up sheet from the menu, then the Batch sheet as she sees it (through a
 * Node-side SpreadsheetApp) and the column of each header.
 */
export function setUpBatchSheet(world: World, runtime: Runtime) {
  ok(runtime.run('setUpSheetFromMenu', [], { kind: 'menu' }), 'Set up sheet');
  const env = new TestEnv({ spreadsheetId: world.boundSpreadsheetId, user: world.defaultUser });
  const spreadsheet = createSpreadsheetApp(env, world.spreadsheets).openById(world.boundSpreadsheetId ?? '');
  const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  if (!sheet) throw new Error('Set up sheet made no Batch sheet.');
  const headers = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  return { sheet, column: (key: ColumnKey) => headers.indexOf(header(key)) + 1 };
}

export function runBatch(rows: CsvRow[], options: RunOptions = {}): BatchRun {
  const { world } = offlineWorld({
    buildDir: options.buildDir,
    seed: options.seed ?? 1,
    clock: 'virtual',
    // The manifest's fetch whitelist stays as pushed: an https photo on a site it does not list fails
    // its row with the add-on's own message, as it would in Apps Script.
    // The simulated Gemini accepts this key: as if Jenny had saved hers in Settings.
    userProperties: { [API_KEY_PROPERTY]: DEFAULT_SIM_KEY },
  });
  const runtime = new Runtime(world);
  const startedAt = world.clock.now();

  // Local photos become the user's own Drive files (one per path), pasted as share links.
  const photoIds = new Map<string, string>();
  const photoCell = (row: CsvRow): string => {
    if (row.photo.kind === 'url') return row.photo.url;
    if (row.photo.path === '') return '';
    let id = photoIds.get(row.photo.path);
    if (!id) {
      id = world.drive.addFile({
        name: row.photo.path.split(/[\\/]/).pop() ?? 'photo.jpg',
        owner: world.defaultUser,
        content: fs.readFileSync(row.photo.path),
      });
      photoIds.set(row.photo.path, id);
    }
    return `https://drive.google.com/file/d/${id}/view?usp=sharing`;
  };

  const { sheet, column: col } = setUpBatchSheet(world, runtime);
  // Pasted as Jenny would, each row at its own line so row numbers match the CSV's records.
  for (const row of rows) {
    sheet.getRange(row.row, col('link')).setValue(row.link);
    sheet.getRange(row.row, col('photo')).setValue(photoCell(row));
    sheet.getRange(row.row, col('description')).setValue(row.description);
  }

  const variations = { photoVariations: options.photoVariations, textVariations: options.textVariations };
  const check = ok(runtime.callFromSidebar<BatchCheckView>('checkBatch', [variations]), 'Check');
  if (check.readyCount === 0) {
    const reasons = [...check.invalid, ...check.duplicates, ...check.incomplete]
      .sort((a, b) => a.rowNumber - b.rowNumber)
      .map((row) => `  row ${row.rowNumber}: ${row.status}`);
    throw new BatchInputError(['No row is ready to run:', ...reasons].join('\n'));
  }
  // Pasting from Node fires no onEdit, so a row the batch skips has no Status cell: its reason is the
  // one the sidebar's Check showed.
  const reasons = new Map(
    [...check.invalid, ...check.duplicates, ...check.incomplete].map((row) => [row.rowNumber, row.status]),
  );
  ok(runtime.callFromSidebar('startBatch', [variations]), 'Start batch');

  let progress: Progress | null = null;
  for (;;) {
    const report = runtime.callFromSidebar<Progress | null>('pumpBatch', []);
    if (report.status === 'completed' && report.value) progress = report.value;
    runtime.runDueTriggers();
    if (progress) options.onProgress?.(progress);
    if (progress && ENDED.has(progress.status)) break;
    if (world.clock.now() - startedAt > DAY_MS) {
      throw new Error(
        `The batch did not end within a simulated day (${progress?.status ?? 'no progress'}: ${progress?.message ?? ''}).`,
      );
    }
    // A paused batch (a daily quota) waits for its reset rather than polling through the hours.
    const resumeAt = progress?.status === 'paused' ? (progress.resumeAt ?? 0) : 0;
    world.clock.advance(Math.max(POLL_MS, resumeAt - world.clock.now()));
  }

  const display = sheet.getDataRange().getDisplayValues();
  const results = rows.map((row): SheetRowResult => {
    const cells = display[row.row - 1] ?? [];
    const output = sheet.getRange(row.row, col('output')).getRichTextValue();
    return {
      row: row.row,
      link: row.link,
      status: (cells[col('status') - 1] ?? '') || (reasons.get(row.row) ?? ''),
      error: cells[col('error') - 1] ?? '',
      outputUrl: output?.getLinkUrl() ?? cells[col('output') - 1] ?? '',
    };
  });
  return { world, progress, rows: results, simulatedSeconds: (world.clock.now() - startedAt) / 1000 };
}
