/**
 * The local harness: the emulated spreadsheet as a live, editable grid, the real build/Sidebar.html
 * beside it with google.script.run bridged to the emulator, every call one execution of the real
 * build/Code.js, and a browser for the emulated Drive. Listens on loopback only.
 *
 * Offline by default (simulated TikTok and Gemini). With a Gemini key, requests to Gemini's host go to
 * the real Gemini and the key is saved in Jenny's user properties, as if she had typed it in Settings.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { z } from 'zod';
import { VirtualClock } from '../../emulator/core/clock';
import { GasError } from '../../emulator/core/env';
import type { ExecutionReport } from '../../emulator/core/runtime';
import { offlineWorld } from '../../emulator/offline-world';
import { userScope } from '../../emulator/services/properties/properties-store';
import { DEFAULT_SIM_KEY } from '../../emulator/sim/gemini';
import { GEMINI_HOST } from '../../emulator/sim/gemini/hosts';
import type { World } from '../../emulator/world';
import { API_KEY_PROPERTY } from '../../src/server/settings/store';
import { seedDemo } from './demo';
import { cleanFileName, DriveView, sniffPhoto } from './drive-view';
import { forwardingHandler, SyncFetcher } from './forward';
import { LiveRuntime } from './live-runtime';
import { displayRows, gridView, sheetNames } from './sheet-view';
import { driveFileUrl, EditError, SheetUser } from './user-edits';

export interface HarnessOptions {
  port: number;
  stateDir: string;
  fresh: boolean;
  buildDir: string;
  /** Set up the sheet and type in the sample rows (examples/rows.csv) when the state is new. */
  demo?: boolean;
  /** A real Gemini key: Gemini's host is then the real one, and the key is saved as Jenny's. */
  geminiApiKey?: string;
  /** Where the real Gemini is (tests point it at a loopback server). Default: Gemini itself. */
  geminiBaseUrl?: string;
}

export interface HarnessMode {
  gemini: 'simulated' | 'real';
  tiktok: 'simulated';
}

const HERE = __dirname;
const MAX_JSON_BYTES = 60 * 1024 * 1024;
/** A product photo from the computer; Gemini takes at most 20 MB of inline data per request anyway. */
const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

export interface Harness {
  world: World;
  /** Runs the bundle's entry points as overlapping executions, the sheet live meanwhile. */
  runtime: LiveRuntime;
  server: http.Server;
  url: string;
  mode: HarnessMode;
  /** Rows the demo typed in (0 when the demo was not asked for or the state was already there). */
  demoRows: number;
  /** What Jenny does by hand in the sheet (the same path the page's edits take). */
  user: SheetUser;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `That is too large: at most ${Math.round(limit / 1024 / 1024)} MB.`));
        request.resume();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function readJson<T>(request: http.IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  // JSON only: a page on another site cannot send it without a preflight this server never answers.
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readBody(request, MAX_JSON_BYTES)).toString('utf8'));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'The request is not valid JSON.');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new HttpError(400, `The request is not what this address takes.`);
  return result.data;
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

const sendJson = (response: http.ServerResponse, status: number, value: unknown) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

function answer(report: ExecutionReport): { ok: boolean; value?: unknown; name?: string; message?: string } {
  return report.status === 'completed'
    ? { ok: true, value: report.value ?? null }
    : { ok: false, name: report.error?.name ?? 'Error', message: report.error?.message ?? report.status };
}

let pageScript: string | null = null;

