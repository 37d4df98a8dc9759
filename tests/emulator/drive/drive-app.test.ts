import { GasError } from '../../../emulator/core/env';
import { newBlob } from '../../../emulator/services/blob';
import { File, Folder, ITERATOR_END, MimeType, NOT_FOUND } from '../../../emulator/services/drive';
import { actAs, ids, makeDrive, ME, names, OTHER } from './helpers';

describe('DriveApp root and creation', () => {
  it('gives each user a root folder called My Drive, with no parents', () => {
    const { env, drive } = makeDrive();
    const root = drive.getRootFolder();
    expect(root).toBeInstanceOf(Folder);
    expect(root.getName()).toBe('My Drive');
    expect(root.getParents().hasNext()).toBe(false);
    expect(drive.getRootFolder().getId()).toBe(root.getId());
    actAs(env, OTHER);
    expect(drive.getRootFolder().getId()).not.toBe(root.getId());
  });

  it('creates a text file in the root from name and content, typed text/plain by default', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('notes.txt', 'héllo');
    expect(file).toBeInstanceOf(File);
    expect(file.getMimeType()).toBe('text/plain');
    expect(file.getSize()).toBe(6);
    expect(file.getBlob().getDataAsString()).toBe('héllo');
    expect(names(file.getParents())).toEqual(['My Drive']);
    expect(file.getOwner().getEmail()).toBe(ME);
    expect(drive.createFile('data.json', '{}', 'application/json').getMimeType()).toBe('application/json');
  });

  it('creates a file from a blob, taking its name and type', () => {
    const { drive } = makeDrive();
    const file = drive.createFile(newBlob([1, 2, 3], 'image/png', 'pic.png'));
    expect([file.getName(), file.getMimeType(), file.getSize()]).toEqual(['pic.png', 'image/png', 3]);
    const untitled = drive.createFile(newBlob([1]));
    expect([untitled.getName(), untitled.getMimeType()]).toEqual(['Untitled', 'application/octet-stream']);
  });

  it('keeps the file independent of the blob it was made from', () => {
    const { drive } = makeDrive();
    const blob = newBlob('one', 'text/plain', 'a.txt');
    const file = drive.createFile(blob);
    blob.setDataFromString('two');
    expect(file.getBlob().getDataAsString()).toBe('one');
  });

  it('rejects arguments that fit no createFile overload', () => {
    const { drive } = makeDrive();
    expect(() => drive.createFile('only-a-name')).toThrow(
      "The parameters (String) don't match the method signature for DriveApp.createFile.",
    );
    expect(() => drive.createFile('a', 5 as unknown as string)).toThrow(/\(String,number\) don't match/);
  });

  it('reports creating a Google Workspace file from content as not emulated', () => {
    const { drive } = makeDrive();
    expect(() => drive.createFile('x', '', MimeType.GOOGLE_DOCS)).toThrow(/^not emulated/);
  });

  it('allows two files of the same name in one folder', () => {
    const { drive } = makeDrive();
    const a = drive.createFile('same.txt', 'a');
    const b = drive.createFile('same.txt', 'b');
    expect(a.getId()).not.toBe(b.getId());
    expect(names(drive.getFilesByName('same.txt'))).toEqual(['same.txt', 'same.txt']);
  });

  it('creates folders in the root', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('Slideshows');
    expect(folder.getParents().next().getId()).toBe(drive.getRootFolder().getId());
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
  });
});

describe('DriveApp lookups by id', () => {
  it('finds files and folders by id', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('a.txt', 'a');
    const folder = drive.createFolder('F');
    expect(drive.getFileById(file.getId()).getName()).toBe('a.txt');
    expect(drive.getFolderById(folder.getId()).getName()).toBe('F');
  });

  it('opens a folder id as a File, but not a file id as a Folder', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('F');
    const file = drive.createFile('a.txt', 'a');
    expect(drive.getFileById(folder.getId()).getMimeType()).toBe(MimeType.FOLDER);
    expect(() => drive.getFolderById(file.getId())).toThrow(new GasError(NOT_FOUND));
  });

  it('throws the not-found error for an unknown id', () => {
    const { drive } = makeDrive();
    expect(() => drive.getFileById('1nope')).toThrow(new GasError(NOT_FOUND));
    expect(() => drive.getFolderById('1nope')).toThrow(NOT_FOUND);
  });

  it('rejects an empty or non-string id', () => {
    const { drive } = makeDrive();
    expect(() => drive.getFileById('')).toThrow(new GasError('Invalid argument: id'));
    expect(() => drive.getFileById(42 as unknown as string)).toThrow(/\(number\) don't match/);
  });

  it('still finds a trashed file by id, reporting it trashed', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('t.txt', 'x').setTrashed(true);
    expect(drive.getFileById(file.getId()).isTrashed()).toBe(true);
  });

  it('no longer finds a file once it is deleted for good', () => {
    const { store, drive } = makeDrive();
    const file = drive.createFile('t.txt', 'x').setTrashed(true);
    store.emptyTrash();
    expect(() => drive.getFileById(file.getId())).toThrow(NOT_FOUND);
    expect(() => file.getName()).toThrow(NOT_FOUND);
  });
});

