/**
 * Single link mode on the real bundle: a typed link, photo and description become a new row (plain
 * text), run at once through the batch's machinery, followed step by step, and end as small previews of
 * the slides read from Drive's own previews; the selected row runs only when it is ready.
 */
import { decodeJpeg } from '../slideshow/inspect';
import {
  expectOk,
  prepareSheet,
  productPhoto,
  sheetRows,
  slideshowWorld,
  type SlideshowWorld,
} from '../slideshow/world';
import { renderSlideJpeg } from '../../../emulator/sim/jpeg-slides';
import { BATCH_SHEET_NAME } from '../../../src/shared/app';
import type { SelectedRowView, SingleRunView, ThumbnailsView } from '../../../src/shared/rpc';
import type { SingleStartResult, SingleState } from '../../../src/server/api/single';

const LINK = 'https://www.tiktok.com/@seen.first/photo/7312345678901234567';
const OTHER = 'https://www.tiktok.com/@someone/photo/7398765432109876543';
const DESCRIPTION = '=Glow Drops: a vitamin C serum, 30 ml';

function call<T>(ctx: SlideshowWorld, name: string, args: unknown[] = []): T {
  return expectOk(ctx.runtime.callFromSidebar<T>(name, args));
}

/** The sidebar's loop: pumpSingleRow until the batch ends, the clock moving between calls. */
function pumpSingle(ctx: SlideshowWorld): { state: SingleState; seen: SingleRunView[] } {
  const seen: SingleRunView[] = [];
  for (let n = 0; n < 200; n++) {
    const state = call<SingleState>(ctx, 'pumpSingleRow');
    if (state.run) seen.push(state.run);
    const status = state.progress?.status;
    if (status === 'completed' || status === 'cancelled' || status === 'stopped') return { state, seen };
    ctx.world.clock.advance(2_000);
  }
  throw new Error('the single run did not end');
}

