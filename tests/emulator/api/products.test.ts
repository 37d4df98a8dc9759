/**
 * The sidebar's Products screen on the real bundle (build/Code.js), against the emulated sheet and the
 * simulated Drive REST API with the manifest's scopes: a folder Jenny names is read with drive.readonly,
 * uploads land in a folder the add-on made (drive.file), and Apply writes plain links and texts into
 * the Batch sheet, then the rows' Status.
 */
import { renderSlideJpeg } from '../../../emulator/sim/jpeg-slides';
import { COLUMNS } from '../../../src/shared/columns';
import type {
  ProductApplyResult,
  ProductMatchResult,
  ProductMatchView,
  ProductUploadFolderResult,
  ProductUploadResult,
} from '../../../src/shared/rpc';
import { expectOk, prepareSheet, slideshowWorld, type SlideshowWorld } from '../slideshow/world';

const post = (n: number) => `https://www.tiktok.com/@shop/photo/73600000000001234${n}`;

function jpeg(seed: number): Uint8Array {
  return renderSlideJpeg({ width: 320, height: 320, seed, number: 1, count: 1, text: 'PRODUCT' }, 80);
}

/** A folder in Jenny's My Drive (or someone else's) with the given files; returns its link. */
function photoFolder(
  ctx: SlideshowWorld,
  files: { name: string; mimeType?: string; content?: Uint8Array | string }[],
  options: { owner?: string; viewers?: string[] } = {},
): { id: string; link: string } {
  const owner = options.owner ?? ctx.user;
  const id = ctx.world.drive.addFolder({ name: 'Product photos', owner, viewers: options.viewers });
  files.forEach((file, index) =>
    ctx.world.drive.addFile({
      name: file.name,
      owner,
      parentId: id,
      mimeType: file.mimeType ?? 'image/jpeg',
      content: file.content ?? jpeg(index + 1),
    }),
  );
  return { id, link: `https://drive.google.com/drive/folders/${id}?usp=sharing` };
}

function cells(ctx: SlideshowWorld) {
  const sheet = ctx.batchSheet();
  const values = sheet.getDataRange().getDisplayValues();
  const header = values[0] ?? [];
  const at = (key: 'photo' | 'description' | 'status') =>
    header.indexOf(COLUMNS.find((spec) => spec.key === key)?.header ?? '');
  return values.slice(1).map((row, index) => ({
    row: index + 2,
    photo: row[at('photo')] ?? '',
    description: row[at('description')] ?? '',
    status: row[at('status')] ?? '',
    photoFormula: sheet.getRange(index + 2, at('photo') + 1).getFormula(),
    descriptionFormula: sheet.getRange(index + 2, at('description') + 1).getFormula(),
  }));
}

function preview(ctx: SlideshowWorld, folder: string, mode: 'name' | 'order', replaceExisting = false) {
  return expectOk(
    ctx.runtime.callFromSidebar<ProductMatchResult>('previewProductMatch', [
      { folder, mode, replaceExisting },
    ]),
  );
}

function previewed(result: ProductMatchResult): ProductMatchView {
  if (!result.ok) throw new Error(`preview failed: ${result.message}`);
  return result;
}

function apply(ctx: SlideshowWorld, view: ProductMatchView): ProductApplyResult {
  return expectOk(
    ctx.runtime.callFromSidebar<ProductApplyResult>('applyProductMatch', [
      {
        assignments: view.matches.map((match) => ({ rowId: match.rowId, fileId: match.photo.fileId })),
        replaceExisting: view.replaceExisting,
      },
    ]),
  );
}

