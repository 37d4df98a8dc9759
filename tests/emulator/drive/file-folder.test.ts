import { GasError } from '../../../emulator/core/env';
import { blobBytes, newBlob, sniffImageType } from '../../../emulator/services/blob';
import { ACCESS_DENIED, File, MimeType } from '../../../emulator/services/drive';
import { firstPixel, solidPng } from '../blob/images';
import { makeDrive, ME, names } from './helpers';

describe('File', () => {
  it('has Drive-style URLs', () => {
    const { drive, store } = makeDrive();
    const file = drive.createFile('a.txt', 'a');
    expect(file.getUrl()).toBe(`https://drive.google.com/file/d/${file.getId()}/view?usp=drivesdk`);
    expect(file.getDownloadUrl()).toBe(`https://drive.google.com/uc?id=${file.getId()}&export=download`);
    const sheetId = store.addFile({ name: 'Sheet', owner: ME, mimeType: MimeType.GOOGLE_SHEETS });
    expect(drive.getFileById(sheetId).getUrl()).toBe(
      `https://docs.google.com/spreadsheets/d/${sheetId}/edit?usp=drivesdk`,
    );
  });

  it('renames, updating lastUpdated but not dateCreated', () => {
    const { env, drive } = makeDrive();
    const file = drive.createFile('a.txt', 'a');
    const created = file.getDateCreated().getTime();
    env.time += 60_000;
    expect(file.setName('b.txt')).toBe(file);
    expect(file.getName()).toBe('b.txt');
    expect(file.getDateCreated().getTime()).toBe(created);
    expect(file.getLastUpdated().getTime()).toBe(created + 60_000);
  });

  it('shows a change made through one handle through every other', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('a.txt', 'a');
    drive.getFileById(file.getId()).setName('renamed.txt');
    expect(file.getName()).toBe('renamed.txt');
  });

  it('gives its blob the file name and MIME type', () => {
    const { drive } = makeDrive();
    const blob = drive.createFile('page.html', '<p>hi</p>', 'text/html').getBlob();
    expect([blob.getName(), blob.getContentType(), blob.getDataAsString()]).toEqual([
      'page.html',
      'text/html',
      '<p>hi</p>',
    ]);
  });

  it('converts its content with getAs', () => {
    const { drive } = makeDrive();
    const file = drive.createFile(newBlob([...solidPng(3, 2, [9, 9, 9, 255])], 'image/png', 'shot.png'));
    const jpeg = file.getAs('image/jpeg');
    expect(jpeg.getName()).toBe('shot.jpg');
    expect(sniffImageType(blobBytes(jpeg))).toBe('image/jpeg');
    expect(firstPixel(blobBytes(jpeg)).width).toBe(3);
  });

  it('reports a Google Workspace file blob as not emulated', () => {
    const { drive, store } = makeDrive();
    const sheetId = store.addFile({ name: 'Sheet', owner: ME, mimeType: MimeType.GOOGLE_SHEETS });
    const sheet = drive.getFileById(sheetId);
    expect(sheet.getSize()).toBe(0);
    expect(() => sheet.getBlob()).toThrow(/^not emulated: File.getBlob/);
  });

  it('replaces its content with setContent, keeping the MIME type', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('d.json', '{}', 'application/json');
    expect(file.setContent('{"a":1}')).toBe(file);
    expect(file.getBlob().getDataAsString()).toBe('{"a":1}');
    expect(file.getSize()).toBe(7);
    expect(file.getMimeType()).toBe('application/json');
  });

  it('keeps a description', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('a', 'a');
    expect(file.getDescription()).toBeNull();
    expect(file.setDescription('made by the add-on').getDescription()).toBe('made by the add-on');
  });

  it('stars and unstars', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('a', 'a');
    expect(file.setStarred(true).isStarred()).toBe(true);
  });

  it('moves into a folder, leaving every other parent', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('Dest');
    const file = drive.createFile('a.txt', 'a');
    expect(file.moveTo(folder)).toBe(file);
    expect(names(file.getParents())).toEqual(['Dest']);
    expect(names(folder.getFiles())).toEqual(['a.txt']);
    expect(names(drive.getRootFolder().getFiles())).toEqual([]);
  });

  it('refuses to move into something that is not a folder', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('a.txt', 'a');
    const other = drive.createFile('b.txt', 'b');
    expect(() => file.moveTo(other)).toThrow(/don't match the method signature for File.moveTo/);
  });

  it('copies as "Copy of ..." next to the original, owned by the copier', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('F');
    const file = folder.createFile('a.txt', 'content').setDescription('d');
    const copy = file.makeCopy();
    expect(copy).toBeInstanceOf(File);
    expect(copy.getId()).not.toBe(file.getId());
    expect([copy.getName(), copy.getDescription(), copy.getBlob().getDataAsString()]).toEqual([
      'Copy of a.txt',
      'd',
      'content',
    ]);
    expect(names(copy.getParents())).toEqual(['F']);
  });

  it('copies under a new name and into a chosen folder', () => {
    const { drive } = makeDrive();
    const dest = drive.createFolder('Dest');
    const file = drive.createFile('a.txt', 'a');
    expect(names(file.makeCopy(dest).getParents())).toEqual(['Dest']);
    const named = file.makeCopy('b.txt', dest);
    expect(named.getName()).toBe('b.txt');
    expect(names(named.getParents())).toEqual(['Dest']);
    expect(file.makeCopy('c.txt').getName()).toBe('c.txt');
    file.setContent('changed');
    expect(named.getBlob().getDataAsString()).toBe('a');
  });

  it('will not trash My Drive', () => {
    const { drive } = makeDrive();
    expect(() => drive.getRootFolder().setTrashed(true)).toThrow(new GasError(ACCESS_DENIED));
  });
});