/** The page's script: scripts/harness/page/*.ts bundled once per process. */
function pageBundle(): string {
  if (pageScript === null) {
    const result = buildSync({
      entryPoints: [path.join(HERE, 'page', 'main.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error('harness: esbuild produced no page script');
    pageScript = output.text;
  }
  return pageScript;
}

/** The clock time the saved state reached: the harness's clock must not run backwards on restart. */
function savedTime(stateDir: string): number | null {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(stateDir, 'world.json'), 'utf8')) as {
      time?: unknown;
    };
    return typeof saved.time === 'number' ? saved.time : null;
  } catch {
    return null;
  }
}

const sheetName = z.string().min(1).max(200);
const position = z.number().int().min(1).max(1_000_000);
const EditSchema = z.object({
  sheet: sheetName,
  row: position,
  column: position,
  values: z.array(z.array(z.string()).max(200)).min(1).max(5_000),
});
const SelectSchema = z.object({ sheet: sheetName, row: position, column: position });
const RpcSchema = z.object({ name: z.string().min(1).max(200), args: z.array(z.unknown()).optional() });
const MenuSchema = z.object({ functionName: z.string().min(1).max(200) });

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  if (options.fresh) fs.rmSync(options.stateDir, { recursive: true, force: true });
  const isNew = !fs.existsSync(path.join(options.stateDir, 'world.json'));
  const clock = new VirtualClock(Date.now());
  // Offline by default: the simulated TikTok, Gemini (it accepts the key DEFAULT_SIM_KEY from
  // emulator/sim/gemini) and Drive's REST API (with its image previews) answer every request.
  const { world } = offlineWorld({
    buildDir: options.buildDir,
    clock,
    stateDir: options.stateDir,
    // Files uploaded to Gemini live 48 hours on Google's side, not as long as this process.
    sims: { gemini: { filesDir: path.join(options.stateDir, 'gemini-files') } },
    // What the add-on commits (it flushes before letting go of its lock) is on disk at once, as in
    // Google's spreadsheet: a harness killed in the middle of a call resumes as Apps Script would.
    onServiceCall: (className, method) => {
      if (className === 'SpreadsheetApp' && method === 'flush') world.save();
    },
  });
  // The clock ran ahead of the machine's by the waits it skipped; it goes on from the latest moment
  // the saved state knows (Drive saves itself at every change, the rest after each call).
  const resumeAt = world.drive
    .list()
    .reduce((latest, item) => Math.max(latest, item.lastUpdated), savedTime(options.stateDir) ?? 0);
  clock.advanceTo(resumeAt);
  const mode: HarnessMode = { gemini: options.geminiApiKey ? 'real' : 'simulated', tiktok: 'simulated' };
  const fetcher = new SyncFetcher();
  if (options.geminiApiKey) {
    world.router.register(GEMINI_HOST, forwardingHandler(fetcher, { baseUrl: options.geminiBaseUrl }));
    world.properties.seed(userScope(world.defaultUser), { [API_KEY_PROPERTY]: options.geminiApiKey });
  }
  // Whatever an execution did is on disk when it ends (a trigger's too, with nobody on the page).
  const runtime = new LiveRuntime(world, () => world.save());
  const user = new SheetUser(world, runtime);
  const drive = new DriveView(world.drive, world.defaultUser);
  const shim = fs.readFileSync(path.join(HERE, 'gas-shim.js'), 'utf8');
  const page = fs.readFileSync(path.join(HERE, 'page.html'), 'utf8');
  const script = pageBundle();
  const ui = () => world.spreadsheets.ui(world.boundSpreadsheetId ?? '');

  // Opening the spreadsheet: the simple trigger builds the menu, then Jenny opens the sidebar.
  await runtime.run('onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED', kind: 'simple-trigger' });
  let demoRows = 0;
  if (options.demo && isNew) {
    if (!options.geminiApiKey) {
      // As if Jenny had saved her key in Settings: the simulated Gemini accepts this one.
      world.properties.seed(userScope(world.defaultUser), { [API_KEY_PROPERTY]: DEFAULT_SIM_KEY });
    }
    demoRows = await seedDemo(runtime, user, drive);
  }
  await runtime.run('showSidebar', [], { kind: 'menu' });
  world.save();

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) sendJson(response, error.status, { ok: false, message: error.message });
      else if (error instanceof EditError || error instanceof GasError) {
        sendJson(response, 400, { ok: false, message: error.message });
      } else sendJson(response, 500, { ok: false, message: String(error) });
    });
  });
  let port = options.port;

  /** Loopback only, and only pages of this harness may post: no other site or host name gets in. */
  function checkOrigin(request: http.IncomingMessage): void {
    const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    if (!allowed.has(request.headers.host ?? '')) throw new HttpError(403, 'Unknown host.');
    const origin = request.headers.origin;
    if (request.method !== 'GET' && origin !== undefined && !allowed.has(origin.replace(/^http:\/\//, ''))) {
      throw new HttpError(403, 'Requests from other sites are refused.');
    }
  }

  function state(url: URL) {
    const spreadsheet = world.boundSpreadsheet();
    const names = sheetNames(spreadsheet);
    const active = spreadsheet.sheets.find((sheet) => sheet.id === spreadsheet.activeSheetId)?.name;
    const wanted = url.searchParams.get('sheet') || active || names[0] || '';
    const toasts = ui().toasts;
    const toast = toasts[toasts.length - 1];
    return {
      spreadsheetName: spreadsheet.name,
      sheets: names,
      sheet: wanted,
      activeSheet: active ?? null,
      rows: displayRows(spreadsheet, wanted),
      grid: gridView(spreadsheet, wanted),
      menus: ui().menus,
      sidebarCount: ui().sidebars.length,
      sidebarTitle: ui().sidebar?.title ?? null,
      toast: toast ? { n: toasts.length, title: toast.title, message: toast.message } : null,
      mode,
    };
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    checkOrigin(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(response, 200, 'text/html; charset=utf-8', page);
      case 'GET /favicon.ico':
        response.writeHead(204);
        response.end();
        return;
      case 'GET /page.js':
        return send(response, 200, 'text/javascript; charset=utf-8', script);
      case 'GET /sidebar': {
        const html = ui().sidebar?.html ?? '<p>The sidebar is closed.</p>';
        const injected = html.replace('<head>', () => `<head><script>${shim}</script>`);
        return send(response, 200, 'text/html; charset=utf-8', injected);
      }
      case 'GET /state':
        return sendJson(response, 200, state(url));
      case 'POST /rpc': {
        const body = await readJson(request, RpcSchema);
        const report = await runtime.callFromSidebar(body.name, body.args ?? []);
        return sendJson(response, 200, answer(report));
      }
      case 'POST /menu': {
        const body = await readJson(request, MenuSchema);
        const report = await runtime.run(body.functionName, [], { kind: 'menu' });
        return sendJson(response, 200, answer(report));
      }
      case 'POST /edit': {
        const body = await readJson(request, EditSchema);
        const outcome = await user.edit(body.sheet, body.row, body.column, body.values);
        return sendJson(response, 200, { ok: true, ...outcome });
      }
      case 'POST /select': {
        const body = await readJson(request, SelectSchema);
        user.select(body.sheet, body.row, body.column);
        world.save();
        return sendJson(response, 200, { ok: true });
      }
      case 'POST /photo':
        return sendJson(response, 200, await dropPhoto(request, url));
      case 'GET /drive': {
        const folder = drive.folder(url.searchParams.get('id') ?? '');
        if (!folder) throw new HttpError(404, 'There is no such folder in your Drive.');
        return sendJson(response, 200, folder);
      }
      case 'GET /drive/file': {
        const file = drive.file(url.searchParams.get('id') ?? '');
        if (!file) throw new HttpError(404, 'There is no such file in your Drive.');
        response.writeHead(200, file.headers);
        response.end(file.bytes);
        return;
      }
      default:
        return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  }

  /** A photo dropped on a row: into Jenny's Drive, its link into the row's Product photo cell. */
  async function dropPhoto(request: http.IncomingMessage, url: URL) {
    // A header a form on another site cannot send without a preflight.
    const rawName = request.headers['x-file-name'];
    if (typeof rawName !== 'string') throw new HttpError(400, 'The file name is missing.');
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawName);
    } catch {
      throw new HttpError(400, 'The file name is not readable.');
    }
    const name = cleanFileName(decoded, 'product photo');
    const sheet = sheetName.safeParse(url.searchParams.get('sheet'));
    const row = position.safeParse(Number(url.searchParams.get('row')));
    if (!sheet.success || !row.success) throw new HttpError(400, 'Drop the photo on a row of the sheet.');
    const bytes = new Uint8Array(await readBody(request, MAX_PHOTO_BYTES));
    const type = sniffPhoto(bytes);
    if (!type) {
      throw new HttpError(
        415,
        `“${name}” is not a JPEG or PNG photo, so it was not added. Drop a JPEG or PNG picture of your product.`,
      );
    }
    // The row is checked before the photo goes into Drive, so a refused drop leaves nothing behind.
    user.photoColumn(sheet.data, row.data);
    const id = drive.addProductPhoto(name, type, bytes);
    const outcome = await user.setPhotoCell(sheet.data, row.data, driveFileUrl(id));
    return {
      ok: true,
      fileId: id,
      ...outcome,
      message: `“${name}” is in your Drive (My Drive › Product photos) and in row ${row.data}’s Product photo cell.`,
    };
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return {
    world,
    runtime,
    server,
    url: `http://127.0.0.1:${port}/`,
    mode,
    demoRows,
    user,
    close: async () => {
      await runtime.close();
      await fetcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
