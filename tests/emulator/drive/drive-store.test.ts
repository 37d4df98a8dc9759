import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestEnv } from '../../../emulator/core/env';
import { newBlob } from '../../../emulator/services/blob';
import { CONTENT_DIR, DriveStore, INDEX_FILE, MimeType } from '../../../emulator/services/drive';
import { makeDrive, ME, names, OTHER } from './helpers';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'drive-store-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('DriveStore on a directory', () => {
  it('survives a restart: same ids, names, parents, dates and bytes', () => {
    const first = makeDrive({ dir });
    const folder = first.drive.createFolder('Slideshows');
    const file = folder.createFile(newBlob([0, 255, 7], 'image/png', 'slide.png'));
    file.setDescription('row 3');
    const trashed = first.drive.createFile('old.txt', 'x').setTrashed(true);
    const created = file.getDateCreated().getTime();

    const env = new TestEnv({ time: first.env.now() + 3_600_000 });
    const second = makeDrive({ dir, env });
    const again = second.drive.getFileById(file.getId());
    expect(again.getName()).toBe('slide.png');
    expect(again.getDescription()).toBe('row 3');
    expect(again.getBlob().getBytes()).toEqual([0, -1, 7]);
    expect(again.getDateCreated().getTime()).toBe(created);
    expect(names(again.getParents())).toEqual(['Slideshows']);
    expect(second.drive.getRootFolder().getId()).toBe(first.drive.getRootFolder().getId());
    expect(second.drive.getFileById(trashed.getId()).isTrashed()).toBe(true);
  });

  it('keeps ids unique when a reopened environment hands out ids already used', () => {
    const first = makeDrive({ dir });
    const a = first.drive.createFile('a', 'a');
    const second = makeDrive({ dir });
    const b = second.drive.createFile('b', 'b');
    expect(b.getId()).not.toBe(a.getId());
    expect(second.drive.getFileById(a.getId()).getName()).toBe('a');
  });

  it('writes each file as a real file and the metadata as a JSON index', () => {
    const { store, drive } = makeDrive({ dir });
    const file = drive.createFile('hello.txt', 'hello');
    const contentFiles = readdirSync(join(dir, CONTENT_DIR));
    expect(contentFiles).toHaveLength(1);
    expect(readFileSync(join(dir, CONTENT_DIR, contentFiles[0]!), 'utf8')).toBe('hello');
    const index = JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as {
      items: { id: string; name: string }[];
    };
    expect(index.items.map((i) => i.name)).toEqual(['My Drive', 'hello.txt']);
    file.setContent('bye');
    expect(readFileSync(join(dir, CONTENT_DIR, contentFiles[0]!), 'utf8')).toBe('bye');
    expect(store.dir).toBe(dir);
  });

  it('names content files so ids differing only in case cannot collide', () => {
    const { store } = makeDrive({ dir });
    store.addFile({ id: 'AbC', name: 'upper', owner: ME, content: '1' });
    store.addFile({ id: 'abc', name: 'lower', owner: ME, content: '2' });
    expect(new Set(readdirSync(join(dir, CONTENT_DIR)).map((f) => f.toLowerCase())).size).toBe(2);
    const reopened = new DriveStore(new TestEnv(), { dir });
    expect(new TextDecoder().decode(reopened.readBytes('AbC'))).toBe('1');
    expect(new TextDecoder().decode(reopened.readBytes('abc'))).toBe('2');
  });

  it('removes the bytes from disk when an item is deleted for good', () => {
    const { store, drive } = makeDrive({ dir });
    const file = drive.createFile('a', 'a').setTrashed(true);
    expect(store.emptyTrash()).toBe(1);
    expect(readdirSync(join(dir, CONTENT_DIR))).toEqual([]);
    expect(store.has(file.getId())).toBe(false);
    expect(existsSync(join(dir, INDEX_FILE))).toBe(true);
  });
});