describe('Folder', () => {
  it('creates files and subfolders inside itself', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('Out');
    const file = folder.createFile('a.txt', 'a');
    const fromBlob = folder.createFile(newBlob('x', 'text/csv', 'b.csv'));
    const sub = folder.createFolder('Sub');
    expect(names(file.getParents())).toEqual(['Out']);
    expect(fromBlob.getMimeType()).toBe('text/csv');
    expect(names(folder.getFiles())).toEqual(['a.txt', 'b.csv']);
    expect(names(folder.getFolders())).toEqual(['Sub']);
    expect(names(sub.getParents())).toEqual(['Out']);
  });

  it('looks up its own children by name and type only', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('Out');
    folder.createFile('x.png', 'x', 'image/png');
    drive.createFile('x.png', 'elsewhere', 'image/png');
    folder.createFolder('Sub');
    expect(names(folder.getFilesByName('x.png'))).toEqual(['x.png']);
    expect(names(folder.getFilesByType(MimeType.PNG))).toHaveLength(1);
    expect(names(folder.getFoldersByName('Sub'))).toEqual(['Sub']);
    expect(names(folder.getFoldersByName('Nope'))).toEqual([]);
  });

  it('leaves trashed children out of its listings', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('Out');
    folder.createFile('a', 'a').setTrashed(true);
    folder.createFolder('Sub').setTrashed(true);
    expect(names(folder.getFiles())).toEqual([]);
    expect(names(folder.getFilesByName('a'))).toEqual([]);
    expect(names(folder.getFolders())).toEqual([]);
  });

  it('renames, trashes and restores itself with its contents', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('Old');
    const inside = folder.createFile('a', 'a');
    expect(folder.setName('New').getName()).toBe('New');
    folder.setTrashed(true);
    expect([folder.isTrashed(), inside.isTrashed()]).toEqual([true, true]);
    folder.setTrashed(false);
    expect([folder.isTrashed(), inside.isTrashed()]).toEqual([false, false]);
  });

  it('reports size 0 and has dates', () => {
    const { env, drive } = makeDrive();
    const folder = drive.createFolder('F');
    expect(folder.getSize()).toBe(0);
    expect(folder.getDateCreated().getTime()).toBe(env.now());
    expect(folder.getLastUpdated().getTime()).toBe(env.now());
  });

  it('moves into another folder, but never into itself or below itself', () => {
    const { drive } = makeDrive();
    const a = drive.createFolder('A');
    const b = drive.createFolder('B');
    const inner = a.createFolder('Inner');
    expect(a.moveTo(b)).toBe(a);
    expect(names(a.getParents())).toEqual(['B']);
    expect(() => a.moveTo(inner)).toThrow(GasError);
    expect(() => a.moveTo(a)).toThrow(GasError);
  });

  it('adds a file as a further parent and removes it again', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('Extra');
    const file = drive.createFile('a', 'a');
    expect(folder.addFile(file)).toBe(folder);
    expect(names(file.getParents()).sort()).toEqual(['Extra', 'My Drive']);
    folder.removeFile(file);
    expect(names(file.getParents())).toEqual(['My Drive']);
  });
});
