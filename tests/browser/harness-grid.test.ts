/**
 * The harness's live grid in a real browser: Set up sheet from the menu, a link typed into a cell, a
 * row pasted from the clipboard, product photos dropped on rows; each row's Status appears from the
 * add-on's own onEdit; the batch started in the real sidebar; the Status cells change while it runs
 * and end at Done.
 */
import * as fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Harness } from '../../scripts/harness/server';
import { openBrowserHarness, type BrowserHarness } from './browser-harness';
import { screenshot } from './chromium';
import { dropFiles, gridCell } from './harness-page';

const LINK_A = 'https://www.tiktok.com/@glow.daily/photo/7312345678901234567';
const LINK_B = 'https://www.tiktok.com/@morning.ritual/photo/7398765432109876543';
const SERUM = fs.readFileSync('examples/photos/serum.jpg');
const MUG = fs.readFileSync('examples/photos/mug.jpg');
const IN_PROGRESS = /^(Queued|Working|Fetching|Analyzing|Writing|Generating|Saving|Retrying|Waiting)/;

let harness: Harness;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let session: BrowserHarness;

beforeAll(async () => {
  ({ harness, browser } = session = await openBrowserHarness('harness-grid-', { savedKey: true }));
  context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url.slice(0, -1) });
  page = await context.newPage();
});

afterAll(async () => {
  await session?.close();
});

async function statusOf(row: number): Promise<string> {
  return (await (await gridCell(page, row, 'Status')).textContent()) ?? '';
}

describe('the harness grid', () => {
  it('takes typed, pasted and dropped rows; the batch from the sidebar turns their Status cells to Done', async () => {
    await page.goto(harness.url);
    await page.getByRole('button', { name: /Set up sheet/ }).click();
    await page.getByRole('cell', { name: 'Product description', exact: true }).waitFor();

    // A link typed into A2: typing over a cell starts editing it, Enter saves it.
    await (await gridCell(page, 2, 'Link')).click();
    await page.keyboard.type(LINK_A);
    await page.keyboard.press('Enter');
    await (await gridCell(page, 2, 'Status')).filter({ hasText: /^Missing product photo/ }).waitFor();
    // The cursor went down a row, as in Sheets.
    expect(await page.locator('#grid td.selected').evaluate((td) => td.parentElement?.dataset.row)).toBe('3');

    // A row copied from another spreadsheet (link, an empty photo cell, description), pasted at A3.
    await page.evaluate(
      (text) => navigator.clipboard.writeText(text),
      `${LINK_B}\t\tStoneware travel mug, 350 ml, keeps coffee hot for 6 hours\n`,
    );
    await page.keyboard.press('Control+V');
    await (
      await gridCell(page, 3, 'Product description')
    )
      .filter({ hasText: /^Stoneware travel mug/ })
      .waitFor();
    expect(await (await gridCell(page, 3, 'Link')).textContent()).toBe(LINK_B);

    // The description of row 2, typed after a double-click.
    await (await gridCell(page, 2, 'Product description')).dblclick();
    await page.keyboard.type('Glow Drops: a vitamin C serum for dull skin, 30 ml');
    await page.keyboard.press('Enter');
    await (await gridCell(page, 2, 'Product description')).filter({ hasText: /^Glow Drops/ }).waitFor();
    expect(await statusOf(2)).toMatch(/^Missing product photo/);
    expect(await statusOf(3)).toMatch(/^Missing product photo/);

    // Two photos dropped on row 2: the first fills row 2, the next row 3.
    await dropFiles(page, '#grid tbody tr[data-row="2"] td[data-index="0"]', [
      { name: 'serum.jpg', type: 'image/jpeg', bytes: SERUM },
      { name: 'mug.jpg', type: 'image/jpeg', bytes: MUG },
    ]);
    await (await gridCell(page, 3, 'Status')).filter({ hasText: /^Ready$/ }).waitFor();
    expect(await statusOf(2)).toBe('Ready');
    expect(await (await gridCell(page, 2, 'Product photo')).textContent()).toMatch(
      /^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view/,
    );
    await page
      .locator('#message')
      .filter({ hasText: /mug\.jpg.*is in your Drive/ })
      .waitFor();

    // The sidebar, opened again, sees the two ready rows.
    await page.getByRole('button', { name: /Open sidebar/ }).click();
    const sidebar = page.frameLocator('#sidebar');
    await sidebar
      .getByTestId('check-summary')
      .filter({ hasText: /2 ready/ })
      .waitFor();
    await screenshot(page, 'harness-grid-ready');

    await sidebar.getByTestId('start-batch').click();
    // The grid's Status cells follow the batch as it runs...
    await page.locator('#grid td').filter({ hasText: IN_PROGRESS }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'harness-grid-running');
    // ...and end at Done, with the Output cell linking to each row's folder.
    await (await gridCell(page, 2, 'Status')).filter({ hasText: /^Done$/ }).waitFor({ timeout: 90_000 });
    await (await gridCell(page, 3, 'Status')).filter({ hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    expect(await (await gridCell(page, 2, 'Output')).getByRole('link').textContent()).toMatch(/^Link_001_@/);
    await screenshot(page, 'harness-grid-done');
  }, 180_000);

  it('refuses a dropped file that is not a photo, and says why', async () => {
    const before = harness.world.drive.list().length;
    await dropFiles(page, '#grid tbody tr[data-row="4"] td[data-index="1"]', [
      { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('not a photo') },
    ]);
    await page
      .locator('#message.error')
      .filter({ hasText: '“notes.txt” is not a JPEG or PNG photo, so it was not added.' })
      .waitFor();
    // A file that claims to be a JPEG but is not one is refused by the harness itself.
    await dropFiles(page, '#grid tbody tr[data-row="4"] td[data-index="1"]', [
      { name: 'fake.jpg', type: 'image/jpeg', bytes: Buffer.from('<svg onload="alert(1)"/>') },
    ]);
    await page
      .locator('#message.error')
      .filter({ hasText: '“fake.jpg” is not a JPEG or PNG photo' })
      .waitFor();
    expect(harness.world.drive.list().length).toBe(before);
    expect(await (await gridCell(page, 4, 'Product photo')).textContent()).toBe('');
  });
});
