/**
 * A flaky world: Drive loses answers to creations that did land (the classic cause of duplicates),
 * answers 5xx and 429, and Gemini fails often enough that rows fail after three tries. Retry failed
 * until everything is done: every file exists exactly once, batch.json included (rewritten, not
 * doubled).
 */
import { batchFolder, duplicates, filesByPath, readJson } from './inspect';
import { expectOk, prepareSheet, productPhoto, pumpUntilDone, slideshowWorld } from './world';

const LINKS = [
  'https://www.tiktok.com/@a/photo/7340000000000123451',
  'https://www.tiktok.com/@b/photo/7340000000000123452',
  'https://www.tiktok.com/@c/photo/7340000000000123453',
];

describe('retries and Retry failed never make a second copy', () => {
  const ctx = slideshowWorld({
    seed: 21,
    drive: { faults: { lostResponse: 0.2, serverError: 0.1, rateLimit: 0.05 } },
    gemini: { faults: { serverError: 0.35 } },
  });
  const photo = productPhoto(ctx);
  prepareSheet(
    ctx,
    LINKS.map((link) => [link, photo.link, 'Wool socks for cold mornings.']),
  );
  expectOk(ctx.runtime.callFromSidebar('startBatch', [{ photoVariations: 2, textVariations: 1 }]));
  const first = pumpUntilDone(ctx, { maxCalls: 400 });
  let last = first;
  for (let round = 0; round < 8 && last.rows.failed > 0; round++) {
    expectOk(ctx.runtime.callFromSidebar('retryFailedRows'));
    last = pumpUntilDone(ctx, { maxCalls: 400 });
  }

  it('needed Retry failed (the faults were real) and ended with every row done', () => {
    expect(ctx.drive.stats.faults.lostResponse).toBeGreaterThan(0);
    expect(first.rows.failed).toBeGreaterThan(0);
    expect(last).toMatchObject({ status: 'completed', rows: { completed: 3, failed: 0 } });
  });

  it('left exactly one of every file and folder', () => {
    expect(duplicates(ctx)).toEqual([]);
    const root = batchFolder(ctx);
    const files = filesByPath(ctx);
    const images = [...files.keys()].filter((path) => /variation_\d\/slide_\d+\.jpg$/.test(path));
    expect(images).toHaveLength(last.unitsDone);
    const record = readJson(ctx, files.get(`${root}batch.json`)?.id ?? '');
    // Rewritten after the last retry, with the final outcome.
    expect(record['counts']).toMatchObject({ links: 3, completed: 3, failed: 0 });
    expect(files.get(`${root}batch.json`)?.count).toBe(1);
  });
});
