/**
 * The sidebar's Settings and Check, on the real bundle: a key is checked against the (simulated) models
 * list before it is kept, the sidebar only ever sees it masked, and the check counts rows and estimates.
 */
import { expectOk, KEY, prepareSheet, productPhoto, slideshowWorld } from '../slideshow/world';
import type { BatchCheckView, SaveSettingsResult, SettingsView } from '../../../src/shared/rpc';

describe('settings', () => {
  it('shows the saved key masked, never whole', () => {
    const ctx = slideshowWorld();
    const view = expectOk(ctx.runtime.callFromSidebar<SettingsView>('getSettings'));
    expect(view.apiKey).toEqual({ saved: true, masked: `••••${KEY.slice(-4)}` });
    expect(JSON.stringify(view)).not.toContain(KEY);
    expect(view.settings).toMatchObject({
      outputFormat: 'jpeg',
      photoVariations: 3,
      textVariations: 2,
      rowsInProgress: 5,
    });
  });

  it('refuses a key Gemini rejects, with the reason, and keeps the old one', () => {
    const ctx = slideshowWorld();
    const result = expectOk(
      ctx.runtime.callFromSidebar<SaveSettingsResult>('saveSettings', [
        { apiKey: 'AIzaSyThisKeyIsNotKnownToGeminiAtAll0000' },
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/key/i);
    const view = expectOk(ctx.runtime.callFromSidebar<SettingsView>('getSettings'));
    expect(view.apiKey.masked).toBe(`••••${KEY.slice(-4)}`);
  });

  it('keeps a key that works and lists the models it may use', () => {
    const ctx = slideshowWorld({ key: null });
    const result = expectOk(
      ctx.runtime.callFromSidebar<SaveSettingsResult>('saveSettings', [{ apiKey: KEY }]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.keyCheck?.imageModels.map((model) => model.id)).toContain('gemini-2.5-flash-image');
    expect(result.view.apiKey.saved).toBe(true);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('validates settings with a reason a person can act on', () => {
    const ctx = slideshowWorld();
    const result = expectOk(
      ctx.runtime.callFromSidebar<SaveSettingsResult>('saveSettings', [{ settings: { rowsInProgress: 0 } }]),
    );
    expect(result).toMatchObject({
      ok: false,
      field: 'rowsInProgress',
      message: 'Rows in progress at once: enter a whole number from 1 to 20.',
    });
  });

  it('Validate says exactly why without a key', () => {
    const ctx = slideshowWorld({ key: null });
    const check = expectOk(ctx.runtime.callFromSidebar<{ ok: boolean; message: string }>('validateApiKey'));
    expect(check).toMatchObject({ ok: false, message: expect.stringMatching(/No Gemini API key yet/) });
  });
});

describe('check', () => {
  it('counts ready rows, lists invalid, duplicate and incomplete ones, and estimates the batch', () => {
    const ctx = slideshowWorld();
    const photo = productPhoto(ctx).link;
    const a = 'https://www.tiktok.com/@a/photo/7360000000000123451';
    const b = 'https://www.tiktok.com/@b/photo/7360000000000123452';
    prepareSheet(ctx, [
      [a, photo, 'A serum'],
      [b, photo, 'A cream'],
      ['https://www.instagram.com/p/abc/', photo, 'Not TikTok'],
      [`${a}?is_from_webapp=1`, photo, 'Same post again'],
      ['https://www.tiktok.com/@c/photo/7360000000000123453', '', 'No photo'],
    ]);
    const check = expectOk(
      ctx.runtime.callFromSidebar<BatchCheckView>('checkBatch', [{ photoVariations: 3, textVariations: 2 }]),
    );
    expect(check).toMatchObject({ sheetExists: true, readyCount: 2, perLink: 6, totalVariations: 12 });
    expect(check.invalid.map((row) => row.rowNumber)).toEqual([4]);
    expect(check.duplicates.map((row) => row.status)).toEqual([expect.stringMatching(/^Duplicate of row 2/)]);
    expect(check.incomplete.map((row) => row.rowNumber)).toEqual([6]);
    expect(check.estimatedSeconds).toBeGreaterThan(0);
    expect(check.estimatedCostUsd).toBeGreaterThan(0);
    // Clicking a listed row selects it in the sheet.
    expect(expectOk(ctx.runtime.callFromSidebar<boolean>('selectRow', [check.invalid[0]?.rowId]))).toBe(true);
    expect(ctx.world.spreadsheets.activeSelection(ctx.world.boundSpreadsheetId ?? '')).toMatchObject({
      sheetName: 'Batch',
    });
    expect(ctx.world.spreadsheets.activeSelection(ctx.world.boundSpreadsheetId ?? '')?.a1).toMatch(/^A4:/);
  });
});
