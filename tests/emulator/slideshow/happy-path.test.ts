/**
 * The slideshow job on the real bundle in the emulator: three links (two long, one short) with 2 photo
 * × 2 text variations make exactly the Drive layout of product.md, with real JPEGs and complete
 * analysis.json files, through the Files API, with the rows' cells filled in.
 */
import { postIdForShortCode } from '../../../emulator/sim/tiktok-posts';
import { PROMPT_VERSION } from '../../../src/server/slideshow/prompts';
import { MAX_SIDEBAR_LANES } from '../../../src/shared/lanes';
import { AnalysisSchema, CopySchema } from '../../../src/server/slideshow/schemas';
import { batchFolder, decodeJpeg, duplicates, filesByPath, readJson } from './inspect';
import {
  expectOk,
  prepareSheet,
  productPhoto,
  pumpUntilDone,
  sheetRows,
  slideshowWorld,
  type Row,
} from './world';

const LONG_A = 'https://www.tiktok.com/@seen.first/photo/7312345678901234567';
const LONG_B = 'Check this out! https://www.tiktok.com/@someone/photo/7398765432109876543?is_from_webapp=1';
const SHORT = 'https://vm.tiktok.com/ZMabc123/';
const DESCRIPTION = 'Glow Drops: a vitamin C serum for dull skin, 30 ml, fragrance free.';

function run() {
  const ctx = slideshowWorld({ seed: 3 });
  const photo = productPhoto(ctx);
  const rows: Row[] = [
    [LONG_A, photo.link, DESCRIPTION],
    [LONG_B, photo.link, DESCRIPTION],
    [SHORT, photo.link, DESCRIPTION],
  ];
  prepareSheet(ctx, rows);
  const started = expectOk(
    ctx.runtime.callFromSidebar<{ estimate: { links: number }; progress: { pumps?: number } }>('startBatch', [
      { photoVariations: 2, textVariations: 2 },
    ]),
  );
  const progress = pumpUntilDone(ctx);
  return { ctx, started, progress };
}

