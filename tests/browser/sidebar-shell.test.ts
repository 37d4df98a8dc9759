/**
 * The real Sidebar.html in headless Chromium inside the harness: its typed RPC wrapper calls the bundle
 * through the google.script.run bridge and shows the answer; menu items change what it shows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { startHarness, type Harness } from '../../scripts/harness/server';
import { launchChromium, screenshot } from './chromium';

let harness: Harness;
let browser: Browser;
let stateDir: string;

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-browser-'));
  harness = await startHarness({ port: 0, stateDir, fresh: true, buildDir: 'build' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('sidebar in the harness', () => {
  it('shows what the server answered, and follows Set up sheet', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 600 } });
    await page.goto(harness.url);
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.getByTestId('spreadsheet-name').filter({ hasText: 'Product slideshows' }).waitFor();
    await sidebar
      .getByTestId('sheet-state')
      .filter({ hasText: /no Batch sheet yet/ })
      .waitFor();

    await page.getByRole('button', { name: /Set up sheet/ }).click();
    await page.getByRole('cell', { name: 'Product description' }).waitFor();
    await page.getByRole('button', { name: /Open sidebar/ }).click();
    // Reopening the sidebar loads a new page, which asks the server again.
    await sidebar
      .getByTestId('sheet-state')
      .filter({ hasText: /Batch sheet is ready/ })
      .waitFor();
    expect(await sidebar.getByTestId('spreadsheet-name').textContent()).toBe('Product slideshows');
    await screenshot(page, 'harness-sidebar-shell');
    await page.close();
  });
});
