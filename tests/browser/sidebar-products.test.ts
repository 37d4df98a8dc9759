/**
 * Products (FR3) in the real sidebar inside the harness: a Drive folder of product photos seeded in the
 * emulated Drive, matched by file name with a preview, applied into the Batch sheet; photos uploaded
 * from the computer with progress per file, matched by order; one product applied to every row.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { TestEnv } from '../../emulator/core/env';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { renderSlideJpeg } from '../../emulator/sim/jpeg-slides';
import type { Harness } from '../../scripts/harness/server';
import { BATCH_SHEET_NAME } from '../../src/shared/app';
import { COLUMNS } from '../../src/shared/columns';
import { openBrowserHarness, type BrowserHarness } from './browser-harness';
import { screenshot } from './chromium';

let harness: Harness;
let browser: Browser;
let session: BrowserHarness;

beforeAll(async () => {
  ({ harness, browser } = session = await openBrowserHarness('harness-products-'));
});

afterAll(async () => {
  await session?.close();
});

function jpeg(seed: number, text = 'PRODUCT'): Buffer {
  return Buffer.from(renderSlideJpeg({ width: 360, height: 360, seed, number: 1, count: 1, text }, 85));
}

function batchSheet() {
  const { world } = harness;
  const spreadsheet = createSpreadsheetApp(
    new TestEnv({ spreadsheetId: world.boundSpreadsheetId }),
    world.spreadsheets,
  ).openById(world.boundSpreadsheetId ?? '');
  const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  if (!sheet) throw new Error('no Batch sheet');
  return sheet;
}

function columnOf(key: 'link' | 'photo' | 'description' | 'status'): number {
  const sheet = batchSheet();
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  return header.indexOf(COLUMNS.find((spec) => spec.key === key)?.header ?? '') + 1;
}

/** Set up the sheet and paste rows (links and descriptions, no photos), as Jenny would. */
async function prepareRows(rows: [link: string, description: string][]): Promise<void> {
  const report = await harness.runtime.run('setUpSheetFromMenu', [], { kind: 'menu' });
  if (report.status !== 'completed') throw new Error(`set up failed: ${report.error?.message}`);
  const sheet = batchSheet();
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, sheet.getLastColumn()).clearContent();
  rows.forEach(([link, description], index) => {
    sheet.getRange(index + 2, columnOf('link')).setValue(link);
    sheet.getRange(index + 2, columnOf('description')).setValue(description);
  });
  harness.world.save();
}

function cell(row: number, key: 'photo' | 'description' | 'status'): string {
  return batchSheet().getRange(row, columnOf(key)).getDisplayValue();
}

function photoFormula(row: number): string {
  return batchSheet().getRange(row, columnOf('photo')).getFormula();
}

async function openProducts(page: Page): Promise<FrameLocator> {
  await page.goto(harness.url);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.getByTestId('open-products').click();
  await sidebar.getByTestId('products-screen').waitFor();
  return sidebar;
}

const post = (n: number) => `https://www.tiktok.com/@shop/photo/736000000000012345${n}`;

