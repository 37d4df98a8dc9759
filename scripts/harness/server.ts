/**
 * The local harness: the emulated spreadsheet as a page, the real build/Sidebar.html beside it with
 * google.script.run bridged to the emulator, every call one execution of the real build/Code.js.
 * Listens on loopback only.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { Runtime, type ExecutionReport } from '../../emulator/core/runtime';
import { offlineWorld } from '../../emulator/offline-world';
import type { World } from '../../emulator/world';
import { displayRows, sheetNames } from './sheet-view';

export interface HarnessOptions {
  port: number;
  stateDir: string;
  fresh: boolean;
  buildDir: string;
}

const HERE = __dirname;
const MAX_BODY_BYTES = 60 * 1024 * 1024;

export interface Harness {
  world: World;
  runtime: Runtime;
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

function answer(report: ExecutionReport): { ok: boolean; value?: unknown; name?: string; message?: string } {
  return report.status === 'completed'
    ? { ok: true, value: report.value ?? null }
    : { ok: false, name: report.error?.name ?? 'Error', message: report.error?.message ?? report.status };
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  if (options.fresh) fs.rmSync(options.stateDir, { recursive: true, force: true });
  // Offline by default: the simulated TikTok, Gemini (it accepts the key DEFAULT_SIM_KEY from
  // emulator/sim/gemini) and Drive's REST API (with its image previews) answer every request.
  const { world } = offlineWorld({
    buildDir: options.buildDir,
    clock: 'fast-forward',
    stateDir: options.stateDir,
  });
  const runtime = new Runtime(world);
  const shim = fs.readFileSync(path.join(HERE, 'gas-shim.js'), 'utf8');
  const page = fs.readFileSync(path.join(HERE, 'page.html'), 'utf8');
  const ui = () => world.spreadsheets.ui(world.boundSpreadsheetId ?? '');

  // Opening the spreadsheet: the simple trigger builds the menu, then Jenny opens the sidebar.
  runtime.run('onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED', kind: 'simple-trigger' });
  runtime.run('showSidebar', [], { kind: 'menu' });
  world.save();

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, 'text/plain', String(error)));
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html', page);
    if (request.method === 'GET' && url.pathname === '/sidebar') {
      const html = ui().sidebar?.html ?? '<p>The sidebar is closed.</p>';
      const injected = html.replace('<head>', () => `<head><script>${shim}</script>`);
      return send(response, 200, 'text/html', injected);
    }
    if (request.method === 'GET' && url.pathname === '/state') {
      const spreadsheet = world.boundSpreadsheet();
      const names = sheetNames(spreadsheet);
      const active = spreadsheet.sheets.find((sheet) => sheet.id === spreadsheet.activeSheetId)?.name;
      const wanted = url.searchParams.get('sheet') || active || names[0] || '';
      return send(
        response,
        200,
        'application/json',
        JSON.stringify({
          sheets: names,
          sheet: wanted,
          rows: displayRows(spreadsheet, wanted),
          menus: ui().menus,
          sidebarCount: ui().sidebars.length,
          sidebarTitle: ui().sidebar?.title ?? null,
        }),
      );
    }
    if (request.method === 'POST' && (url.pathname === '/rpc' || url.pathname === '/menu')) {
      const body = JSON.parse(await readBody(request)) as {
        name?: string;
        functionName?: string;
        args?: unknown[];
      };
      const report =
        url.pathname === '/rpc'
          ? runtime.callFromSidebar(String(body.name), Array.isArray(body.args) ? body.args : [])
          : runtime.run(String(body.functionName), [], { kind: 'menu' });
      runtime.runDueTriggers();
      world.save();
      return send(response, 200, 'application/json', JSON.stringify(answer(report)));
    }
    send(response, 404, 'text/plain', 'Not found');
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    world,
    runtime,
    server,
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
