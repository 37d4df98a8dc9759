/**
 * Each way Gemini says no, in the emulator on the real bundle: a refused input fails only its row; a
 * bad key stops the batch with one message (and Resume goes on once it is fixed); a 429 only slows
 * the batch; a per-day quota pauses it until the quota resets; transient faults are retried.
 */
import { userScope } from '../../../emulator/services/properties/properties-store';
import { DEFAULT_SIM_KEY } from '../../../emulator/sim/gemini';
import { API_KEY_PROPERTY } from '../../../src/server/settings/store';
import { duplicates } from './inspect';
import {
  expectOk,
  prepareSheet,
  productPhoto,
  pumpUntilDone,
  sheetRows,
  slideshowWorld,
  type WorldOptions,
} from './world';

const A = 'https://www.tiktok.com/@a/photo/7321000000000123451';
const B = 'https://www.tiktok.com/@b/photo/7321000000000123452';
const C = 'https://www.tiktok.com/@c/photo/7321000000000123453';
const GOOD = 'A bamboo toothbrush with soft bristles, plastic free.';

function batch(
  options: WorldOptions,
  descriptions: [string, string][] = [
    [A, GOOD],
    [B, GOOD],
  ],
) {
  const ctx = slideshowWorld(options);
  const photo = productPhoto(ctx);
  prepareSheet(
    ctx,
    descriptions.map(([link, description]) => [link, photo.link, description]),
  );
  return ctx;
}

function start(ctx: ReturnType<typeof slideshowWorld>) {
  return ctx.runtime.callFromSidebar('startBatch', [{ photoVariations: 1, textVariations: 1 }]);
}

