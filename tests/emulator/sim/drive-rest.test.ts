/**
 * Round trips through the simulated Drive REST API with the project's own Drive client: the builders
 * make the requests, the readers read the answers, and the world's DriveStore (what DriveApp sees) is
 * checked for the result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DriveApp } from '../../../emulator/services/drive';
import { pickExisting } from '../../../src/server/drive/existing';
import { readFile, readFolder, readMedia, readTrash, readUploadedFile } from '../../../src/server/drive/read';
import {
  createFolderRequest,
  getFileRequest,
  getMediaRequest,
  multipartUploadRequest,
  trashRequest,
} from '../../../src/server/drive/request';
import { folder, JPEG, JPEG_BASE64, list, ME, MY_TOKEN, NOW, setup, upload } from './drive-rest/helpers';

describe('simulated Drive REST API, with the project client', () => {
  it('creates a folder in My Drive that DriveApp sees, with its link', () => {
    const s = setup();
    const read = readFolder(
      s.send(createFolderRequest(MY_TOKEN, 'TikTok Batch 2026-11-22 14.05', 'root')),
      NOW,
    );
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.folder.webViewLink).toBe(`https://drive.google.com/drive/folders/${read.folder.id}`);
    expect(read.folder.parents).toEqual([s.store.rootId(ME)]);
    const seen = new DriveApp(s.env, s.store).getFolderById(read.folder.id);
    expect(seen.getName()).toBe('TikTok Batch 2026-11-22 14.05');
    expect(s.store.get(read.folder.id)?.owner).toBe(ME);
  });

  it.each(['base64', 'bytes'] as const)(
    'uploads a real JPEG (%s body) that reads back byte for byte from the store and through alt=media',
    (form) => {
      const s = setup();
      const parent = folder(s, 'source');
      const media =
        form === 'base64'
          ? { base64: JPEG_BASE64 }
          : { bytes: Array.from(JPEG, (byte) => (byte > 127 ? byte - 256 : byte)) };
      const spec = multipartUploadRequest(
        MY_TOKEN,
        { name: 'slide_0.jpg', mimeType: 'image/jpeg', parentId: parent },
        media,
      );
      const read = readUploadedFile(s.send(spec), NOW);
      expect(read.kind).toBe('ok');
      if (read.kind !== 'ok') return;
      expect(read.file).toMatchObject({
        name: 'slide_0.jpg',
        mimeType: 'image/jpeg',
        size: String(JPEG.length),
        parents: [parent],
      });

      expect(Buffer.from(s.store.readBytes(read.file.id)).equals(Buffer.from(JPEG))).toBe(true);
      const downloaded = s.send(getMediaRequest(MY_TOKEN, read.file.id));
      expect(readMedia(downloaded, NOW)).toEqual({ kind: 'ok', contentType: 'image/jpeg' });
      expect(Buffer.from(downloaded.bytes).equals(Buffer.from(JPEG))).toBe(true);
      const viaDriveApp = new DriveApp(s.env, s.store).getFileById(read.file.id).getBlob().getBytes();
      expect(viaDriveApp).toHaveLength(JPEG.length);
    },
  );

  it('finds an upload by name, and a same-named second upload is a second file the client can avoid', () => {
    const s = setup();
    const parent = folder(s, 'variation_1');
    const first = upload(s, parent, 'slide_0.jpg');
    upload(s, parent, 'slide_1.jpg');
    s.env.time += 60_000;

    const found = list(s, parent, 'slide_0.jpg');
    expect(found.map((file) => file.id)).toEqual([first.kind === 'ok' ? first.file.id : '?']);
    expect(found[0]).toMatchObject({
      name: 'slide_0.jpg',
      mimeType: 'image/jpeg',
      size: String(JPEG.length),
    });

    // Drive allows it: a blind retry makes a twin.
    const twin = upload(s, parent, 'slide_0.jpg');
    expect(twin.kind).toBe('ok');
    const both = list(s, parent, 'slide_0.jpg');
    expect(both).toHaveLength(2);
    const pick = pickExisting(both, 'slide_0.jpg', 'image/jpeg');
    expect(pick.existing?.id).toBe(first.kind === 'ok' ? first.file.id : '?');
    expect(pick.duplicates.map((file) => file.id)).toEqual([twin.kind === 'ok' ? twin.file.id : '?']);
  });

  it('escapes names in queries: quotes and backslashes find exactly their file', () => {
    const s = setup();
    const parent = folder(s, 'names');
    const tricky = "Jenny's \\best\\ 'slide'.jpg";
    const target = upload(s, parent, tricky);
    upload(s, parent, "Jenny's best 'slide'.jpg");
    upload(s, parent, 'Jenny');
    const found = list(s, parent, tricky);
    expect(found.map((file) => file.id)).toEqual([target.kind === 'ok' ? target.file.id : '?']);
    expect(found[0]?.name).toBe(tricky);
  });

  it('keeps a non-ASCII name intact', () => {
    const s = setup();
    const id = folder(s, 'Link_001_@café_😀');
    expect(s.store.get(id)?.name).toBe('Link_001_@café_😀');
  });

  it('trashes an item: gone from untrashed listings, trashed for DriveApp, and trashing again is fine', () => {
    const s = setup();
    const parent = folder(s, 'out');
    const file = upload(s, parent, 'slide_0.jpg');
    if (file.kind !== 'ok') throw new Error(file.message);
    expect(readTrash(s.send(trashRequest(MY_TOKEN, file.file.id)), NOW)).toEqual({
      kind: 'ok',
      trashed: true,
    });
    expect(list(s, parent)).toEqual([]);
    expect(new DriveApp(s.env, s.store).getFileById(file.file.id).isTrashed()).toBe(true);
    expect(readTrash(s.send(trashRequest(MY_TOKEN, file.file.id)), NOW).kind).toBe('ok');
  });

  it('sees what DriveApp wrote: listings include files made outside the REST API', () => {
    const s = setup();
    const parent = folder(s, 'mixed');
    s.store.addFile({ name: 'from-driveapp.jpg', owner: ME, parentId: parent, content: JPEG });
    expect(list(s, parent).map((file) => file.name)).toEqual(['from-driveapp.jpg']);
  });

  it('keeps appProperties private to the app and returns them when asked', () => {
    const s = setup();
    const parent = folder(s, 'tagged');
    const spec = multipartUploadRequest(
      MY_TOKEN,
      {
        name: 'slide_0.jpg',
        mimeType: 'image/jpeg',
        parentId: parent,
        appProperties: { row: 'r-17', slide: '0' },
      },
      { base64: JPEG_BASE64 },
    );
    const uploaded = readUploadedFile(s.send(spec), NOW);
    if (uploaded.kind !== 'ok') throw new Error(uploaded.message);
    expect(readFile(s.send(getFileRequest(MY_TOKEN, uploaded.file.id, 'id,appProperties')), NOW)).toEqual({
      kind: 'ok',
      file: { id: uploaded.file.id, appProperties: { row: 'r-17', slide: '0' } },
    });
  });

  it('remembers what the app created when the store is reopened from its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drive-rest-'));
    try {
      const first = setup({ dir });
      const parent = folder(first, 'batch');
      const again = setup({ dir });
      expect(upload(again, parent, 'slide_0.jpg').kind).toBe('ok');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
