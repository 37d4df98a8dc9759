/**
 * Settings (FR9) in the real sidebar inside the harness: a key Gemini refuses shows Gemini's exact reason
 * and is not saved; a good key fills the model pickers; a folder the add-on may not write into is
 * refused with the reason, "Make a new folder" gives one it may; what is saved is there on reopening, and
 * the key only ever masked.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEFAULT_SIM_KEY } from '../../emulator/sim/gemini';
import type { Harness } from '../../scripts/harness/server';
import { openBrowserHarness, type BrowserHarness } from './browser-harness';
import { screenshot } from './chromium';

const BAD_KEY = 'AIzaSyThisKeyIsNotKnownToGeminiAtAll0000';

let harness: Harness;
let browser: Browser;
let session: BrowserHarness;

beforeAll(async () => {
  ({ harness, browser } = session = await openBrowserHarness('harness-settings-'));
});

afterAll(async () => {
  await session?.close();
});

async function openSettings(page: Page): Promise<FrameLocator> {
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.getByTestId('settings-toggle').click();
  await sidebar.getByTestId('settings-screen').waitFor();
  return sidebar;
}

/** Reopens the sidebar from the menu: a new page, which asks the server again. */
async function reopen(page: Page): Promise<FrameLocator> {
  await page.getByRole('button', { name: /Open sidebar/ }).click();
  const sidebar = page.frameLocator('#sidebar');
  await sidebar
    .getByTestId('settings-toggle')
    .filter({ hasText: /^Settings$/ })
    .waitFor();
  return openSettings(page);
}

describe('settings in the sidebar', () => {
  it('refuses a bad key with the reason, fills the models for a good one, and keeps what is saved', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1300 } });
    await page.goto(harness.url);
    let sidebar = await openSettings(page);
    expect(await sidebar.getByTestId('key-saved').textContent()).toBe('No key saved yet.');
    expect(await sidebar.getByTestId('models-state').textContent()).toMatch(/Save or validate a key/);

    // A key Gemini does not know: Validate says exactly why, as an alert, next to the key.
    await sidebar.getByLabel('Gemini API key').fill(BAD_KEY);
    await sidebar.getByTestId('validate-key').click();
    const keyCheck = sidebar.getByTestId('key-check');
    await keyCheck.waitFor();
    expect(await keyCheck.getAttribute('role')).toBe('alert');
    const reason = await keyCheck.textContent();
    expect(reason).toMatch(/Gemini did not accept the API key/);
    expect(reason).toMatch(/Gemini said: “API key not valid\. Please pass a valid API key\.”/);
    // Saving it anyway saves nothing, says so, and puts the cursor back on the key.
    await sidebar.getByTestId('save-settings').click();
    const refused = sidebar.getByTestId('settings-message');
    await refused.filter({ hasText: /Nothing was saved/ }).waitFor();
    expect(await refused.getAttribute('role')).toBe('alert');
    // The whole reason is under the key, which names it as its description.
    expect(await sidebar.getByTestId('api-key-error').textContent()).toMatch(
      /^Nothing was saved: Gemini did not accept the API key/,
    );
    expect(await sidebar.getByLabel('Gemini API key').getAttribute('aria-describedby')).toContain(
      'api-key-error',
    );
    expect(await sidebar.getByLabel('Gemini API key').getAttribute('aria-invalid')).toBe('true');
    expect(await sidebar.locator(':focus').getAttribute('id')).toBe('api-key');
    await screenshot(page, 'sidebar-settings-bad-key');
    sidebar = await reopen(page);
    expect(await sidebar.getByTestId('key-saved').textContent()).toBe('No key saved yet.');

    // A good key: Validate fills the model pickers from the key's models list.
    await sidebar.getByLabel('Gemini API key').fill(DEFAULT_SIM_KEY);
    await sidebar.getByTestId('validate-key').click();
    await sidebar
      .getByTestId('key-check')
      .filter({ hasText: /The key works/ })
      .waitFor();
    expect(await sidebar.getByTestId('key-check').getAttribute('role')).toBe('status');
    await sidebar
      .getByTestId('models-state')
      .filter({ hasText: /image models offered by your key/ })
      .waitFor();
    const textModel = sidebar.getByLabel(/^Text model/);
    const textChoices = await textModel
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    const imageChoices = await sidebar
      .getByLabel(/^Image model/)
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(textChoices.length).toBeGreaterThan(1);
    expect(textChoices).toContain('gemini-2.5-flash');
    expect(imageChoices).toContain('gemini-2.5-flash-image');
    expect(textChoices.some((id) => imageChoices.includes(id))).toBe(false);
    const otherText = textChoices.find((id) => id !== 'gemini-2.5-flash') ?? '';
    await textModel.selectOption(otherText);
    await sidebar.getByRole('radio', { name: /PNG/ }).check();
    await sidebar.getByLabel(/^Rows in progress at once/).fill('3');
    await sidebar.getByLabel('Image requests per minute').fill('20');

    // A folder Jenny made by hand: the add-on may not write there (drive.file), and says so.
    const own = harness.world.drive.addFolder({ name: 'Client work', owner: harness.world.defaultUser });
    await sidebar
      .getByLabel('Parent folder for results')
      .fill(`https://drive.google.com/drive/folders/${own}`);
    await sidebar.getByTestId('save-settings').click();
    await refused.filter({ hasText: /see “Parent folder for results” above/ }).waitFor();
    const folderError = await sidebar.getByTestId('parent-folder-error').textContent();
    expect(folderError).toMatch(/cannot save into “Client work”/);
    expect(folderError).toMatch(/only into My Drive and into folders it made itself/);
    expect(await sidebar.locator(':focus').getAttribute('id')).toBe('parent-folder');
    await screenshot(page, 'sidebar-settings-folder-refused');

    // The way out: a folder the add-on makes; then everything saves.
    await sidebar.getByTestId('make-folder').click();
    await sidebar.getByTestId('folder-saved').filter({ hasText: 'Slideshow Remix results' }).waitFor();
    await sidebar.getByTestId('save-settings').click();
    const saved = sidebar.getByTestId('settings-message').filter({ hasText: 'Settings saved.' });
    await saved.waitFor();
    expect(await saved.getAttribute('role')).toBe('status');
    expect(await sidebar.getByTestId('key-saved').textContent()).toBe(
      `Saved key: ••••${DEFAULT_SIM_KEY.slice(-4)}`,
    );
    await screenshot(page, 'sidebar-settings-saved');

    // Reopened: every choice is there, the key only masked.
    sidebar = await reopen(page);
    expect(await sidebar.getByTestId('key-saved').textContent()).toBe(
      `Saved key: ••••${DEFAULT_SIM_KEY.slice(-4)}`,
    );
    expect(await sidebar.getByRole('radio', { name: /PNG/ }).isChecked()).toBe(true);
    expect(await sidebar.getByLabel(/^Rows in progress at once/).inputValue()).toBe('3');
    expect(await sidebar.getByLabel('Image requests per minute').inputValue()).toBe('20');
    expect(await sidebar.getByTestId('folder-saved').textContent()).toMatch(/Slideshow Remix results/);
    // The models list loads again for the saved key; the saved choice stays selected.
    await sidebar
      .getByTestId('models-state')
      .filter({ hasText: /offered by your key/ })
      .waitFor();
    expect(await sidebar.getByLabel(/^Text model/).inputValue()).toBe(otherText);
    const html = await page.frameLocator('#sidebar').locator('html').innerHTML();
    expect(html).not.toContain(DEFAULT_SIM_KEY);
    await screenshot(page, 'sidebar-settings-reopened');
    await page.close();
  }, 120_000);
});
