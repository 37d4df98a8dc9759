/**
 * The real build/Code.js (npm test builds it first) loaded into the emulator: the entry points Apps
 * Script and the sidebar call, in each authorization mode.
 */
import { Runtime } from '../../../emulator/core/runtime';
import { World } from '../../../emulator/world';
import { APP_NAME, BATCH_SHEET_NAME } from '../../../src/shared/app';
import { COLUMNS } from '../../../src/shared/columns';

function setup() {
  const world = new World({ buildDir: 'build' });
  return {
    world,
    runtime: new Runtime(world),
    ui: () => world.spreadsheets.ui(world.boundSpreadsheetId ?? ''),
  };
}

describe('the real bundle in the emulator', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)(
    'onOpen builds the add-on menu in AuthMode.%s',
    (authMode) => {
      const { runtime, ui } = setup();
      const report = runtime.run('onOpen', [{ authMode }], { authMode, kind: 'simple-trigger' });
      expect(report.error).toBeUndefined();
      expect(report.status).toBe('completed');
      expect(ui().menus).toEqual([
        {
          title: APP_NAME,
          addon: true,
          items: [
            { caption: 'Open sidebar', functionName: 'showSidebar' },
            { caption: 'Set up sheet', functionName: 'setUpSheetFromMenu' },
          ],
        },
      ]);
    },
  );

  it('every menu item names a function the bundle defines', () => {
    const { runtime, ui } = setup();
    runtime.run('onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE', kind: 'simple-trigger' });
    for (const menu of ui().menus) {
      for (const item of menu.items) {
        if (!('functionName' in item)) continue;
        const probe = runtime.run(item.functionName, [], { kind: 'menu' });
        expect(probe.error?.message ?? '').not.toMatch(/Script function not found/);
      }
    }
  });

  it('onInstall shows the menu too', () => {
    const { runtime, ui } = setup();
    const report = runtime.run('onInstall', [{ authMode: 'FULL' }], { kind: 'simple-trigger' });
    expect(report.status).toBe('completed');
    expect(ui().menus).toHaveLength(1);
  });

  it('in AuthMode.NONE a script touching the document is refused, as Apps Script refuses it', () => {
    const { runtime } = setup();
    const report = runtime.run('getAppInfo', [], { authMode: 'NONE' });
    expect(report.status).toBe('failed');
    expect(report.error?.message).toMatch(
      /You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
  });

  it('showSidebar opens Sidebar.html with the add-on title', () => {
    const { runtime, ui, world } = setup();
    const report = runtime.run('showSidebar', [], { kind: 'menu' });
    expect(report.status).toBe('completed');
    expect(ui().sidebar?.title).toBe(APP_NAME);
    expect(ui().sidebar?.html).toBe(world.project.html['Sidebar']);
  });

  it('answers the sidebar RPC with plain data google.script.run can carry', () => {
    const { runtime, world } = setup();
    const before = world.clock.now();
    const report = runtime.callFromSidebar('getAppInfo');
    expect(report.status).toBe('completed');
    expect(report.value).toEqual({
      appName: APP_NAME,
      version: expect.any(String),
      spreadsheetName: 'Product slideshows',
      batchSheetExists: false,
      serverTime: expect.any(Number),
    });
    const info = report.value as { serverTime: number };
    // The script's Date reads the emulator's clock, not the machine's.
    expect(info.serverTime).toBeGreaterThanOrEqual(before);
    expect(info.serverTime).toBeLessThanOrEqual(world.clock.now());
  });

  it('Set up sheet creates the Batch sheet with every column, frozen header and notes', () => {
    const { runtime, world } = setup();
    const report = runtime.run('setUpSheetFromMenu', [], { kind: 'menu' });
    expect(report.error).toBeUndefined();
    const check = runtime.callFromSidebar<{ batchSheetExists: boolean }>('getAppInfo');
    expect(check.value?.batchSheetExists).toBe(true);
    const toasts = world.spreadsheets.ui(world.boundSpreadsheetId ?? '').toasts;
    expect(toasts.at(-1)?.message).toMatch(/Batch sheet is ready/);
    const sheetReport = runtime.run('setUpSheetFromMenu', [], { kind: 'menu' });
    expect(sheetReport.status).toBe('completed');
    expect(world.spreadsheets.ui(world.boundSpreadsheetId ?? '').toasts.at(-1)?.message).toMatch(
      /already set up/,
    );
    expect(BATCH_SHEET_NAME).toBe('Batch');
    expect(COLUMNS.length).toBeGreaterThan(5);
  });

  it('each execution is charged time on the clock for its service calls', () => {
    const { runtime } = setup();
    const report = runtime.run('showSidebar', [], { kind: 'menu' });
    expect(report.calls).toBeGreaterThan(0);
    expect(report.durationMs).toBeGreaterThan(0);
  });
});
