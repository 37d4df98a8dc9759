/**
 * Single link mode (FR1) in the real sidebar inside the harness: "Run selected row" waits, with the
 * reason, while the selection is not a ready row; a link, a photo and a description typed in the sidebar
 * become a new row of the grid and run at once; the steps show as they go, a reopened sidebar shows the
 * same run, and the slides end as thumbnails that really load, for each variation.
 */
import type { Browser, FrameLocator, Locator } from 'playwright-core';
import { TestEnv } from '../../emulator/core/env';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { renderSlideJpeg } from '../../emulator/sim/jpeg-slides';
import type { Harness } from '../../scripts/harness/server';
import { BATCH_SHEET_NAME } from '../../src/shared/app';
import { openBrowserHarness, type BrowserHarness } from './browser-harness';
import { screenshot } from './chromium';

const LINK = 'https://www.tiktok.com/@seen.first/photo/7312345678901234567';
const DESCRIPTION = 'Glow Drops: a vitamin C serum for dull skin, 30 ml, fragrance free.';

let harness: Harness;
let browser: Browser;
let session: BrowserHarness;

beforeAll(async () => {
  ({ harness, browser } = session = await openBrowserHarness('harness-single-', { savedKey: true }));
});

afterAll(async () => {
  await session?.close();
});

/** A product photo in Jenny's Drive; the share link she would paste. */
function productPhotoLink(): string {
  const { world } = harness;
  const id = world.drive.addFile({
    name: 'bottle.jpg',
    owner: world.defaultUser,
    mimeType: 'image/jpeg',
    content: renderSlideJpeg({ width: 480, height: 480, seed: 99, number: 1, count: 1, text: 'PRODUCT' }, 85),
  });
  return `https://drive.google.com/file/d/${id}/view?usp=sharing`;
}

/** Jenny clicks the header row of the Batch sheet. */
function selectHeader(): void {
  const { world } = harness;
  const spreadsheet = createSpreadsheetApp(
    new TestEnv({ spreadsheetId: world.boundSpreadsheetId }),
    world.spreadsheets,
  ).openById(world.boundSpreadsheetId ?? '');
  const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  if (!sheet) throw new Error('no Batch sheet');
  spreadsheet.setActiveSheet(sheet);
  sheet.getRange('B1').activate();
  world.save();
}

/** Every thumbnail image has loaded and decoded to real pixels. */
async function loadedSizes(thumbnails: Locator): Promise<number[]> {
  return thumbnails.evaluateAll((images) =>
    images.map((image) => {
      const img = image as HTMLImageElement;
      return img.complete ? img.naturalWidth : 0;
    }),
  );
}

async function chooseSingle(sidebar: FrameLocator): Promise<void> {
  await sidebar.getByRole('radio', { name: 'Single link' }).check();
  await sidebar.getByTestId('single-screen').waitFor();
}

