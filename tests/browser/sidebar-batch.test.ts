/**
 * The whole batch flow in the real sidebar inside the harness: an empty spreadsheet, Set up sheet from
 * the menu, two rows pasted (Node-side, through the emulated SpreadsheetApp, as the harness grid has no
 * cell editing yet), "2 ready" in Check, Start batch, the progress screen pumping, the completion screen.
 */
import type { Browser } from 'playwright-core';
import { TestEnv } from '../../emulator/core/env';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { renderSlideJpeg } from '../../emulator/sim/jpeg-slides';
import type { Harness } from '../../scripts/harness/server';
import { BATCH_SHEET_NAME } from '../../src/shared/app';
import { COLUMNS } from '../../src/shared/columns';
import { openBrowserHarness, type BrowserHarness } from './browser-harness';
import { screenshot } from './chromium';

const LINKS = [
  'https://www.tiktok.com/@seen.first/photo/7312345678901234567',
  'https://www.tiktok.com/@someone/photo/7398765432109876543',
];
const DESCRIPTION = 'Glow Drops: a vitamin C serum for dull skin, 30 ml, fragrance free.';

let harness: Harness;
let browser: Browser;
let session: BrowserHarness;

beforeAll(async () => {
  ({ harness, browser } = session = await openBrowserHarness('harness-batch-', { savedKey: true }));
});

afterAll(async () => {
  await session?.close();
});

/** Pastes rows under the Batch sheet's header, as Jenny would, with a product photo in her Drive. */
function pasteRows(links: string[]): void {
  const { world } = harness;
  const photo = renderSlideJpeg(
    { width: 480, height: 480, seed: 99, number: 1, count: 1, text: 'PRODUCT' },
    85,
  );
  const photoId = world.drive.addFile({
    name: 'bottle.jpg',
    owner: world.defaultUser,
    mimeType: 'image/jpeg',
    content: photo,
  });
  const photoLink = `https://drive.google.com/file/d/${photoId}/view?usp=sharing`;
  const spreadsheet = createSpreadsheetApp(
    new TestEnv({ spreadsheetId: world.boundSpreadsheetId }),
    world.spreadsheets,
  ).openById(world.boundSpreadsheetId ?? '');
  const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  if (!sheet) throw new Error('no Batch sheet');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const column = (key: 'link' | 'photo' | 'description') =>
    header.indexOf(COLUMNS.find((spec) => spec.key === key)?.header ?? '') + 1;
  links.forEach((link, index) => {
    sheet.getRange(index + 2, column('link')).setValue(link);
    sheet.getRange(index + 2, column('photo')).setValue(photoLink);
    sheet.getRange(index + 2, column('description')).setValue(DESCRIPTION);
  });
  world.save();
}

describe('the batch flow in the sidebar', () => {
  it('checks two ready rows, runs them and shows the completion screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(harness.url);
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.getByTestId('setup-hint').waitFor();

    await page.getByRole('button', { name: /Set up sheet/ }).click();
    await page.getByRole('cell', { name: 'Product description' }).waitFor();
    pasteRows(LINKS);
    await page.getByRole('button', { name: /Open sidebar/ }).click();

    await sidebar
      .getByTestId('check-summary')
      .filter({ hasText: /2 ready/ })
      .waitFor();
    expect(await sidebar.getByTestId('per-link').textContent()).toContain('6 per link');
    await sidebar.getByTestId('variation-total').filter({ hasText: '12 for 2 links' }).waitFor();
    await screenshot(page, 'harness-sidebar-check');

    await sidebar.getByTestId('start-batch').click();
    await sidebar.getByTestId('progress-screen').waitFor();
    await screenshot(page, 'harness-sidebar-progress');

    await sidebar.getByTestId('completion-screen').waitFor({ timeout: 90_000 });
    expect(await sidebar.getByTestId('completion-summary').textContent()).toMatch(/2 of 2 links done/);
    expect(await sidebar.getByTestId('outputs').getByRole('link').count()).toBe(2);
    await screenshot(page, 'harness-sidebar-complete');
    await page.close();
  }, 120_000);
});
