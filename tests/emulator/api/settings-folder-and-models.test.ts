/**
 * Settings on the real bundle, beyond the key: the parent folder is kept only when Drive says the add-on
 * may write into it (drive.file: My Drive and folders it made), with a reason Jenny can act on
 * otherwise; "Make a new folder" gives one it may always use, and the next batch goes there; a refused
 * key says Gemini's own words and saves nothing; the models chosen are kept.
 */
import {
  expectOk,
  prepareSheet,
  productPhoto,
  pumpUntilDone,
  slideshowWorld,
  type SlideshowWorld,
} from '../slideshow/world';
import { FOLDER_MIME } from '../slideshow/inspect';
import type {
  CreateFolderResult,
  KeyCheckView,
  SaveSettingsResult,
  SettingsView,
} from '../../../src/shared/rpc';

function call<T>(ctx: SlideshowWorld, name: string, args: unknown[] = []): T {
  return expectOk(ctx.runtime.callFromSidebar<T>(name, args));
}

const save = (ctx: SlideshowWorld, input: object) => call<SaveSettingsResult>(ctx, 'saveSettings', [input]);
const view = (ctx: SlideshowWorld) => call<SettingsView>(ctx, 'getSettings');

describe('the parent folder', () => {
  it('refuses a folder Jenny made herself, saying why and what to do, and keeps My Drive', () => {
    const ctx = slideshowWorld();
    const mine = ctx.world.drive.addFolder({ name: 'Client work', owner: ctx.user });
    const result = save(ctx, {
      settings: { rowsInProgress: 7 },
      parentFolder: `https://drive.google.com/drive/folders/${mine}?usp=sharing`,
    });
    expect(result).toMatchObject({ ok: false, field: 'parentFolder' });
    if (result.ok) return;
    expect(result.message).toMatch(/cannot save into “Client work”/);
    expect(result.message).toMatch(/only into My Drive and into folders it made itself/);
    expect(result.message).toMatch(/Make a new folder/);
    // Nothing was saved, the other fields neither.
    expect(view(ctx).settings).toMatchObject({ parentFolderId: null, rowsInProgress: 5 });
  });

  it('says when the folder is not there, is a file, is in the trash, or is only shared to view', () => {
    const ctx = slideshowWorld();
    const photo = productPhoto(ctx);
    const message = (parentFolder: string) => {
      const result = save(ctx, { parentFolder });
      return result.ok ? 'saved' : result.message;
    };
    expect(message('1NoSuchFolderAnywhereInThisDrive000000000000')).toMatch(/could not find a folder/);
    expect(message(photo.id)).toMatch(/^“bottle\.jpg” is a file, not a folder/);
    expect(message(photo.link)).toMatch(/^This is a link to a file, not a folder/);
    expect(message('my favourite folder')).toMatch(/^This is not a Google Drive folder link/);
    const binned = ctx.world.drive.addFolder({ name: 'Old', owner: ctx.user, trashed: true });
    expect(message(binned)).toMatch(/^The folder “Old” is in the Drive trash/);
    const shared = ctx.world.drive.addFolder({
      name: 'Team folder',
      owner: 'sam@example.com',
      viewers: [ctx.user],
    });
    // Even a folder the app was handed: Jenny herself may only view it.
    ctx.drive.grant(shared);
    expect(message(shared)).toMatch(/^You may open “Team folder” but not add files to it/);
    expect(view(ctx).settings.parentFolderId).toBeNull();
  });

  it('makes a folder it may always use, keeps it, and the next batch goes there', () => {
    const ctx = slideshowWorld();
    const made = call<CreateFolderResult>(ctx, 'createResultsFolder');
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const id = made.view.settings.parentFolderId ?? '';
    expect(made.view.settings.parentFolderName).toBe('Slideshow Remix results');
    expect(ctx.world.drive.get(id)).toMatchObject({ mimeType: FOLDER_MIME, trashed: false });
    expect(ctx.world.drive.get(id)?.parents).toEqual([ctx.world.drive.rootId(ctx.user)]);

    // Saving its link again passes the check; an empty box goes back to My Drive, and back again.
    expect(save(ctx, { parentFolder: '' })).toMatchObject({
      ok: true,
      view: { settings: { parentFolderId: null } },
    });
    expect(save(ctx, { parentFolder: `https://drive.google.com/drive/u/0/folders/${id}` })).toMatchObject({
      ok: true,
      view: { settings: { parentFolderId: id, parentFolderName: 'Slideshow Remix results' } },
    });
    // The sidebar cannot set the id directly, only through the check.
    expect(save(ctx, { settings: { parentFolderId: 'anything-else-0000000000000' } })).toMatchObject({
      ok: true,
      view: { settings: { parentFolderId: id } },
    });

    const photo = productPhoto(ctx);
    prepareSheet(ctx, [
      ['https://www.tiktok.com/@seen.first/photo/7312345678901234567', photo.link, 'A serum'],
    ]);
    call(ctx, 'startBatch', [{ photoVariations: 1, textVariations: 1 }]);
    expect(pumpUntilDone(ctx).status).toBe('completed');
    const batches = ctx.world.drive.children(id).map((item) => item.name);
    expect(batches).toEqual([expect.stringMatching(/^TikTok Batch /)]);
  });
});

describe('the key and the models', () => {
  it('refuses a key Gemini rejects with Gemini’s own words, and saves nothing at all', () => {
    const ctx = slideshowWorld();
    const before = view(ctx);
    const result = save(ctx, {
      apiKey: 'AIzaSyThisKeyIsNotKnownToGeminiAtAll0000',
      settings: { outputFormat: 'png', textRequestsPerMinute: 20 },
    });
    expect(result).toMatchObject({ ok: false, field: 'apiKey' });
    if (result.ok) return;
    expect(result.message).toMatch(/^Nothing was saved: Gemini did not accept the API key/);
    expect(result.message).toMatch(/Gemini said: “API key not valid\. Please pass a valid API key\.”/);
    expect(result.message).not.toContain('AIzaSyThisKeyIsNotKnownToGeminiAtAll0000');
    expect(view(ctx)).toEqual(before);

    const check = call<KeyCheckView>(ctx, 'validateApiKey', ['not a key']);
    expect(check).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not look like a Gemini API key/),
    });
  });

  it('lists the models of a good key, and keeps the ones chosen', () => {
    const ctx = slideshowWorld();
    const check = call<KeyCheckView>(ctx, 'validateApiKey');
    expect(check.ok).toBe(true);
    const text = check.textModels.map((model) => model.id);
    const image = check.imageModels.map((model) => model.id);
    expect(image).toContain('gemini-2.5-flash-image');
    expect(text).toContain('gemini-2.5-flash');
    expect(text.some((id) => image.includes(id))).toBe(false);
    const otherText = text.find((id) => id !== 'gemini-2.5-flash') ?? 'gemini-2.5-flash';
    const saved = save(ctx, {
      settings: { textModel: otherText, outputFormat: 'png', imageRequestsPerMinute: 12 },
    });
    expect(saved.ok).toBe(true);
    expect(view(ctx).settings).toMatchObject({
      textModel: otherText,
      outputFormat: 'png',
      imageRequestsPerMinute: 12,
    });
  });

  it('words a bad number by its label in Settings', () => {
    const ctx = slideshowWorld();
    expect(save(ctx, { settings: { textRequestsPerMinute: null } })).toMatchObject({
      ok: false,
      field: 'textRequestsPerMinute',
      message: 'Text requests per minute: enter a whole number from 1 to 30000.',
    });
  });
});
