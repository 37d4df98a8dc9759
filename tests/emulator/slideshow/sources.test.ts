/**
 * Where slides and product photos come from: a Drive folder of slides instead of a link (no TikTok
 * request at all), product photos that are large (fetched as Drive's smaller preview), not images,
 * missing, too large, or https links; and the Status wording while rows progress.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { jsonResponse, type HttpHandler } from '../../../emulator/core/http';
import { renderSlideJpeg } from '../../../emulator/sim/jpeg-slides';
import { batchFolder, decodeJpeg, decodePng, filesByPath, readJson } from './inspect';
import {
  expectOk,
  prepareSheet,
  productPhoto,
  pumpUntilDone,
  sheetRows,
  slideshowWorld,
  type ProgressView,
  type SlideshowWorld,
} from './world';

const LINK = 'https://www.tiktok.com/@someone/photo/7360000000000123451';
const DESCRIPTION = 'A cast iron pan, pre-seasoned, 26 cm.';

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = (i / 4) % 255;
    image.data[i + 1] = 120;
    image.data[i + 2] = 200;
    image.data[i + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(image));
}

/** A photo that does not compress: a 12-megapixel-like JPEG of several megabytes. */
function noisyJpeg(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  let seed = 7;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    data[i] = (i & 3) === 3 ? 255 : seed >>> 24;
  }
  return new Uint8Array(jpeg.encode({ width, height, data }, 92).data);
}

function start(ctx: SlideshowWorld, options: object = { photoVariations: 1, textVariations: 1 }) {
  return expectOk(ctx.runtime.callFromSidebar<{ skipped: unknown[] }>('startBatch', [options]));
}

describe('a Drive folder of slides instead of a link', () => {
  const ctx = slideshowWorld();
  const photo = productPhoto(ctx);
  const folder = ctx.world.drive.addFolder({ name: 'Screenshots of the post', owner: ctx.user });
  const add = (name: string, mimeType: string, content: Uint8Array | string) =>
    ctx.world.drive.addFile({ name, owner: ctx.user, parentId: folder, mimeType, content });
  add(
    '10.jpg',
    'image/jpeg',
    renderSlideJpeg({ width: 300, height: 400, seed: 3, number: 3, count: 3, text: 'LAST' }),
  );
  add('2.png', 'image/png', png(270, 480));
  add(
    '1.jpg',
    'image/jpeg',
    renderSlideJpeg({ width: 300, height: 400, seed: 1, number: 1, count: 3, text: 'FIRST' }),
  );
  add('notes.txt', 'text/plain', 'not a slide');
  const cell = `https://drive.google.com/drive/folders/${folder}?usp=sharing`;
  prepareSheet(ctx, [[cell, photo.link, DESCRIPTION]]);
  const started = start(ctx);
  const progress = pumpUntilDone(ctx);
  const files = filesByPath(ctx);
  const root = batchFolder(ctx);

  it('takes the folder as the row, makes no TikTok request, and completes', () => {
    expect(started.skipped).toEqual([]);
    expect(progress).toMatchObject({ status: 'completed', rows: { completed: 1, failed: 0 } });
    expect(ctx.tiktok.counters).toEqual({});
    expect(sheetRows(ctx).get(cell)).toMatchObject({ status: 'Done', output: 'Link_001' });
  });

  it('keeps the images in natural name order as source/slide_N.jpg, the PNG made a JPEG', () => {
    const source = (n: number) =>
      ctx.world.drive.readBytes(files.get(`${root}Link_001/source/slide_${n}.jpg`)?.id ?? '');
    expect(decodeJpeg(source(0))).toEqual({ width: 300, height: 400 });
    expect(decodeJpeg(source(1))).toEqual({ width: 270, height: 480 });
    expect(decodeJpeg(source(2))).toEqual({ width: 300, height: 400 });
    expect(files.has(`${root}Link_001/source/slide_3.jpg`)).toBe(false);
    // Each remade slide keeps its original's shape: 3:4, 9:16, 3:4.
    const made = (n: number) =>
      decodeJpeg(
        ctx.world.drive.readBytes(files.get(`${root}Link_001/variation_1/slide_${n}.jpg`)?.id ?? ''),
      );
    expect(made(0)).toEqual({ width: 768, height: 1024 });
    expect(made(1)).toEqual({ width: 576, height: 1024 });
    const record = readJson(ctx, files.get(`${root}Link_001/variation_1/analysis.json`)?.id ?? '');
    expect(record['source']).toMatchObject({
      route: 'drive-folder',
      folderName: 'Screenshots of the post',
      slideCount: 3,
    });
  });
});