describe('Products in the sidebar', () => {
  it('matches a Drive folder by file name, previews it, and writes the photos into the sheet', async () => {
    await prepareRows([
      [post(1), 'Glow Drops: a vitamin C serum for dull skin, 30 ml'],
      [post(2), 'Face Tape that smooths fine lines overnight'],
      [post(3), 'A mystery product'],
    ]);
    const { world } = harness;
    const folderId = world.drive.addFolder({ name: 'Product photos', owner: world.defaultUser });
    const add = (name: string, content: Buffer, mimeType = 'image/jpeg') =>
      world.drive.addFile({ name, owner: world.defaultUser, parentId: folderId, mimeType, content });
    const glowId = add('glow-drops.jpg', jpeg(1, 'GLOW'));
    const tapeId = add('Face_Tape.jpg', jpeg(2, 'TAPE'));
    add('spare.jpg', jpeg(3));
    add('notes.txt', Buffer.from('sizes and prices'), 'text/plain');
    world.save();

    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
    const sidebar = await openProducts(page);
    await sidebar.getByTestId('product-folder').fill(`https://drive.google.com/drive/folders/${folderId}`);
    await sidebar.getByTestId('match-name').check();
    await sidebar.getByTestId('preview-match').click();

    await sidebar.getByTestId('match-preview').waitFor();
    expect(await sidebar.getByTestId('match-summary').textContent()).toMatch(
      /2 rows get a photo.*1 row without one.*1 photo not used/,
    );
    const rows = await sidebar.getByTestId('match-row').allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(/^Row 2.*glow-drops\.jpg$/),
      expect.stringMatching(/^Row 3.*Face_Tape\.jpg$/),
    ]);
    expect(await sidebar.getByTestId('unmatched-list').textContent()).toMatch(/Row 4: no photo name found/);
    expect(await sidebar.getByTestId('unused-list').textContent()).toContain('spare.jpg');
    expect(await sidebar.getByTestId('skipped-list').textContent()).toMatch(/notes\.txt: not a JPEG/);
    // Nothing is written before Apply.
    expect(cell(2, 'photo')).toBe('');
    await screenshot(page, 'harness-sidebar-products-preview');

    await sidebar.getByTestId('apply-match').click();
    await sidebar
      .getByTestId('apply-result')
      .filter({ hasText: /Wrote 2 product photos/ })
      .waitFor();
    expect(cell(2, 'photo')).toBe(`https://drive.google.com/file/d/${glowId}/view`);
    expect(cell(3, 'photo')).toBe(`https://drive.google.com/file/d/${tapeId}/view`);
    expect(photoFormula(2)).toBe('');
    expect(cell(2, 'status')).toBe('Ready');
    expect(cell(3, 'status')).toBe('Ready');
    expect(cell(4, 'photo')).toBe('');
    // The harness grid shows the links written (it polls the emulated sheet).
    await page.getByRole('cell', { name: `https://drive.google.com/file/d/${glowId}/view` }).waitFor();
    await screenshot(page, 'harness-sidebar-products-applied');

    // Back on Check, the two rows are ready.
    await sidebar.getByTestId('products-back').click();
    await sidebar
      .getByTestId('check-summary')
      .filter({ hasText: /2 ready/ })
      .waitFor();
    await page.close();
  }, 90_000);

  it('uploads photos from the computer with progress per file, refuses one too large, and matches by order', async () => {
    await prepareRows([
      [post(4), 'Lip oil'],
      [post(5), 'Hand cream'],
    ]);
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
    const sidebar = await openProducts(page);
    await sidebar.getByTestId('match-order').check();
    const tooLarge = Buffer.alloc(10_500_000);
    jpeg(9).copy(tooLarge);
    await sidebar.getByTestId('product-files').setInputFiles([
      { name: '1.jpg', mimeType: 'image/jpeg', buffer: jpeg(4, 'ONE') },
      { name: '2.jpg', mimeType: 'image/jpeg', buffer: jpeg(5, 'TWO') },
      { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: tooLarge },
    ]);

    await sidebar
      .getByTestId('upload-progress')
      .filter({ hasText: '2 of 3 uploaded' })
      .waitFor({ timeout: 30_000 });
    const items = await sidebar.getByTestId('upload-list').locator('li').allTextContents();
    expect(items).toEqual([
      expect.stringMatching(/1\.jpg.*uploaded/),
      expect.stringMatching(/2\.jpg.*uploaded/),
      expect.stringMatching(/huge\.jpg is 10\.5 MB; photos up to 10 MB can be uploaded/),
    ]);
    // The folder the add-on made holds the two photos; the upload then previews it by order.
    await sidebar.getByTestId('match-preview').waitFor();
    const matched = await sidebar.getByTestId('match-row').allTextContents();
    expect(matched).toEqual([
      expect.stringMatching(/^Row 2.*1\.jpg/),
      expect.stringMatching(/^Row 3.*2\.jpg/),
    ]);
    const uploadFolder = harness.world.drive.findAllByPath(
      harness.world.defaultUser,
      'Slideshow Remix product photos',
    );
    expect(uploadFolder).toHaveLength(1);
    await screenshot(page, 'harness-sidebar-products-upload');

    await sidebar.getByTestId('apply-match').click();
    await sidebar.getByTestId('apply-result').waitFor();
    expect(cell(2, 'photo')).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view$/);
    expect(cell(3, 'status')).toBe('Ready');
    await page.close();
  }, 90_000);

  it('applies one product to every row, filling only empty cells', async () => {
    await prepareRows([
      [post(6), ''],
      [post(7), 'Kept description'],
    ]);
    const { world } = harness;
    const photoId = world.drive.addFile({
      name: 'bottle.jpg',
      owner: world.defaultUser,
      mimeType: 'image/jpeg',
      content: jpeg(11),
    });
    world.save();
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
    const sidebar = await openProducts(page);
    await sidebar
      .getByTestId('for-all-link')
      .fill(`https://drive.google.com/file/d/${photoId}/view?usp=sharing`);
    await sidebar.getByTestId('for-all-description').fill('=Glow Drops, a vitamin C serum');
    await sidebar.getByTestId('for-all-apply').click();
    await sidebar
      .getByTestId('for-all-result')
      .filter({ hasText: /Wrote 2 product photos and 1 description/ })
      .waitFor();
    expect(cell(2, 'description')).toBe('=Glow Drops, a vitamin C serum');
    expect(cell(3, 'description')).toBe('Kept description');
    expect(cell(3, 'photo')).toBe(`https://drive.google.com/file/d/${photoId}/view`);
    expect(cell(2, 'status')).toBe('Ready');
    await page.getByRole('cell', { name: '=Glow Drops, a vitamin C serum' }).waitFor();
    await screenshot(page, 'harness-sidebar-products-for-all');

    // Replacing what rows have asks once more first.
    await sidebar.getByTestId('for-all-link').fill('');
    await sidebar.getByTestId('for-all-description').fill('Glow Drops for everyone');
    await sidebar.getByTestId('for-all-replace').check();
    await sidebar.getByTestId('for-all-apply').click();
    await sidebar
      .getByTestId('for-all-confirm')
      .filter({ hasText: /overwrites the description of every row/ })
      .waitFor();
    expect(cell(3, 'description')).toBe('Kept description');
    await sidebar.getByTestId('for-all-confirm-yes').click();
    await sidebar
      .getByTestId('for-all-result')
      .filter({ hasText: /Wrote 2 descriptions/ })
      .waitFor();
    expect(cell(3, 'description')).toBe('Glow Drops for everyone');
    expect(cell(3, 'photo')).toBe(`https://drive.google.com/file/d/${photoId}/view`);
    await page.close();
  }, 60_000);
});
