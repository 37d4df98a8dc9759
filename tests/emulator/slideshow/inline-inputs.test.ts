/**
 * A batch set to send images inline (settings.imageInputs, the benchmark's other way): nothing goes to
 * Gemini's Files API, the analysis and every image request carry the slide and the product photo, and
 * the Drive tree is the same as by reference.
 */
import { duplicates, filesByPath, readJson } from './inspect';
import { expectOk, prepareSheet, productPhoto, pumpUntilDone, slideshowWorld } from './world';

const LINK = 'https://www.tiktok.com/@seen.first/photo/7312345678901234567';
const DESCRIPTION = 'Glow Drops: a vitamin C serum for dull skin, 30 ml, fragrance free.';

describe('a batch that sends images inline', () => {
  const ctx = slideshowWorld({ seed: 5, settings: { imageInputs: 'inline' } });
  const photo = productPhoto(ctx);
  prepareSheet(ctx, [[LINK, photo.link, DESCRIPTION]]);
  expectOk(ctx.runtime.callFromSidebar('startBatch', [{ photoVariations: 2, textVariations: 1 }]));
  const progress = pumpUntilDone(ctx);
  const post = ctx.tiktok.post('7312345678901234567');
  const images = ctx.world.fetches.filter((fetch) => fetch.url.includes('flash-image:generateContent'));

  it('completes the row with every image, and uploads nothing to the Files API', () => {
    expect(progress).toMatchObject({ status: 'completed', rows: { completed: 1, failed: 0 } });
    expect(progress.unitsDone).toBe(post.slides.length * 2);
    expect(ctx.gemini.stats.calls.upload).toBe(0);
    expect(duplicates(ctx)).toEqual([]);
  });

  it("sends each image request with the slide's and the photo's bytes", () => {
    expect(images).toHaveLength(post.slides.length * 2);
    // By reference a request is a few kilobytes; inline it carries a JPEG slide and the product photo.
    const smallest = Math.min(...images.map((fetch) => fetch.requestBytes));
    expect(smallest).toBeGreaterThan(photo.bytes);
  });

  it('saves the same layout as a batch by reference, and says how images were sent', () => {
    const paths = [...filesByPath(ctx).keys()];
    for (let slide = 0; slide < post.slides.length; slide++) {
      expect(paths.some((path) => path.endsWith(`variation_2/slide_${slide}.jpg`))).toBe(true);
    }
    const analysis = paths.find((path) => path.endsWith('variation_1/analysis.json'));
    const record = readJson(ctx, filesByPath(ctx).get(analysis ?? '')?.id ?? '');
    expect(record['imageInputs']).toBe('inline');
    expect(record['product']).toMatchObject({ mimeType: 'image/jpeg' });
  });
});
