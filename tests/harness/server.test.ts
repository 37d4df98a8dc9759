import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startHarness, type Harness } from '../../scripts/harness/server';

let harness: Harness;
let stateDir: string;

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-'));
  harness = await startHarness({ port: 0, stateDir, fresh: true, buildDir: 'build' });
});

afterAll(async () => {
  await harness.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

async function post(route: string, body: unknown) {
  const response = await fetch(new URL(route, harness.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; message?: string };
}

describe('local harness', () => {
  it('listens on loopback only', () => {
    const address = harness.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('opens the spreadsheet: the menu from onOpen and the real sidebar are there', async () => {
    const state = (await (await fetch(new URL('/state', harness.url))).json()) as {
      menus: { items: { functionName?: string }[] }[];
      sidebarCount: number;
    };
    expect(state.menus[0]?.items.map((item) => item.functionName)).toEqual([
      'showSidebar',
      'setUpSheetFromMenu',
    ]);
    expect(state.sidebarCount).toBe(1);
    const sidebar = await (await fetch(new URL('/sidebar', harness.url))).text();
    // The shipped sidebar, with the harness's google.script.run bridge put in front of it.
    expect(sidebar).toContain(fs.readFileSync('build/Sidebar.html', 'utf8').slice(-200));
    expect(sidebar.indexOf('window.google')).toBeLessThan(sidebar.indexOf('<div id="app">'));
  });

  it('answers google.script.run calls by running the bundle', async () => {
    const answer = await post('/rpc', { name: 'getAppInfo', args: [] });
    expect(answer).toMatchObject({
      ok: true,
      value: { spreadsheetName: 'Product slideshows', batchSheetExists: false },
    });
    const missing = await post('/rpc', { name: 'noSuchFunction', args: [] });
    expect(missing).toEqual({
      ok: false,
      name: 'Error',
      message: 'Script function not found: noSuchFunction',
    });
  });

  it('runs menu items, and the grid shows what they did', async () => {
    expect((await post('/menu', { functionName: 'setUpSheetFromMenu' })).ok).toBe(true);
    const state = (await (await fetch(new URL('/state?sheet=Batch', harness.url))).json()) as {
      sheets: string[];
      rows: string[][];
    };
    expect(state.sheets).toContain('Batch');
    expect(state.rows[0]).toEqual([
      'Link',
      'Product photo',
      'Product description',
      'Photo variations',
      'Text variations',
      'Status',
      'Output',
      'Error',
    ]);
  });

  it('keeps state across a restart', async () => {
    await harness.close();
    harness = await startHarness({ port: 0, stateDir, fresh: false, buildDir: 'build' });
    const answer = await post('/rpc', { name: 'getAppInfo', args: [] });
    expect(answer).toMatchObject({ ok: true, value: { batchSheetExists: true } });
  });
});
