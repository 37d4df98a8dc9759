/**
 * The Gemini key and the Drive sign-in never leave the request headers: after batches that worked,
 * failed a row and stopped on a bad key, neither appears anywhere in the emulated world (the sheets,
 * the hidden queue, every Drive file and name, the logs, every URL fetched, properties other than the
 * key's own, the cache, triggers, what the sidebar was sent).
 */
import { oauthTokenFor } from '../../../emulator/services/script-app';
import { API_KEY_PROPERTY } from '../../../src/server/settings/store';
import {
  expectOk,
  KEY,
  prepareSheet,
  productPhoto,
  pumpUntilDone,
  slideshowWorld,
  type SlideshowWorld,
  type WorldOptions,
} from './world';

/** Every place a secret could have been written to, as text. */
function everything(ctx: SlideshowWorld): Record<string, string> {
  const drive = ctx.world.drive
    .list()
    .map((item) => {
      const content =
        item.mimeType === 'application/vnd.google-apps.folder'
          ? ''
          : Buffer.from(ctx.world.drive.readBytes(item.id)).toString('latin1');
      return `${item.name}\n${item.description ?? ''}\n${content}`;
    })
    .join('\n');
  const properties = JSON.parse(JSON.stringify(ctx.world.properties.toJSON())) as {
    stores: Record<string, Record<string, string>>;
  };
  for (const store of Object.values(properties.stores)) delete store[API_KEY_PROPERTY];
  return {
    spreadsheets: JSON.stringify(ctx.world.spreadsheets.toJSON()),
    drive,
    logs: JSON.stringify(ctx.world.logs),
    urls: ctx.world.fetches.map((fetch) => fetch.url).join('\n'),
    properties: JSON.stringify(properties),
    cache: JSON.stringify(ctx.world.cache.toJSON()),
    triggers: JSON.stringify(ctx.world.triggers.toJSON()),
    sidebar: JSON.stringify(ctx.world.reports.map((report) => [report.value ?? null, report.error ?? null])),
  };
}

function places(ctx: SlideshowWorld, secret: string): string[] {
  return Object.entries(everything(ctx))
    .filter(([, text]) => text.includes(secret))
    .map(([place]) => place);
}

function run(options: WorldOptions) {
  const ctx = slideshowWorld({ ...options, gemini: { blockPromptsContaining: ['forbidden'] } });
  const photo = productPhoto(ctx);
  prepareSheet(ctx, [
    ['https://www.tiktok.com/@a/photo/7330000000000123451', photo.link, 'A linen tote bag.'],
    ['https://www.tiktok.com/@b/photo/7330000000000123452', photo.link, 'A forbidden linen tote bag.'],
  ]);
  expectOk(ctx.runtime.callFromSidebar('startBatch', [{ photoVariations: 1, textVariations: 2 }]));
  return { ctx, progress: pumpUntilDone(ctx) };
}

describe('secrets stay in request headers', () => {
  it('after a batch with a done row and a failed row', () => {
    const { ctx, progress } = run({});
    expect(progress).toMatchObject({ status: 'completed', rows: { completed: 1, failed: 1 } });
    // The scan would find them if they were there: the secrets are in the world, only in their places.
    expect(ctx.world.properties.entries(`user:${ctx.user}`)[API_KEY_PROPERTY]).toBe(KEY);
    expect(everything(ctx).drive).toContain('A linen tote bag.');
    expect(places(ctx, KEY)).toEqual([]);
    expect(places(ctx, oauthTokenFor(ctx.user))).toEqual([]);
    expect(ctx.gemini.stats.keyInUrl).toBe(0);
  });

  it('after a batch stopped by a key Gemini refused', () => {
    const wrong = 'AIzaSyWrongKeyThatShouldNotLeak-123456789';
    const { ctx, progress } = run({ key: wrong });
    expect(progress.status).toBe('stopped');
    expect(places(ctx, wrong)).toEqual([]);
    expect(places(ctx, oauthTokenFor(ctx.user))).toEqual([]);
  });
});