describe('DriveStore helpers', () => {
  it('adds items with a chosen id, owner and sharing', () => {
    const { store, drive } = makeDrive();
    const id = store.addFile({ id: 'sheet-1', name: 'Batch', owner: ME, mimeType: MimeType.GOOGLE_SHEETS });
    expect(drive.getFileById('sheet-1').getMimeType()).toBe(MimeType.GOOGLE_SHEETS);
    expect(id).toBe('sheet-1');
    expect(() => store.addFile({ id: 'sheet-1', name: 'again', owner: ME })).toThrow();
  });

  it('guesses a MIME type from the name when none is given', () => {
    const { store } = makeDrive();
    expect(store.get(store.addFile({ name: 'a.jpg', owner: ME }))?.mimeType).toBe('image/jpeg');
    expect(store.get(store.addFile({ name: 'blob', owner: ME }))?.mimeType).toBe('application/octet-stream');
  });

  it('reads and replaces bytes by id', () => {
    const { store, drive } = makeDrive();
    const file = drive.createFile('a.bin', 'abc');
    expect(store.readBytes(file.getId())).toEqual(new TextEncoder().encode('abc'));
    store.writeBytes(file.getId(), new Uint8Array([1, 2]), 'application/octet-stream');
    expect(file.getSize()).toBe(2);
    expect(file.getMimeType()).toBe('application/octet-stream');
  });

  it('finds items by path under a user’s My Drive, skipping trashed ones', () => {
    const { store, drive } = makeDrive();
    const out = drive.createFolder('Out');
    const run = out.createFolder('run 1');
    const first = run.createFile('a.jpg', '1');
    run.createFile('a.jpg', '2');
    run.createFile('b.jpg', '3').setTrashed(true);
    expect(store.findByPath(ME, 'Out/run 1/a.jpg')?.id).toBe(first.getId());
    expect(store.findByPath(ME, 'My Drive/Out/run 1/a.jpg')?.id).toBe(first.getId());
    expect(store.findAllByPath(ME, '/Out/run 1/a.jpg')).toHaveLength(2);
    expect(store.findByPath(ME, 'Out/run 1/b.jpg')).toBeUndefined();
    expect(store.findByPath(OTHER, 'Out')).toBeUndefined();
    expect(store.pathOf(first.getId())).toBe('My Drive/Out/run 1/a.jpg');
  });

  it('lists a folder tree and prints it', () => {
    const { store, drive } = makeDrive();
    const out = drive.createFolder('Out');
    out.createFile('a.txt', 'abc');
    drive.createFile('gone.txt', 'x').setTrashed(true);
    const tree = store.tree(ME);
    expect(tree.name).toBe('My Drive');
    expect(tree.children?.map((c) => c.name)).toEqual(['Out', 'gone.txt']);
    expect(tree.children?.[0]?.children?.[0]).toMatchObject({
      name: 'a.txt',
      size: 3,
      mimeType: 'text/plain',
    });
    expect(store.formatTree(ME)).toBe(
      ['My Drive/', '  Out/', '    a.txt  text/plain  3 B', '  gone.txt  text/plain  1 B  [trashed]'].join(
        '\n',
      ),
    );
    expect(store.tree(out.getId()).name).toBe('Out');
  });

  it('deletes a folder for good with its contents, but keeps items that have another parent', () => {
    const { store, drive } = makeDrive();
    const folder = drive.createFolder('F');
    const only = folder.createFile('only', 'x');
    const shared = folder.createFile('shared', 'x');
    drive.addFile(shared);
    store.deleteForever(folder.getId());
    expect(store.has(only.getId())).toBe(false);
    expect(store.has(shared.getId())).toBe(true);
    expect(names(shared.getParents())).toEqual(['My Drive']);
  });

  it('empties only one owner’s trash when asked', () => {
    const { store, drive } = makeDrive();
    drive.createFile('mine', 'x').setTrashed(true);
    const theirs = store.addFile({ name: 'theirs', owner: OTHER, content: 'x', trashed: true });
    expect(store.emptyTrash(ME)).toBe(1);
    expect(store.has(theirs)).toBe(true);
  });

  it('refuses to delete a root folder', () => {
    const { store, drive } = makeDrive();
    expect(() => store.deleteForever(drive.getRootFolder().getId())).toThrow();
  });

  it('snapshots its metadata', () => {
    const { store, drive } = makeDrive();
    drive.createFile('a', 'a');
    const snapshot = store.toJSON();
    expect(snapshot.version).toBe(1);
    expect(snapshot.roots[ME]).toBe(drive.getRootFolder().getId());
    expect(snapshot.items.map((i) => i.name)).toEqual(['My Drive', 'a']);
  });
});