describe('matching a Drive folder to rows', () => {
  it('previews by file name without writing, then Apply writes links and makes the rows ready', () => {
    const ctx = slideshowWorld();
    prepareSheet(ctx, [
      [post(1), '', 'Glow Drops: a vitamin C serum, 30 ml'],
      [post(2), '', 'Face Tape for smooth skin'],
      [post(3), '', 'A mystery product'],
    ]);
    const folder = photoFolder(ctx, [
      { name: 'glow-drops.jpg' },
      { name: 'Face_Tape.png', mimeType: 'image/png' },
      { name: 'spare.jpg' },
      { name: 'notes.txt', mimeType: 'text/plain', content: 'not a photo' },
    ]);

    const view = previewed(preview(ctx, folder.link, 'name'));
    expect(view.folder).toMatchObject({ id: folder.id, name: 'Product photos' });
    expect(view.matches.map((match) => [match.rowNumber, match.photo.name])).toEqual([
      [2, 'glow-drops.jpg'],
      [3, 'Face_Tape.png'],
    ]);
    expect(view.unmatchedRows).toEqual([
      expect.objectContaining({ rowNumber: 4, reason: expect.stringMatching(/no photo name found/) }),
    ]);
    expect(view.unusedPhotos.map((photo) => photo.name)).toEqual(['spare.jpg']);
    expect(view.skippedFiles).toEqual([{ name: 'notes.txt', reason: expect.stringMatching(/not a JPEG/) }]);
    // The preview writes nothing into the photo cells.
    expect(cells(ctx).map((row) => row.photo)).toEqual(['', '', '']);

    const result = apply(ctx, view);
    expect(result).toMatchObject({ ok: true, photosWritten: 2, skipped: [] });
    const after = cells(ctx);
    const glow = view.matches[0]?.photo.fileId;
    expect(after[0]).toMatchObject({
      photo: `https://drive.google.com/file/d/${glow}/view`,
      photoFormula: '',
      status: 'Ready',
    });
    expect(after[1]?.status).toBe('Ready');
    // The row without a match is left as it was.
    expect(after[2]).toMatchObject({ photo: '', status: '' });
  });

  it('matches by order, 2 before 10, and names the photos left over', () => {
    const ctx = slideshowWorld();
    prepareSheet(ctx, [
      [post(1), '', 'First product'],
      [post(2), '', 'Second product'],
    ]);
    const folder = photoFolder(ctx, [{ name: '10.jpg' }, { name: '2.jpg' }, { name: '1.jpg' }]);
    const view = previewed(preview(ctx, folder.id, 'order'));
    expect(view.matches.map((match) => [match.rowNumber, match.photo.name])).toEqual([
      [2, '1.jpg'],
      [3, '2.jpg'],
    ]);
    expect(view.unusedPhotos.map((photo) => photo.name)).toEqual(['10.jpg']);
    expect(view.hint).toMatch(/3 photos for 2 rows/);
  });

  it('leaves rows that have a photo alone, and writes nothing for a row filled after the preview', () => {
    const ctx = slideshowWorld();
    prepareSheet(ctx, [
      [post(1), '', 'One'],
      [post(2), '', 'Two'],
    ]);
    const folder = photoFolder(ctx, [{ name: 'a.jpg' }, { name: 'b.jpg' }]);
    const view = previewed(preview(ctx, folder.link, 'order'));
    expect(view.matches).toHaveLength(2);
    // Jenny pastes a photo into row 3 while the preview is on screen.
    const photoColumn = COLUMNS.findIndex((spec) => spec.key === 'photo') + 1;
    ctx.batchSheet().getRange(3, photoColumn).setValue('https://example.com/mine.jpg');
    const result = apply(ctx, view);
    expect(result).toMatchObject({
      ok: true,
      photosWritten: 1,
      skipped: [{ rowNumber: 3, reason: expect.stringMatching(/after the preview/) }],
    });
    expect(cells(ctx)[1]?.photo).toBe('https://example.com/mine.jpg');
    const again = previewed(preview(ctx, folder.link, 'order'));
    expect(again).toMatchObject({ matches: [], keptRows: 2 });
  });

  it('says clearly when the folder cannot be found or is not shared with Jenny', () => {
    const ctx = slideshowWorld();
    prepareSheet(ctx, [[post(1), '', 'One']]);
    const missing = preview(
      ctx,
      'https://drive.google.com/drive/folders/1NoSuchFolderAbCdEfGhIjKlMnOp',
      'name',
    );
    expect(missing).toEqual({ ok: false, message: expect.stringMatching(/could not find this folder/) });
    const private_ = photoFolder(ctx, [{ name: 'a.jpg' }], { owner: 'sam@example.com' });
    expect(preview(ctx, private_.link, 'name')).toEqual({
      ok: false,
      message: expect.stringMatching(/could not find this folder.*shared with your Google account/),
    });
    expect(preview(ctx, 'photos please', 'name')).toEqual({
      ok: false,
      message: expect.stringMatching(/not a Google Drive folder link/),
    });
  });

  it('reads a folder someone shared with Jenny (drive.readonly), without write access to it', () => {
    const ctx = slideshowWorld();
    prepareSheet(ctx, [[post(1), '', 'Glow serum']]);
    const shared = photoFolder(ctx, [{ name: 'glow.jpg' }], {
      owner: 'sam@example.com',
      viewers: [ctx.user],
    });
    const view = previewed(preview(ctx, shared.link, 'name'));
    expect(view.matches.map((match) => match.photo.name)).toEqual(['glow.jpg']);
    expect(apply(ctx, view)).toMatchObject({ ok: true, photosWritten: 1 });
  });

  it('changes no photo while a batch is running', () => {
    const ctx = slideshowWorld();
    const photo = photoFolder(ctx, [{ name: 'a.jpg' }]);
    prepareSheet(ctx, [
      [post(1), `https://drive.google.com/file/d/${ctx.world.drive.children(photo.id)[0]?.id}/view`, 'One'],
      [post(2), '', 'Two'],
    ]);
    const view = previewed(preview(ctx, photo.link, 'order'));
    expectOk(ctx.runtime.callFromSidebar('startBatch', [{}]));
    expect(apply(ctx, view)).toEqual({ ok: false, message: expect.stringMatching(/batch is not finished/) });
    expect(cells(ctx)[1]?.photo).toBe('');
  });
});