describe('DriveApp listings', () => {
  function populated() {
    const setup = makeDrive();
    const { drive } = setup;
    const folder = drive.createFolder('Out');
    const inFolder = folder.createFile('in-folder.png', 'x', 'image/png');
    drive.createFile('root.txt', 'x');
    drive.createFile('photo.png', 'x', 'image/png');
    drive.createFile('gone.txt', 'x').setTrashed(true);
    return { ...setup, folder, inFolder };
  }

  it('lists every untrashed file of the user, in creation order', () => {
    const { drive } = populated();
    expect(names(drive.getFiles())).toEqual(['in-folder.png', 'root.txt', 'photo.png']);
  });

  it('lists folders without the root', () => {
    const { drive } = populated();
    drive.getRootFolder();
    expect(names(drive.getFolders())).toEqual(['Out']);
  });

  it('finds by name and by type across the Drive', () => {
    const { drive } = populated();
    expect(names(drive.getFilesByName('root.txt'))).toEqual(['root.txt']);
    expect(names(drive.getFilesByName('nothing'))).toEqual([]);
    expect(names(drive.getFilesByType(MimeType.PNG))).toEqual(['in-folder.png', 'photo.png']);
    expect(names(drive.getFoldersByName('Out'))).toEqual(['Out']);
  });

  it('leaves trashed items and the contents of trashed folders out of name lookups', () => {
    const { drive, folder, inFolder } = populated();
    expect(names(drive.getFilesByName('gone.txt'))).toEqual([]);
    folder.setTrashed(true);
    expect(names(drive.getFilesByName('in-folder.png'))).toEqual([]);
    expect(names(drive.getFoldersByName('Out'))).toEqual([]);
    expect(drive.getFileById(inFolder.getId()).isTrashed()).toBe(true);
    expect(names(folder.getFiles())).toEqual([]);
  });

  it('lists the trash separately', () => {
    const { drive, folder } = populated();
    folder.setTrashed(true);
    expect(names(drive.getTrashedFiles())).toEqual(['in-folder.png', 'gone.txt']);
    expect(names(drive.getTrashedFolders())).toEqual(['Out']);
  });

  it('brings items back when they are taken out of the trash', () => {
    const { drive, folder } = populated();
    folder.setTrashed(true);
    folder.setTrashed(false);
    expect(names(drive.getFilesByName('in-folder.png'))).toEqual(['in-folder.png']);
  });

  it('rejects a non-string name', () => {
    const { drive } = makeDrive();
    expect(() => drive.getFilesByName(7 as unknown as string)).toThrow(/DriveApp.getFilesByName/);
  });
});

describe('File and folder iterators', () => {
  it('throws the Apps Script error past the end', () => {
    const { drive } = makeDrive();
    drive.createFile('a.txt', 'a');
    const files = drive.getFiles();
    files.next();
    expect(files.hasNext()).toBe(false);
    expect(() => files.next()).toThrow(new GasError(ITERATOR_END));
  });

  it('continues from a token, for the same user only', () => {
    const { env, drive } = makeDrive();
    for (const name of ['a', 'b', 'c']) drive.createFile(name, name);
    const files = drive.getFiles();
    files.next();
    const token = files.getContinuationToken();
    expect(typeof token).toBe('string');
    expect(names(drive.continueFileIterator(token as string))).toEqual(['b', 'c']);
    expect(() => drive.continueFolderIterator(token as string)).toThrow(GasError);
    actAs(env, OTHER);
    expect(() => drive.continueFileIterator(token as string)).toThrow(GasError);
    expect(() => drive.continueFileIterator('garbage')).toThrow('Invalid argument: continuationToken');
  });

  it('has no token once exhausted', () => {
    const { drive } = makeDrive();
    const files = drive.getFiles();
    expect(files.getContinuationToken()).toBeNull();
  });

  it('skips items deleted for good after the iterator was made', () => {
    const { store, drive } = makeDrive();
    const a = drive.createFile('a', 'a');
    drive.createFile('b', 'b');
    const files = drive.getFiles();
    store.deleteForever(a.getId());
    expect(names(files)).toEqual(['b']);
  });
});

describe('DriveApp root-level add and remove', () => {
  it('adds a file to, and removes it from, My Drive', () => {
    const { drive } = makeDrive();
    const folder = drive.createFolder('F');
    const file = folder.createFile('x.txt', 'x');
    drive.addFile(file);
    expect(names(file.getParents()).sort()).toEqual(['F', 'My Drive']);
    drive.removeFile(file);
    expect(names(file.getParents())).toEqual(['F']);
  });

  it('adds and removes folders at the root', () => {
    const { drive } = makeDrive();
    const parent = drive.createFolder('P');
    const child = parent.createFolder('C');
    drive.addFolder(child);
    expect(ids(drive.getRootFolder().getFolders())).toContain(child.getId());
    drive.removeFolder(child);
    expect(ids(drive.getRootFolder().getFolders())).not.toContain(child.getId());
    expect(() => drive.addFolder(drive.createFile('f', 'f') as unknown as Folder)).toThrow(/don't match/);
  });
});

describe('DriveApp storage', () => {
  it('counts the bytes of files the user owns, trash included', () => {
    const { env, drive } = makeDrive();
    drive.createFile('a', '12345');
    drive.createFile('b', '123').setTrashed(true);
    expect(drive.getStorageUsed()).toBe(8);
    expect(drive.getStorageLimit()).toBe(15 * 1024 ** 3);
    actAs(env, OTHER);
    expect(drive.getStorageUsed()).toBe(0);
  });

  it('exposes the Access and Permission enums', () => {
    const { drive } = makeDrive();
    expect(drive.Access.ANYONE_WITH_LINK).toBe('ANYONE_WITH_LINK');
    expect(drive.Permission.VIEW).toBe('VIEW');
  });
});