function base64Of(dataUrl: string): Uint8Array {
  return new Uint8Array(Buffer.from(dataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64'));
}

function select(ctx: SlideshowWorld, a1: string): void {
  const sheet = ctx.batchSheet();
  ctx.spreadsheet.setActiveSheet(sheet);
  sheet.getRange(a1).activate();
}

describe('a link typed in the sidebar', () => {
  // A slow image budget spreads the slides over several pumps, so the steps are seen on the way.
  const ctx = slideshowWorld({ seed: 5, settings: { imageRequestsPerMinute: 4 } });
  const photo = productPhoto(ctx);
  prepareSheet(ctx, [[OTHER, photo.link, 'Already here']]);
  const started = call<SingleStartResult>(ctx, 'startSingleRow', [
    { link: LINK, photo: photo.link, description: DESCRIPTION, photoVariations: 1, textVariations: 2 },
  ]);
  const { state, seen } = pumpSingle(ctx);
  const post = ctx.tiktok.post('7312345678901234567');

  it('becomes a new row under the others, written as plain text, and selected', () => {
    expect(started).toMatchObject({ ok: true, rowNumber: 3 });
    const sheet = ctx.batchSheet();
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const value = (name: string) => sheet.getRange(3, header.indexOf(name) + 1).getValue();
    expect(value('Link')).toBe(LINK);
    expect(value('Product photo')).toBe(photo.link);
    // A description starting with "=" stays text: no formula.
    expect(value('Product description')).toBe(DESCRIPTION);
    expect(sheet.getRange(3, header.indexOf('Product description') + 1).getFormula()).toBe('');
    expect(String(value('Row id'))).toMatch(/^r[0-9a-f]{10}$/);
    expect(ctx.world.spreadsheets.activeSelection(ctx.world.boundSpreadsheetId ?? '')).toMatchObject({
      sheetName: BATCH_SHEET_NAME,
      a1: expect.stringMatching(/^A3:/),
    });
  });

  it('runs only that row, and shows its steps as it goes', () => {
    expect(state.progress).toMatchObject({ status: 'completed', rows: { total: 1, completed: 1 } });
    expect(sheetRows(ctx).get(LINK)?.status).toBe('Done');
    // The other row is left as it was.
    expect(sheetRows(ctx).get(OTHER)?.status).toBe('');
    const run = state.run;
    expect(run).toMatchObject({
      rowState: 'completed',
      variations: 2,
      label: `@${post.author}`,
      error: null,
    });
    expect(run?.steps.map((step) => step.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(run?.imagesTotal).toBe(post.slides.length * 2);
    expect(run?.folderUrl).toMatch(/^https:\/\/drive\.google\.com\/drive\/folders\//);
    // Seen on the way: the images step in progress, counted.
    expect(
      seen.some((view) => view.steps.some((step) => step.key === 'images' && step.state === 'active')),
    ).toBe(true);
    expect(seen.some((view) => /^Generating \d+\/\d+$/.test(view.statusText))).toBe(true);
  });

  it('is shown again when the sidebar is reopened', () => {
    const reopened = call<SingleState>(ctx, 'getSingleRun');
    expect(reopened.run?.rowId).toBe(state.run?.rowId);
    expect(reopened.progress?.batchId).toBe(state.progress?.batchId);
  });

  it('shows each variation as small previews of its slides, read from Drive', () => {
    const first = call<ThumbnailsView>(ctx, 'getSingleThumbnails', [1]);
    const second = call<ThumbnailsView>(ctx, 'getSingleThumbnails', [2]);
    expect(first).toMatchObject({ variation: 1, variations: 2, slideCount: post.slides.length, note: null });
    expect(first.thumbnails.map((thumbnail) => thumbnail.index)).toEqual(post.slides.map((_, i) => i));
    for (const thumbnail of [...first.thumbnails, ...second.thumbnails]) {
      expect(thumbnail.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
      const size = decodeJpeg(base64Of(thumbnail.dataUrl ?? ''));
      expect(Math.max(size.width, size.height)).toBe(240);
      expect(thumbnail.fileUrl).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
    }
    // Another variation's files, in its own folder.
    expect(second.thumbnails[0]?.fileUrl).not.toBe(first.thumbnails[0]?.fileUrl);
    expect(second.variationFolderUrl).not.toBe(first.variationFolderUrl);
    // An out-of-range variation is the nearest one.
    expect(call<ThumbnailsView>(ctx, 'getSingleThumbnails', [9]).variation).toBe(2);
  });

  it('never hands the key to the sidebar', () => {
    const answers = JSON.stringify([started, state, call<ThumbnailsView>(ctx, 'getSingleThumbnails', [1])]);
    expect(answers).not.toContain(ctx.key);
  });
});

describe('previews stay small', () => {
  it('shows at most 12 previews and says how many more are in the folder', () => {
    const ctx = slideshowWorld({ seed: 8 });
    const photo = productPhoto(ctx);
    const folder = ctx.world.drive.addFolder({ name: 'Fourteen slides', owner: ctx.user });
    for (let n = 1; n <= 14; n++) {
      ctx.world.drive.addFile({
        name: `${n}.jpg`,
        owner: ctx.user,
        parentId: folder,
        mimeType: 'image/jpeg',
        content: renderSlideJpeg({ width: 300, height: 400, seed: n, number: n, count: 14, text: `S${n}` }),
      });
    }
    prepareSheet(ctx, []);
    const started = call<SingleStartResult>(ctx, 'startSingleRow', [
      {
        link: `https://drive.google.com/drive/folders/${folder}`,
        photo: photo.link,
        description: 'A serum',
        photoVariations: 1,
        textVariations: 1,
      },
    ]);
    expect(started.ok).toBe(true);
    expect(pumpSingle(ctx).state.run?.rowState).toBe('completed');
    const view = call<ThumbnailsView>(ctx, 'getSingleThumbnails', []);
    expect(view.slideCount).toBe(14);
    expect(view.thumbnails).toHaveLength(12);
    expect(view.thumbnails.every((thumbnail) => thumbnail.dataUrl !== null)).toBe(true);
    expect(view.note).toMatch(/2 more slides are in the folder/);
    // The whole answer stays well under a megabyte.
    expect(JSON.stringify(view).length).toBeLessThan(700_000);
  });

  it('says so when Drive has no preview of a slide', () => {
    const ctx = slideshowWorld({ seed: 9 });
    const photo = productPhoto(ctx);
    prepareSheet(ctx, []);
    call(ctx, 'startSingleRow', [
      { link: LINK, photo: photo.link, description: 'A serum', photoVariations: 1, textVariations: 1 },
    ]);
    pumpSingle(ctx);
    // Drive's preview host refuses everything (as before Drive has made the previews).
    ctx.world.router.register('lh3.googleusercontent.com', () => ({
      status: 404,
      headers: { 'Content-Type': 'text/html' },
      body: 'Not Found',
    }));
    const view = call<ThumbnailsView>(ctx, 'getSingleThumbnails', [1]);
    expect(view.thumbnails.length).toBeGreaterThan(0);
    expect(view.thumbnails.every((thumbnail) => thumbnail.dataUrl === null)).toBe(true);
    expect(view.note).toMatch(/Drive has no preview of \d+ slides yet/);
  });
});

describe('a link that fails', () => {
  it('shows the step that failed and the reason, and can be tried again', () => {
    const ctx = slideshowWorld();
    prepareSheet(ctx, []);
    const missing = 'https://drive.google.com/file/d/1NoSuchPhotoAnywhereInThisDrive0000000/view';
    const started = call<SingleStartResult>(ctx, 'startSingleRow', [
      { link: LINK, photo: missing, description: 'A serum', photoVariations: 1, textVariations: 1 },
    ]);
    expect(started.ok).toBe(true);
    const { state } = pumpSingle(ctx);
    expect(state.run).toMatchObject({
      rowState: 'failed',
      error: expect.stringMatching(/product photo could not be found/),
    });
    expect(state.run?.steps.map((step) => step.state)).toEqual([
      'failed',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
    ]);
    // Try again: the same run, going again.
    call(ctx, 'retryFailedRows');
    const again = call<SingleState>(ctx, 'getSingleRun');
    expect(again.run?.rowId).toBe(state.run?.rowId);
    expect(again.progress?.status).toBe('running');
  });
});

describe('what is refused, and why', () => {
  it('checks the typed fields with the words of the Status column, writing nothing', () => {
    const ctx = slideshowWorld();
    const photo = productPhoto(ctx);
    prepareSheet(ctx, [[OTHER, photo.link, 'Already here']]);
    const rowsBefore = ctx.batchSheet().getLastRow();
    const bad = call<SingleStartResult>(ctx, 'startSingleRow', [
      { link: 'https://www.instagram.com/p/abc/', photo: photo.link, description: 'A serum' },
    ]);
    expect(bad).toMatchObject({
      ok: false,
      field: 'link',
      message: expect.stringMatching(/^Invalid link: /),
    });
    const noPhoto = call<SingleStartResult>(ctx, 'startSingleRow', [
      { link: LINK, photo: '', description: 'x' },
    ]);
    expect(noPhoto).toMatchObject({
      ok: false,
      field: 'photo',
      message: expect.stringMatching(/^Missing product photo/),
    });
    const noText = call<SingleStartResult>(ctx, 'startSingleRow', [
      { link: LINK, photo: photo.link, description: ' ' },
    ]);
    expect(noText).toMatchObject({ ok: false, field: 'description' });
    const duplicate = call<SingleStartResult>(ctx, 'startSingleRow', [
      { link: `${OTHER}?is_from_webapp=1`, photo: photo.link, description: 'Again' },
    ]);
    expect(duplicate).toMatchObject({
      ok: false,
      field: 'link',
      message: expect.stringMatching(/already in row 2 of the Batch sheet/),
    });
    expect(ctx.batchSheet().getLastRow()).toBe(rowsBefore);
    expect(call<SingleState>(ctx, 'getSingleRun').progress).toBeNull();
  });

  it('says what to do first without a key, before writing anything', () => {
    const ctx = slideshowWorld({ key: null });
    const photo = productPhoto(ctx);
    prepareSheet(ctx, []);
    const result = call<SingleStartResult>(ctx, 'startSingleRow', [
      { link: LINK, photo: photo.link, description: 'A serum' },
    ]);
    expect(result).toMatchObject({
      ok: false,
      field: 'row',
      message: expect.stringMatching(/No Gemini API key/),
    });
    expect(ctx.batchSheet().getLastRow()).toBe(1);
  });

  it('runs the selected row only when it is ready, and says why not', () => {
    const ctx = slideshowWorld();
    const photo = productPhoto(ctx);
    prepareSheet(ctx, [
      [LINK, photo.link, 'A serum'],
      [OTHER, '', 'No photo yet'],
    ]);
    select(ctx, 'A1');
    expect(call<SelectedRowView>(ctx, 'getSelectedRow')).toMatchObject({
      rowId: null,
      ready: false,
      message: expect.stringMatching(/header row/),
    });
    select(ctx, 'B2:C3');
    expect(call<SelectedRowView>(ctx, 'getSelectedRow').message).toMatch(/Rows 2 to 3 are selected/);
    select(ctx, 'C9');
    expect(call<SelectedRowView>(ctx, 'getSelectedRow').message).toMatch(/Row 9 is empty/);
    select(ctx, 'B3');
    const notReady = call<SelectedRowView>(ctx, 'getSelectedRow');
    expect(notReady).toMatchObject({
      rowNumber: 3,
      ready: false,
      message: expect.stringMatching(/^Missing product photo/),
    });
    const refused = call<SingleStartResult>(ctx, 'startSingleRow', [{ rowId: notReady.rowId }]);
    expect(refused).toMatchObject({
      ok: false,
      field: 'row',
      message: expect.stringMatching(/^Row 3: Missing product photo/),
    });

    select(ctx, 'C2');
    const ready = call<SelectedRowView>(ctx, 'getSelectedRow');
    expect(ready).toMatchObject({ rowNumber: 2, ready: true, message: 'Ready', link: LINK });
    const started = call<SingleStartResult>(ctx, 'startSingleRow', [
      { rowId: ready.rowId, photoVariations: 1, textVariations: 1 },
    ]);
    expect(started).toMatchObject({
      ok: true,
      rowNumber: 2,
      run: { rowState: 'pending', rowId: ready.rowId },
    });
    // While it runs, another single run is refused before anything is written.
    const second = call<SingleStartResult>(ctx, 'startSingleRow', [
      { link: 'https://www.tiktok.com/@x/photo/7360000000000123459', photo: photo.link, description: 'B' },
    ]);
    expect(second).toMatchObject({ ok: false, message: expect.stringMatching(/A batch is running/) });
    expect(ctx.batchSheet().getLastRow()).toBe(3);
    expect(pumpSingle(ctx).state.run?.rowState).toBe('completed');
    expect(sheetRows(ctx).get(OTHER)?.status).toBe('');
  });

  it('tells a batch from a single run', () => {
    const ctx = slideshowWorld();
    const photo = productPhoto(ctx);
    prepareSheet(ctx, [[LINK, photo.link, 'A serum']]);
    call(ctx, 'startBatch', [{ photoVariations: 1, textVariations: 1 }]);
    const state = call<SingleState>(ctx, 'getSingleRun');
    expect(state.progress?.status).toBe('running');
    expect(state.run).toBeNull();
    expect(ctx.runtime.callFromSidebar('getSingleThumbnails', [1]).status).toBe('failed');
  });
});
