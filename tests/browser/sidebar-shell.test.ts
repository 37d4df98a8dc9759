/**
 * The real Sidebar.html in headless Chromium inside the harness: its typed RPC wrapper calls the bundle
 * through the google.script.run bridge and shows the answer; menu items change what it shows.
 */
import type { Browser } from 'playwright-core';
import type { Harness } from '../../scripts/harness/server';
import { openBrowserHarness, type BrowserHarness } from './browser-harness';
import { screenshot } from './chromium';

let harness: Harness;
let browser: Browser;
let session: BrowserHarness;

beforeAll(async () => {
  ({ harness, browser } = session = await openBrowserHarness('harness-browser-'));
});

afterAll(async () => {
  await session?.close();
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
