/**
 * The harness's Drive browser in a real browser, after a batch of the demo rows: the batch folder with
 * batch.json, a link's folder, a variation's slides as image previews (real images, decoded by the
 * browser), analysis.json readable as text; and Drive links in the grid and in the sidebar open here.
 */
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../../scripts/harness/server';
import type { Progress } from '../../src/server/engine/progress';
import { openBrowserHarness, type BrowserHarness } from './browser-harness';
import { screenshot } from './chromium';
import { gridCell } from './harness-page';

let harness: Harness;
let browser: Browser;
let page: Page;
let session: BrowserHarness;

beforeAll(async () => {
  ({ harness, browser } = session = await openBrowserHarness('harness-drive-', { demo: true }));
  // The demo rows, run through the sidebar's own server functions (one photo and one text each, to be
  // quick); the browser part starts with the batch done.
  const { runtime } = harness;
  const started = await runtime.callFromSidebar('startBatch', [{ photoVariations: 1, textVariations: 1 }]);
  expect(started.status).toBe('completed');
  let progress: Progress | null = null;
  for (let pumps = 0; pumps < 20 && progress?.status !== 'completed'; pumps++) {
    progress = (await runtime.callFromSidebar<Progress>('pumpBatch', [])).value ?? null;
  }
  expect(progress?.status).toBe('completed');
  harness.world.save();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
}, 90_000);

afterAll(async () => {
  await session?.close();
});

const items = () => page.locator('#drive-items');
const viewer = () => page.locator('#drive-viewer');
const crumbs = () => page.locator('#drive-crumbs');

describe('the Drive browser', () => {
  it('shows the batch folder, a variation’s slides as previews, and analysis.json as text', async () => {
    await page.goto(harness.url);
    await items().getByRole('button', { name: 'Product photos' }).waitFor();
    await items()
      .getByRole('button', { name: /^TikTok Batch / })
      .click();
    await crumbs()
      .getByRole('button', { name: /^TikTok Batch / })
      .waitFor();

    // batch.json, read as text.
    await items().getByRole('button', { name: 'batch.json' }).click();
    await viewer()
      .locator('pre')
      .filter({ hasText: /"rows"|"batch/ })
      .waitFor();
    expect(await viewer().locator('strong').textContent()).toBe('batch.json');

    await items()
      .getByRole('button', { name: /^Link_001_@/ })
      .click();
    await items().getByRole('button', { name: 'variation_1' }).click();
    await crumbs().getByRole('button', { name: 'variation_1' }).waitFor();
    const previews = items().locator('img');
    await previews.first().waitFor();
    expect(await previews.count()).toBeGreaterThanOrEqual(3);
    // Every preview is a real picture the browser decoded (served as image/jpeg or image/png).
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('#drive-items img')).every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );

    await items().getByRole('button', { name: 'analysis.json' }).click();
    const text = viewer().locator('pre');
    await text.filter({ hasText: '"variation"' }).waitFor();
    // Pretty-printed JSON, shown as text.
    expect(await text.textContent()).toMatch(/^\{\n {2}"/);
    await screenshot(page, 'harness-drive-json');

    await previews.first().click();
    const large = viewer().locator('img');
    await large.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#drive-viewer img');
      return Boolean(img && img.complete && img.naturalWidth > 0);
    });
    await screenshot(page, 'harness-drive');
  });

  it('opens the Output cell’s folder and the sidebar’s folder links in the Drive browser', async () => {
    const output = (await gridCell(page, 3, 'Output')).getByRole('link');
    const name = (await output.textContent()) ?? '';
    expect(name).toMatch(/^Link_002_@/);
    await output.click();
    await crumbs().getByRole('button', { name, exact: true }).waitFor();
    expect(page.url()).toBe(harness.url);

    // The sidebar's completion screen links to each link's folder; in the harness they open here too.
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.getByTestId('completion-screen').waitFor();
    await sidebar.getByTestId('outputs').getByRole('link').first().click();
    await crumbs()
      .getByRole('button', { name: /^Link_001_@/ })
      .waitFor();
    expect(page.context().pages()).toHaveLength(1);
  });
});
