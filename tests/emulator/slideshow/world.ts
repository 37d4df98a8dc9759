/**
 * The real bundle (build/Code.js, `npm run build` first) in an emulated world with every service the
 * slideshow job talks to: the simulated TikTok, Gemini, Drive REST (with Drive's image previews).
 * Jenny's hands are a Node-side SpreadsheetApp: she sets up the sheet, pastes rows, saves her key.
 */
import { TestEnv } from '../../../emulator/core/env';
import { Runtime, type ExecutionReport, type RunOptions } from '../../../emulator/core/runtime';
import type { Manifest } from '../../../emulator/core/world';
import { userScope } from '../../../emulator/services/properties/properties-store';
import { createSpreadsheetApp } from '../../../emulator/services/spreadsheet';
import {
  createDriveRestSim,
  userForTokenAmong,
  type DriveRestSimOptions,
} from '../../../emulator/sim/drive-rest';
import { withDriveThumbnails } from '../../../emulator/sim/drive-thumbnails';
import { createGeminiSim, DEFAULT_SIM_KEY, type GeminiSimOptions } from '../../../emulator/sim/gemini';
import { renderSlideJpeg } from '../../../emulator/sim/jpeg-slides';
import { createTikTokSim, type TikTokSimOptions } from '../../../emulator/sim/tiktok';
import { loadProject, World } from '../../../emulator/world';
import { BATCH_SHEET_NAME } from '../../../src/shared/app';
import { COLUMNS } from '../../../src/shared/columns';
import { API_KEY_PROPERTY } from '../../../src/server/settings/store';

export const KEY = DEFAULT_SIM_KEY;
const SETTINGS_PROPERTY = 'slideshowRemix.settings';

export interface WorldOptions {
  seed?: number;
  gemini?: GeminiSimOptions;
  tiktok?: TikTokSimOptions;
  drive?: Partial<Omit<DriveRestSimOptions, 'store' | 'userForToken'>>;
  /** Extra urlFetchWhitelist entries (an https product photo host). */
  whitelist?: string[];
  /** Settings as saved by the sidebar (merged over the defaults by the server). */
  settings?: Record<string, unknown>;
  /** The key saved in Settings; null for none. */
  key?: string | null;
}

export function slideshowWorld(options: WorldOptions = {}) {
  const project = loadProject('build');
  const manifest: Manifest = {
    ...project.manifest,
    urlFetchWhitelist: [...(project.manifest.urlFetchWhitelist ?? []), ...(options.whitelist ?? [])],
  };
  const world = new World({ project: { ...project, manifest }, seed: options.seed ?? 1 });
  const user = world.defaultUser;
  const tiktok = createTikTokSim({ seed: options.seed ?? 1, ...options.tiktok });
  const gemini = createGeminiSim({ seed: options.seed ?? 1, ...options.gemini });
  const userForToken = userForTokenAmong([user]);
  const drive = createDriveRestSim({
    store: world.drive,
    userForToken,
    seed: options.seed ?? 1,
    ...options.drive,
  });
  const previews = withDriveThumbnails(drive.handlers, world.drive, userForToken);
  world.router.registerAll(tiktok.handlers);
  world.router.registerAll(gemini.handlers);
  world.router.registerAll(previews.handlers);
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) world.properties.seed(userScope(user), { [API_KEY_PROPERTY]: key });
  if (options.settings) {
    world.properties.seed(userScope(user), { [SETTINGS_PROPERTY]: JSON.stringify(options.settings) });
  }
  const runtime = new Runtime(world);
  const env = new TestEnv({ spreadsheetId: world.boundSpreadsheetId });
  const spreadsheet = createSpreadsheetApp(env, world.spreadsheets).openById(world.boundSpreadsheetId ?? '');
  const batchSheet = () => {
    const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
    if (!sheet) throw new Error('no Batch sheet');
    return sheet;
  };
  return { world, runtime, tiktok, gemini, drive, previews, user, key, spreadsheet, batchSheet };
}

export type SlideshowWorld = ReturnType<typeof slideshowWorld>;

export function expectOk<T>(report: ExecutionReport<T>): T {
  if (report.status !== 'completed') {
    throw new Error(`execution ${report.status}: ${report.error?.name}: ${report.error?.message}`);
  }
  return report.value as T;
}