describe('product photos', () => {
  function oneRow(
    photoCell: string,
    world: SlideshowWorld = slideshowWorld(),
  ): { ctx: SlideshowWorld; progress: ProgressView } {
    prepareSheet(world, [[LINK, photoCell, DESCRIPTION]]);
    start(world);
    return { ctx: world, progress: pumpUntilDone(world) };
  }

  it("fetches a large Drive photo as Drive's smaller preview", () => {
    const ctx = slideshowWorld();
    const bytes = noisyJpeg(2400, 1800);
    expect(bytes.length).toBeGreaterThan(1_500_000);
    const id = ctx.world.drive.addFile({
      name: 'phone.jpg',
      owner: ctx.user,
      mimeType: 'image/jpeg',
      content: bytes,
    });
    const { progress } = oneRow(id, ctx);
    expect(progress.status).toBe('completed');
    expect(ctx.previews.stats.served).toBe(1);
    const files = filesByPath(ctx);
    const analysis = [...files].find(([path]) => path.endsWith('variation_1/analysis.json'));
    const record = readJson(ctx, analysis?.[1].id ?? '');
    expect(record['product']).toMatchObject({
      used: 'thumbnail',
      width: 1600,
      height: 1200,
      originalBytes: bytes.length,
    });
    expect((record['product'] as { bytes: number }).bytes).toBeLessThan(bytes.length / 2);
    expect(
      progress.events.some((event) =>
        /product photo ready, made smaller \(\d+\.\d MB → \d+\.\d MB\)/.test(event.text),
      ),
    ).toBe(true);
  });

  it('refuses a photo too large to send and with no preview, saying what to do', () => {
    const ctx = slideshowWorld();
    const id = ctx.world.drive.addFile({
      name: 'huge.heic',
      owner: ctx.user,
      mimeType: 'image/heic',
      content: new Uint8Array(11_000_000),
    });
    const { progress } = oneRow(id, ctx);
    expect(progress.failures[0]?.error).toBe(
      'The product photo is 11.0 MB, more than the 10.0 MB the add-on sends to Gemini, and Drive has no smaller preview of it yet. Save a smaller copy (about 2000 pixels wide) and link that.',
    );
  });

  it('says when the Drive file is not an image, or cannot be found', () => {
    const ctx = slideshowWorld();
    const text = ctx.world.drive.addFile({
      name: 'notes.txt',
      owner: ctx.user,
      mimeType: 'text/plain',
      content: 'hi',
    });
    const mine = oneRow(`https://drive.google.com/file/d/${text}/view`, ctx);
    expect(mine.progress.failures[0]?.error).toBe(
      'The product photo is not an image (Drive says it is text/plain): link a JPEG or PNG photo.',
    );
    const other = slideshowWorld();
    const hidden = other.world.drive.addFile({
      name: 'secret.jpg',
      owner: 'sam@example.com',
      mimeType: 'image/jpeg',
      content: renderSlideJpeg({ width: 60, height: 60, seed: 1, number: 1, count: 1, text: 'X' }),
    });
    const theirs = oneRow(hidden, other);
    expect(theirs.progress.failures[0]?.error).toBe(
      'The product photo could not be found in Google Drive: check the link in the Product photo cell, and that the file is shared with you.',
    );
  });

  describe('https links', () => {
    const shop: HttpHandler = (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/bottle.jpg') {
        return {
          status: 200,
          headers: { 'Content-Type': 'image/jpeg' },
          body: renderSlideJpeg({ width: 500, height: 500, seed: 4, number: 1, count: 1, text: 'SHOP' }),
        };
      }
      if (path === '/page.html')
        return { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html></html>' };
      return jsonResponse(404, { error: 'not found' });
    };
    const world = () => {
      const ctx = slideshowWorld({ whitelist: ['https://cdn.shop.example/'] });
      ctx.world.router.register('cdn.shop.example', shop);
      return ctx;
    };

    it('uses an image link as it is', () => {
      const { ctx, progress } = oneRow('https://cdn.shop.example/bottle.jpg', world());
      expect(progress.status).toBe('completed');
      expect(progress.rows.completed).toBe(1);
      expect(ctx.gemini.stats.calls.upload).toBeGreaterThan(0);
    });

    it('a photo on a site the manifest does not list fails its own row only, saying what to do', () => {
      const ctx = world();
      ctx.world.router.register('photos.elsewhere.example', shop);
      const second = 'https://www.tiktok.com/@second/photo/7350000000000123499';
      prepareSheet(ctx, [
        [LINK, 'https://photos.elsewhere.example/bottle.jpg', DESCRIPTION],
        [second, 'https://cdn.shop.example/bottle.jpg', DESCRIPTION],
      ]);
      start(ctx);
      const progress = pumpUntilDone(ctx);
      expect(progress.status).toBe('completed');
      expect(progress.rows.completed).toBe(1);
      expect(progress.failures.map((failure) => failure.error)).toEqual([
        'The add-on cannot download photos from that website: upload the photo to Google Drive and paste its Drive link.',
      ]);
    });

    it('fails a link that is not found, or not an image', () => {
      expect(oneRow('https://cdn.shop.example/gone.jpg', world()).progress.failures[0]?.error).toBe(
        'The product photo link answered "not found" (error 404): check the link.',
      );
      expect(oneRow('https://cdn.shop.example/page.html', world()).progress.failures[0]?.error).toBe(
        'The product photo link does not lead to an image (it gave text/html): link the image file itself.',
      );
    });
  });
});