describe('Gemini says no', () => {
  it('fails only the row whose input Gemini refuses, with the block reason', () => {
    const ctx = batch({ gemini: { blockPromptsContaining: ['unicorn powder'] } }, [
      [A, GOOD],
      [B, 'Unicorn powder: a glitter bath bomb.'],
      [C, GOOD],
    ]);
    expectOk(start(ctx));
    const progress = pumpUntilDone(ctx);
    expect(progress).toMatchObject({ status: 'completed', rows: { completed: 2, failed: 1 } });
    const rows = sheetRows(ctx);
    expect(rows.get(B)?.error).toBe(
      "Gemini's safety filter refused the input (the slide, the product photo or the text). Try another product photo or reword the description.",
    );
    expect(rows.get(B)?.status).toBe(`Failed: ${rows.get(B)?.error}`);
    expect(rows.get(A)?.status).toBe('Done');
    expect(rows.get(C)?.status).toBe('Done');
  });

  it('stops the whole batch with one message for a key Gemini does not accept, and goes on after Resume', () => {
    const ctx = batch({ key: 'AIzaSyThisKeyIsNotKnownToGemini-0000000000' });
    expectOk(start(ctx));
    const stopped = pumpUntilDone(ctx);
    expect(stopped.status).toBe('stopped');
    expect(stopped.message).toMatch(/^Gemini did not accept the API key\. Copy the key again/);
    expect(stopped.rows.failed).toBe(0);
    for (const row of sheetRows(ctx).values()) {
      expect(row.status).toBe(`Stopped: ${stopped.message}`);
      expect(row.error).toBe('');
    }
    ctx.world.properties.seed(userScope(ctx.user), { [API_KEY_PROPERTY]: DEFAULT_SIM_KEY });
    expect(expectOk(ctx.runtime.callFromSidebar<{ status: string }>('resumeBatch')).status).toBe('running');
    const done = pumpUntilDone(ctx);
    expect(done).toMatchObject({ status: 'completed', rows: { completed: 2, failed: 0 } });
    expect(duplicates(ctx)).toEqual([]);
  });

  it('refuses to start without a key, saying where to put one', () => {
    const ctx = batch({ key: null });
    const report = start(ctx);
    expect(report.status).toBe('failed');
    expect(report.error?.message).toMatch(/^No Gemini API key is saved\. Add your key in Settings/);
  });

  it('waits out 429s without failing anything', () => {
    // Gemini allows 3 image requests a minute; the settings say 60.
    const ctx = batch({ gemini: { rpm: { 'gemini-2.5-flash-image': 3 } } });
    expectOk(start(ctx));
    const progress = pumpUntilDone(ctx, { maxCalls: 600 });
    expect(progress).toMatchObject({ status: 'completed', rows: { completed: 2, failed: 0 } });
    expect(ctx.gemini.stats.rateLimited).toBeGreaterThan(0);
    expect(progress.events.some((event) => /rate limited, retrying in \d+ s/.test(event.text))).toBe(true);
    expect(duplicates(ctx)).toEqual([]);
  });

  it('pauses for a per-day quota until midnight Pacific, says so in the rows, then goes on by itself', () => {
    const ctx = batch({ gemini: { rpd: { 'gemini-2.5-flash-image': 6 } } });
    expectOk(start(ctx));
    const paused = pumpUntilDone(ctx, { until: (progress) => progress.status === 'paused' });
    expect(paused.message).toMatch(/daily limit for this model is used up/);
    const resumeAt = paused.resumeAt ?? 0;
    const pacific = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(resumeAt));
    expect(pacific).toBe('00:00');
    expect(resumeAt).toBeGreaterThan(ctx.world.clock.now());
    const statuses = [...sheetRows(ctx).values()].map((row) => row.status);
    expect(statuses.some((status) => /^Paused: quota \(until \d\d:\d\d UTC\)$/.test(status))).toBe(true);
    ctx.world.clock.advance(resumeAt + 1_000 - ctx.world.clock.now());
    const done = pumpUntilDone(ctx);
    expect(done).toMatchObject({ status: 'completed', rows: { completed: 2, failed: 0 } });
  });

  it('retries server errors, empty answers and missing images until they work', () => {
    const ctx = batch({ seed: 11, gemini: { faults: { serverError: 0.15, noImage: 0.15 } } });
    expectOk(start(ctx));
    const progress = pumpUntilDone(ctx, { maxCalls: 400 });
    expect(progress).toMatchObject({ status: 'completed', rows: { completed: 2, failed: 0 } });
    expect(ctx.gemini.stats.serverErrors).toBeGreaterThan(0);
    expect(ctx.gemini.stats.noImage).toBeGreaterThan(0);
    expect(duplicates(ctx)).toEqual([]);
  });

  it('sends the images inline once the uploads expired (a batch that went on days later)', () => {
    // Three slides; two images a day: the batch pauses after two, and goes on three days later.
    const link = 'https://www.tiktok.com/@tiny/photo/7350000000000123460';
    const ctx = batch({ gemini: { rpd: { 'gemini-2.5-flash-image': 2 } } }, [[link, GOOD]]);
    expectOk(start(ctx));
    const paused = pumpUntilDone(ctx, { until: (progress) => progress.status === 'paused' });
    expect(paused.unitsDone).toBe(2);
    ctx.world.clock.advance(3 * 24 * 3_600_000);
    const done = pumpUntilDone(ctx);
    expect(done).toMatchObject({ status: 'completed', rows: { completed: 1, failed: 0 }, unitsDone: 3 });
    const images = ctx.world.fetches.filter((fetch) => fetch.url.includes('flash-image:generateContent'));
    // Two by reference, the third refused for the day; after the expiry, refused by reference (the
    // upload is gone), then sent inline.
    expect(images.map((fetch) => [fetch.status, fetch.requestBytes > 10_000 ? 'inline' : 'by uri'])).toEqual([
      [200, 'by uri'],
      [200, 'by uri'],
      [429, 'by uri'],
      [403, 'by uri'],
      [200, 'inline'],
    ]);
    expect(duplicates(ctx)).toEqual([]);
  });
});