/** A product photo in Jenny's My Drive: a real JPEG; returns the share link she would paste. */
export function productPhoto(
  ctx: SlideshowWorld,
  options: { name?: string; width?: number; height?: number; quality?: number; seed?: number } = {},
): { id: string; link: string; bytes: number } {
  const bytes = renderSlideJpeg(
    {
      width: options.width ?? 480,
      height: options.height ?? 480,
      seed: options.seed ?? 99,
      number: 1,
      count: 1,
      text: 'PRODUCT',
    },
    options.quality ?? 85,
  );
  const id = ctx.world.drive.addFile({
    name: options.name ?? 'bottle.jpg',
    owner: ctx.user,
    mimeType: 'image/jpeg',
    content: bytes,
  });
  return { id, link: `https://drive.google.com/file/d/${id}/view?usp=sharing`, bytes: bytes.length };
}

export type Row = [link: string, photo: string, description: string];

/** Set up the Batch sheet and paste rows under the header, as Jenny would. */
export function prepareSheet(ctx: SlideshowWorld, rows: Row[]): void {
  expectOk(ctx.runtime.run('setUpSheetFromMenu', [], { kind: 'menu' }));
  const sheet = ctx.batchSheet();
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const column = (key: 'link' | 'photo' | 'description') =>
    header.indexOf(COLUMNS.find((spec) => spec.key === key)?.header ?? '') + 1;
  rows.forEach((row, index) => {
    sheet.getRange(index + 2, column('link')).setValue(row[0]);
    sheet.getRange(index + 2, column('photo')).setValue(row[1]);
    sheet.getRange(index + 2, column('description')).setValue(row[2]);
  });
}

export interface ProgressView {
  status: string;
  message: string | null;
  unitsDone: number;
  resumeAt: number | null;
  rows: { total: number; completed: number; failed: number; inProgress: number; queued: number };
  failures: { number: number; error: string }[];
  events: { text: string }[];
  startedAt: number;
}

/** The sidebar pumping until the batch ends (or `until` says stop), the clock moving between calls. */
export function pumpUntilDone(
  ctx: SlideshowWorld,
  options: { maxCalls?: number; until?: (progress: ProgressView) => boolean; kill?: RunOptions['kill'] } = {},
): ProgressView {
  let progress: ProgressView | null = null;
  for (let call = 0; call < (options.maxCalls ?? 200); call++) {
    const report = ctx.runtime.callFromSidebar<ProgressView | null>(
      'pumpBatch',
      [],
      call === 0 && options.kill ? { kill: options.kill } : {},
    );
    if (report.status === 'completed') progress = report.value ?? progress;
    const status = progress?.status;
    if (progress && options.until?.(progress)) return progress;
    if (status === 'completed' || status === 'cancelled' || status === 'stopped')
      return progress as ProgressView;
    // The sidebar polls every few seconds; leases of a killed execution run out meanwhile.
    ctx.world.clock.advance(5_000);
  }
  throw new Error(`the batch did not end: ${JSON.stringify(progress)}`);
}

/** Status, Output and Error of every data row, by the Link cell's text. */
export function sheetRows(
  ctx: SlideshowWorld,
): Map<string, { status: string; output: string; error: string; outputUrl: string | null }> {
  const sheet = ctx.batchSheet();
  const values = sheet.getDataRange().getDisplayValues();
  const header = values[0] ?? [];
  const at = (name: string) => header.indexOf(name);
  const out = new Map<string, { status: string; output: string; error: string; outputUrl: string | null }>();
  values.slice(1).forEach((row, index) => {
    const link = row[at('Link')] ?? '';
    if (link === '') return;
    const outputCell = sheet.getRange(index + 2, at('Output') + 1).getRichTextValue();
    out.set(link, {
      status: row[at('Status')] ?? '',
      output: row[at('Output')] ?? '',
      error: row[at('Error')] ?? '',
      outputUrl: outputCell?.getLinkUrl() ?? null,
    });
  });
  return out;
}

/** Every path under the batch folder (the folders as "dir/"), sorted: the Drive tree as Jenny sees it. */
export function driveTree(ctx: SlideshowWorld): string[] {
  const root = ctx.world.drive.rootId(ctx.user);
  const paths: string[] = [];
  const walk = (id: string, prefix: string) => {
    for (const item of ctx.world.drive.children(id)) {
      if (ctx.world.drive.isTrashed(item.id)) continue;
      const folder = item.mimeType === 'application/vnd.google-apps.folder';
      const path = `${prefix}${item.name}${folder ? '/' : ''}`;
      paths.push(path);
      if (folder) walk(item.id, path);
    }
  };
  walk(root, '');
  return paths.sort();
}