describe('settings that shape the output', () => {
  it('saves PNGs when the settings ask for PNG', () => {
    const ctx = slideshowWorld({ settings: { outputFormat: 'png' } });
    const photo = productPhoto(ctx);
    prepareSheet(ctx, [[LINK, photo.link, DESCRIPTION]]);
    start(ctx);
    expect(pumpUntilDone(ctx).status).toBe('completed');
    const made = [...filesByPath(ctx)].filter(([path]) => /variation_1\/slide_\d+\./.test(path));
    expect(made.length).toBeGreaterThan(2);
    for (const [path, file] of made) {
      expect(path).toMatch(/\.png$/);
      expect(decodePng(ctx.world.drive.readBytes(file.id)).height).toBe(1024);
    }
  });

  it('stops the batch with one message when the parent folder in Settings is gone', () => {
    const ctx = slideshowWorld({
      settings: { parentFolderId: '1NoSuchFolderAnywhereInThisDrive000000000000' },
    });
    const photo = productPhoto(ctx);
    prepareSheet(ctx, [[LINK, photo.link, DESCRIPTION]]);
    start(ctx);
    const progress = pumpUntilDone(ctx);
    expect(progress.status).toBe('stopped');
    expect(progress.message).toMatch(/^The parent folder chosen in Settings could not be found/);
  });

  it('stops the batch with one message when Drive is full', () => {
    const ctx = slideshowWorld({ drive: { storageLimitBytes: 150_000 } });
    const photo = productPhoto(ctx);
    prepareSheet(ctx, [[LINK, photo.link, DESCRIPTION]]);
    start(ctx);
    const progress = pumpUntilDone(ctx);
    expect(progress.status).toBe('stopped');
    expect(progress.message).toMatch(/^Your Google Drive is full/);
    expect(progress.rows.failed).toBe(0);
  });

  it('words the Status cell as the row moves: Queued, Fetching … Generating n/m … Done', () => {
    // A small quota: the engine opens no more rows than the setting's one.
    const ctx = slideshowWorld({ settings: { rowsInProgress: 1, imageRequestsPerMinute: 10 } });
    const photo = productPhoto(ctx);
    const second = 'https://www.tiktok.com/@other/photo/7360000000000123452';
    prepareSheet(ctx, [
      [LINK, photo.link, DESCRIPTION],
      [second, photo.link, DESCRIPTION],
    ]);
    start(ctx, { photoVariations: 2, textVariations: 1 });
    const seen = new Set<string>();
    for (let call = 0; call < 300; call++) {
      const progress = expectOk(ctx.runtime.callFromSidebar<ProgressView>('pumpBatch'));
      for (const row of sheetRows(ctx).values()) seen.add(row.status.replace(/\d+\/\d+/, 'n/m'));
      if (progress.status === 'completed') break;
      ctx.world.clock.advance(2_000);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['Queued', 'Generating n/m', 'Done']));
    expect(
      [...seen].every((status) =>
        /^(Queued|Fetching|Analyzing|Writing text|Generating n\/m|Saving|Done)$/.test(status),
      ),
    ).toBe(true);
  });
});
