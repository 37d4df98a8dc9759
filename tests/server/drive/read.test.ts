import { existingByName, pickExisting } from '../../../src/server/drive/existing';
import {
  readFile,
  readFileList,
  readFolder,
  readMedia,
  readTrash,
  readUploadedFile,
} from '../../../src/server/drive/read';
import type { DriveFile } from '../../../src/server/drive/schemas';
import * as f from './fixtures';

describe('Drive readers', () => {
  it('readFolder returns the folder with its link', () => {
    const read = readFolder(
      f.json(200, {
        id: 'F1',
        name: 'TikTok Batch',
        parents: ['root1'],
        webViewLink: 'https://drive.google.com/drive/folders/F1',
        mimeType: 'application/vnd.google-apps.folder',
      }),
      f.NOW,
    );
    expect(read).toEqual({
      kind: 'ok',
      folder: {
        id: 'F1',
        name: 'TikTok Batch',
        parents: ['root1'],
        webViewLink: 'https://drive.google.com/drive/folders/F1',
        mimeType: 'application/vnd.google-apps.folder',
      },
    });
  });

  it('readFolder refuses a file that is not a folder, and an answer without an id', () => {
    expect(readFolder(f.json(200, { id: 'X', mimeType: 'image/jpeg' }), f.NOW).kind).toBe('transient');
    expect(readFolder(f.json(200, { name: 'no id' }), f.NOW).kind).toBe('transient');
  });

  it('readUploadedFile and readFile pass failures through', () => {
    expect(readUploadedFile(f.json(200, { id: 'U', size: '1234' }), f.NOW)).toMatchObject({
      kind: 'ok',
      file: { id: 'U', size: '1234' },
    });
    expect(readUploadedFile(f.storageFull, f.NOW).kind).toBe('storage-full');
    expect(readFile(f.notFound, f.NOW).kind).toBe('not-found');
  });

  it('readFileList returns the files and the next page token when there is one', () => {
    const files = [{ id: 'a', name: 'slide_0.jpg' }];
    expect(readFileList(f.json(200, { files, nextPageToken: 'next' }), f.NOW)).toEqual({
      kind: 'ok',
      files,
      nextPageToken: 'next',
    });
    expect(readFileList(f.json(200, {}), f.NOW)).toEqual({ kind: 'ok', files: [] });
    expect(readFileList(f.json(200, { files: 'nope' }), f.NOW).kind).toBe('transient');
  });

  it('readTrash counts an item that is already gone as trashed', () => {
    expect(readTrash(f.json(200, { id: 'a', trashed: true }), f.NOW)).toEqual({ kind: 'ok', trashed: true });
    expect(readTrash(f.notFound, f.NOW)).toEqual({ kind: 'ok', trashed: true });
    expect(readTrash(f.insufficientFilePermissions, f.NOW).kind).toBe('no-access');
  });

  it('readMedia never needs the body of a success, and classifies a failure from it', () => {
    expect(readMedia({ status: 200, headers: { 'Content-Type': 'image/jpeg' } }, f.NOW)).toEqual({
      kind: 'ok',
      contentType: 'image/jpeg',
    });
    expect(readMedia(f.notFound, f.NOW).kind).toBe('not-found');
    expect(readMedia({ status: 404, headers: {} }, f.NOW).kind).toBe('not-found');
  });
});

describe('pickExisting', () => {
  const listing: DriveFile[] = [
    { id: 'b2', name: 'slide_0.jpg', mimeType: 'image/jpeg', createdTime: '2026-11-22T14:06:00.000Z' },
    { id: 'a1', name: 'slide_0.jpg', mimeType: 'image/jpeg', createdTime: '2026-11-22T14:05:00.000Z' },
    { id: 'a0', name: 'slide_0.jpg', mimeType: 'image/jpeg', createdTime: '2026-11-22T14:05:00.000Z' },
    { id: 'c', name: 'slide_1.jpg', mimeType: 'image/jpeg', createdTime: '2026-11-22T14:04:00.000Z' },
    { id: 'd', name: 'slide_0.jpg', mimeType: 'application/vnd.google-apps.folder' },
  ];

  it('keeps the oldest copy (then the smaller id) and names the others as duplicates', () => {
    const pick = pickExisting(listing, 'slide_0.jpg', 'image/jpeg');
    expect(pick.existing?.id).toBe('a0');
    expect(pick.duplicates.map((file) => file.id)).toEqual(['a1', 'b2']);
  });

  it('picks the same file whatever order the listing comes in', () => {
    const reversed = pickExisting([...listing].reverse(), 'slide_0.jpg', 'image/jpeg');
    expect(reversed.existing?.id).toBe('a0');
  });

  it('finds nothing for a name the folder does not hold, and ignores type when none is given', () => {
    expect(pickExisting(listing, 'slide_9.jpg')).toEqual({ duplicates: [] });
    expect(pickExisting(listing, 'slide_0.jpg').duplicates).toHaveLength(3);
  });

  it('existingByName maps each name to the copy pickExisting would keep', () => {
    const byName = existingByName(listing, 'image/jpeg');
    expect([...byName.keys()].sort()).toEqual(['slide_0.jpg', 'slide_1.jpg']);
    expect(byName.get('slide_0.jpg')?.id).toBe('a0');
  });
});