describe('uploading photos from the computer', () => {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  it('puts each photo into a new folder the add-on made, then matches it like any folder', () => {
    const ctx = slideshowWorld();
    prepareSheet(ctx, [
      [post(1), '', 'Glow Drops serum'],
      [post(2), '', 'Face Tape'],
    ]);
    const started = expectOk(ctx.runtime.callFromSidebar<ProductUploadFolderResult>('startProductUpload'));
    if (!started.ok) throw new Error(started.message);
    expect(ctx.world.drive.pathOf(started.folder.id)).toMatch(
      /^My Drive\/Slideshow Remix product photos\/Uploaded \d{4}-\d\d-\d\d \d\d\.\d\d$/,
    );
    const photo = jpeg(7);
    const upload = (name: string, data: string) =>
      expectOk(
        ctx.runtime.callFromSidebar<ProductUploadResult>('uploadProductPhoto', [
          { folderId: started.folder.id, name, base64: data },
        ]),
      );
    const first = upload('glow-drops.jpg', base64(photo));
    expect(first).toMatchObject({ ok: true, reused: false, photo: { name: 'glow-drops.jpg' } });
    if (!first.ok) return;
    expect(Buffer.from(ctx.world.drive.readBytes(first.photo.fileId))).toEqual(Buffer.from(photo));
    expect(ctx.world.drive.get(first.photo.fileId)?.mimeType).toBe('image/jpeg');
    // The same photo again (chosen twice, or a call whose answer was lost) is not a second copy.
    expect(upload('glow-drops.jpg', base64(photo))).toMatchObject({ ok: true, reused: true });
    expect(upload('face tape.jpg', base64(jpeg(8)))).toMatchObject({ ok: true });
    expect(ctx.world.drive.children(started.folder.id)).toHaveLength(2);

    // Refused with a reason: not a photo, too large.
    expect(upload('notes.jpg', Buffer.from('just text').toString('base64'))).toEqual({
      ok: false,
      message: 'notes.jpg is not a JPEG, PNG, WebP or HEIC photo.',
    });
    const huge = new Uint8Array(10_600_000);
    huge.set(photo.subarray(0, 4));
    expect(upload('huge.jpg', base64(huge))).toEqual({
      ok: false,
      message: expect.stringMatching(/^huge\.jpg is 10\.6 MB; photos up to 10 MB can be uploaded/),
    });

    const view = previewed(preview(ctx, started.folder.url, 'name'));
    expect(view.matches.map((match) => [match.rowNumber, match.photo.name])).toEqual([
      [2, 'glow-drops.jpg'],
      [3, 'face tape.jpg'],
    ]);
    expect(apply(ctx, view)).toMatchObject({ ok: true, photosWritten: 2 });
    expect(cells(ctx).map((row) => row.status)).toEqual(['Ready', 'Ready']);

    // A second upload goes into a new folder inside the same "Slideshow Remix product photos".
    const second = expectOk(ctx.runtime.callFromSidebar<ProductUploadFolderResult>('startProductUpload'));
    if (!second.ok) throw new Error(second.message);
    expect(second.folder.id).not.toBe(started.folder.id);
    const parent = ctx.world.drive.findAllByPath(ctx.user, 'Slideshow Remix product photos');
    expect(parent).toHaveLength(1);
    expect(ctx.world.drive.children(parent[0]?.id ?? '')).toHaveLength(2);
  });
});

describe('one product for every row', () => {
  it('fills the empty photo and description cells as plain text, never a formula', () => {
    const ctx = slideshowWorld();
    prepareSheet(ctx, [
      [post(1), '', ''],
      [post(2), 'https://example.com/own.jpg', 'Own product'],
    ]);
    const folder = photoFolder(ctx, [{ name: 'all.jpg' }]);
    const fileId = ctx.world.drive.children(folder.id)[0]?.id ?? '';
    const description = '=HYPERLINK("https://evil.example","Glow") serum';
    const result = expectOk(
      ctx.runtime.callFromSidebar<ProductApplyResult>('applyProductToAll', [
        { photo: `https://drive.google.com/open?id=${fileId}`, description, replaceExisting: false },
      ]),
    );
    expect(result).toMatchObject({ ok: true, photosWritten: 1, descriptionsWritten: 1 });
    const [first, second] = cells(ctx);
    expect(first).toMatchObject({
      photo: `https://drive.google.com/file/d/${fileId}/view`,
      description,
      descriptionFormula: '',
      status: 'Ready',
    });
    expect(second).toMatchObject({ photo: 'https://example.com/own.jpg', description: 'Own product' });

    const refused = expectOk(
      ctx.runtime.callFromSidebar<ProductApplyResult>('applyProductToAll', [
        { photo: folder.link, description: '', replaceExisting: false },
      ]),
    );
    expect(refused).toEqual({
      ok: false,
      message: expect.stringMatching(/this is a Drive folder, not a photo/),
    });
  });
});