describe('single link mode in the sidebar', () => {
  it('runs a typed link at once and shows its slides as thumbnails', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1100 } });
    await page.goto(harness.url);
    await page.getByRole('button', { name: /Set up sheet/ }).click();
    await page.getByRole('cell', { name: 'Product description' }).waitFor();
    selectHeader();
    const photo = productPhotoLink();
    await page.getByRole('button', { name: /Open sidebar/ }).click();
    const sidebar = page.frameLocator('#sidebar');
    await chooseSingle(sidebar);

    // The selection is the header row: nothing to run, and the button says why.
    const state = sidebar.getByTestId('selected-row-state');
    await state.filter({ hasText: /header row is selected/ }).waitFor();
    const runSelected = sidebar.getByTestId('start-single');
    expect(await runSelected.isDisabled()).toBe(true);
    expect(await runSelected.getAttribute('aria-describedby')).toBe('selected-row-state');

    // A bad link is refused as typed, with the Status column's words, before anything is sent.
    await sidebar.getByLabel('TikTok link').fill('https://www.instagram.com/p/abc/');
    await sidebar.getByTestId('start-typed').click();
    await sidebar
      .getByTestId('single-link-error')
      .filter({ hasText: /^Invalid link: / })
      .waitFor();
    expect(await sidebar.getByLabel('TikTok link').getAttribute('aria-invalid')).toBe('true');
    expect(await sidebar.locator('body').evaluate(() => document.activeElement?.id)).toBe('single-link');

    await sidebar.getByLabel('TikTok link').fill(LINK);
    await sidebar.getByLabel('Product photo').fill(photo);
    await sidebar.getByLabel('Product description').fill(DESCRIPTION);
    await sidebar.getByTestId('single-photo-variations').selectOption('1');
    await sidebar.getByTestId('single-text-variations').selectOption('2');
    await screenshot(page, 'sidebar-single-form');
    await sidebar.getByTestId('start-typed').click();

    // It runs at once: the new row is in the grid, the steps show as they go.
    await sidebar.getByTestId('single-run').waitFor();
    await page.getByRole('cell', { name: LINK }).waitFor();
    await sidebar.getByTestId('single-steps').waitFor();
    await screenshot(page, 'sidebar-single-running');

    // Reopened while it runs, the sidebar shows the same run.
    await page.getByRole('button', { name: /Open sidebar/ }).click();
    await page.frameLocator('#sidebar').getByTestId('single-run').waitFor();

    await sidebar
      .getByTestId('single-run')
      .getByRole('heading', { name: 'Your link is done' })
      .waitFor({ timeout: 90_000 });
    expect(await sidebar.getByTestId('single-steps').locator('li.done').count()).toBe(5);
    expect(await sidebar.getByTestId('single-folder').getAttribute('href')).toMatch(
      /^https:\/\/drive\.google\.com\/drive\/folders\//,
    );
    await page.getByRole('cell', { name: 'Done', exact: true }).waitFor();

    // The slides, as small images that really loaded.
    const thumbnails = sidebar.getByTestId('thumbnail');
    await thumbnails.first().waitFor();
    await page.waitForTimeout(300);
    const first = await loadedSizes(thumbnails);
    expect(first.length).toBeGreaterThanOrEqual(3);
    expect(first.every((width) => width > 0 && width <= 240)).toBe(true);
    const firstSources = await thumbnails.evaluateAll((images) =>
      images.map((image) => (image as HTMLImageElement).src.slice(-64)),
    );
    expect(await thumbnails.first().getAttribute('alt')).toBe('Slide 1 of variation 1');
    await screenshot(page, 'sidebar-single-thumbnails');

    // The other variation: other images.
    await sidebar.getByTestId('thumbnail-variation').selectOption('2');
    await sidebar
      .getByTestId('thumbnails-state')
      .filter({ hasText: /^Variation 2: / })
      .waitFor();
    await page.waitForTimeout(300);
    const second = await loadedSizes(thumbnails);
    expect(second.length).toBe(first.length);
    expect(second.every((width) => width > 0)).toBe(true);
    const secondSources = await thumbnails.evaluateAll((images) =>
      images.map((image) => (image as HTMLImageElement).src.slice(-64)),
    );
    expect(secondSources).not.toEqual(firstSources);

    // Another link: back to the form; clicking the row in the grid makes it the one to run.
    await sidebar.getByTestId('single-another').click();
    await sidebar.getByTestId('single-screen').waitFor();
    await page.getByRole('cell', { name: LINK }).click();
    await sidebar.getByTestId('selected-row-state').filter({ hasText: /Row 2/ }).waitFor({ timeout: 15_000 });
    expect(await sidebar.getByTestId('selected-row-state').textContent()).toMatch(/Ready/);
    expect(await runSelected.isEnabled()).toBe(true);
    expect(await runSelected.textContent()).toBe('Run row 2');
    await screenshot(page, 'sidebar-single-selected-row');
    await page.close();
  }, 150_000);
});