describe('a batch of three links, 2 photo × 2 text variations', () => {
  const result = run();
  const { ctx, progress } = result;
  const posts = [
    ctx.tiktok.post('7312345678901234567'),
    ctx.tiktok.post('7398765432109876543'),
    ctx.tiktok.post(postIdForShortCode('ZMabc123')),
  ];
  const files = filesByPath(ctx);
  const root = batchFolder(ctx);

  it('completes every row', () => {
    expect(result.started.estimate.links).toBe(3);
    // The sidebar starts its lanes at once, as many as the three rows' images will fill together
    // (48 to 72 of them), which is more than one lane per row.
    expect(result.started.progress.pumps).toBeGreaterThan(3);
    expect(result.started.progress.pumps).toBeLessThanOrEqual(MAX_SIDEBAR_LANES);
    expect(progress.status).toBe('completed');
    expect(progress.rows).toMatchObject({ total: 3, completed: 3, failed: 0 });
    const slides = posts.reduce((sum, post) => sum + post.slides.length, 0);
    expect(progress.unitsDone).toBe(slides * 4);
  });

  it('makes exactly the Drive tree of product.md', () => {
    const expected = [root, `${root}batch.json`];
    posts.forEach((post, index) => {
      const link = `${root}Link_00${index + 1}_@${post.author}/`;
      expected.push(link, `${link}source/`);
      for (const slide of post.slides) expected.push(`${link}source/slide_${slide.index}.jpg`);
      for (let v = 1; v <= 4; v++) {
        expected.push(`${link}variation_${v}/`, `${link}variation_${v}/analysis.json`);
        for (const slide of post.slides) expected.push(`${link}variation_${v}/slide_${slide.index}.jpg`);
      }
    });
    const actual = [...files.keys()].filter((path) => path.startsWith(root));
    expect(actual.sort()).toEqual(expected.sort());
    expect(duplicates(ctx)).toEqual([]);
    // Named in the spreadsheet's time zone at the batch's start.
    const start = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Los_Angeles',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(new Date(progress.startedAt))
      .replace(', ', ' ')
      .replace(':', '.');
    expect(root).toBe(`TikTok Batch ${start}/`);
  });

  it('saves real JPEGs at the aspect ratio of the original slides', () => {
    posts.forEach((post, index) => {
      const link = `${root}Link_00${index + 1}_@${post.author}/`;
      for (const slide of post.slides) {
        const source = files.get(`${link}source/slide_${slide.index}.jpg`);
        expect(decodeJpeg(ctx.world.drive.readBytes(source?.id ?? ''))).toEqual({
          width: slide.width,
          height: slide.height,
        });
        for (let v = 1; v <= 4; v++) {
          const made = files.get(`${link}variation_${v}/slide_${slide.index}.jpg`);
          expect(made?.mimeType).toBe('image/jpeg');
          const size = decodeJpeg(ctx.world.drive.readBytes(made?.id ?? ''));
          // The simulated model draws at 1024 on the long side, at the ratio asked for (3:4 or 9:16).
          expect(size.height).toBe(1024);
          expect(size.width / size.height).toBeCloseTo(slide.width / slide.height, 1);
        }
      }
    });
  });

  it('makes photo variations look different and text variations read differently', () => {
    const link = `${root}Link_001_@${posts[0]?.author}/`;
    const bytes = (v: number) =>
      Buffer.from(ctx.world.drive.readBytes(files.get(`${link}variation_${v}/slide_0.jpg`)?.id ?? ''));
    // variation 1 = photo 1 × text 1, 3 = photo 2 × text 1: same text, another look.
    expect(bytes(1).equals(bytes(3))).toBe(false);
    const copy = (v: number) =>
      CopySchema.parse(readJson(ctx, files.get(`${link}variation_${v}/analysis.json`)?.id ?? '')['copy']);
    expect(copy(1).slides.map((slide) => slide.text)).not.toEqual(copy(2).slides.map((slide) => slide.text));
    // Same text variation, another photo variation: the same copy.
    expect(copy(3)).toEqual(copy(1));
  });

  it('writes a complete analysis.json per variation', () => {
    posts.forEach((post, index) => {
      const link = `${root}Link_00${index + 1}_@${post.author}/`;
      for (let v = 1; v <= 4; v++) {
        const record = readJson(ctx, files.get(`${link}variation_${v}/analysis.json`)?.id ?? '');
        expect(record).toMatchObject({
          promptVersion: PROMPT_VERSION,
          link: { number: index + 1 },
          variation: { number: v, photoVariation: v <= 2 ? 1 : 2, textVariation: v % 2 === 1 ? 1 : 2 },
          models: { text: 'gemini-2.5-flash', image: 'gemini-2.5-flash-image' },
          outputFormat: 'jpeg',
          source: {
            postId: post.id,
            author: post.author,
            caption: post.caption,
            slideCount: post.slides.length,
          },
          product: {
            description: DESCRIPTION,
            used: 'original',
            mimeType: 'image/jpeg',
            width: 480,
            height: 480,
          },
        });
        const analysis = AnalysisSchema.parse(record['analysis']);
        expect(analysis.slides.map((slide) => slide.index)).toEqual(post.slides.map((slide) => slide.index));
        expect(CopySchema.parse(record['copy']).slides).toHaveLength(post.slides.length);
        const slides = record['slides'] as { file: string; aspectRatio: string; generationMs: number }[];
        expect(slides.map((slide) => slide.file)).toEqual(
          post.slides.map((slide) => `slide_${slide.index}.jpg`),
        );
        expect(slides.every((slide) => slide.generationMs > 0)).toBe(true);
        const timings = record['timings'] as Record<string, string | null>;
        for (const value of Object.values(timings)) expect(value).not.toBeNull();
      }
    });
  });

  it('writes batch.json with the settings used, counts and links', () => {
    const record = readJson(ctx, files.get(`${root}batch.json`)?.id ?? '');
    expect(record).toMatchObject({
      promptVersion: PROMPT_VERSION,
      settings: {
        textModel: 'gemini-2.5-flash',
        imageModel: 'gemini-2.5-flash-image',
        photoVariations: 2,
        textVariations: 2,
      },
      counts: { links: 3, completed: 3, failed: 0, images: progress.unitsDone },
      failures: [],
    });
    expect((record['links'] as { author: string }[]).map((link) => link.author)).toEqual(
      posts.map((post) => `@${post.author}`),
    );
  });

  it('links each row to its folder and marks it Done', () => {
    const rows = sheetRows(ctx);
    const links = [LONG_A, LONG_B, SHORT];
    posts.forEach((post, index) => {
      const folder = files.get(`${root}Link_00${index + 1}_@${post.author}/`);
      expect(rows.get(links[index] as string)).toEqual({
        status: 'Done',
        output: `Link_00${index + 1}_@${post.author}`,
        error: '',
        outputUrl: `https://drive.google.com/drive/folders/${folder?.id}`,
      });
    });
  });

  it('uploads each slide and each product photo once to the Files API, and sends images by reference', () => {
    const slides = posts.reduce((sum, post) => sum + post.slides.length, 0);
    expect(ctx.gemini.stats.calls.upload).toBe(slides + posts.length);
    expect(ctx.gemini.stats.calls.image).toBe(slides * 4);
    const imageCalls = ctx.world.fetches.filter((fetch) =>
      fetch.url.includes('gemini-2.5-flash-image:generateContent'),
    );
    expect(imageCalls).toHaveLength(slides * 4);
    // Prompt and two file references: a few kilobytes, never the images' bytes.
    expect(Math.max(...imageCalls.map((fetch) => fetch.requestBytes))).toBeLessThan(8_000);
    expect(ctx.gemini.stats.keyInUrl).toBe(0);
  });

  it("reads Gemini's JSON answers as text only, never also as a Byte[] copy to learn their size", () => {
    const byteReads = ctx.world.quotas.calls.get('HTTPResponse.getContent') ?? 0;
    const geminiAnswers = ctx.world.fetches.filter((fetch) =>
      fetch.url.includes('generativelanguage'),
    ).length;
    // Only the other answers (slides, photos, Drive's previews) may be read as bytes.
    expect(geminiAnswers).toBeGreaterThan(0);
    expect(byteReads).toBeLessThanOrEqual(ctx.world.fetches.length - geminiAnswers);
  });
});
