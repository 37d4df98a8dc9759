import { GasError } from '../../../emulator/core/env';
import { ACCESS_DENIED, NOT_FOUND } from '../../../emulator/services/drive';
import { actAs, makeDrive, ME, names, OTHER } from './helpers';

/** A file owned by someone else, optionally shared with the current user. */
function othersFile(share: { editors?: string[]; viewers?: string[] } = {}) {
  const setup = makeDrive();
  const id = setup.store.addFile({
    name: 'private.png',
    owner: OTHER,
    mimeType: 'image/png',
    content: 'x',
    ...share,
  });
  return { ...setup, id };
}

describe('Access to other users’ items', () => {
  it('hides a file that is not shared with the user, as if it did not exist', () => {
    const { drive, id } = othersFile();
    expect(() => drive.getFileById(id)).toThrow(new GasError(NOT_FOUND));
    expect(names(drive.getFilesByName('private.png'))).toEqual([]);
    expect(names(drive.getFiles())).toEqual([]);
  });

  it('lets a viewer read but not change it', () => {
    const { drive, id } = othersFile({ viewers: [ME] });
    const file = drive.getFileById(id);
    expect(file.getBlob().getDataAsString()).toBe('x');
    expect(() => file.setName('mine.png')).toThrow(new GasError(ACCESS_DENIED));
    expect(() => file.setContent('y')).toThrow(ACCESS_DENIED);
    expect(file.getName()).toBe('private.png');
  });

  it('lets an editor change it but not trash it (only owners trash in My Drive)', () => {
    const { drive, id } = othersFile({ editors: [ME] });
    const file = drive.getFileById(id);
    file.setName('renamed.png');
    expect(file.getName()).toBe('renamed.png');
    expect(() => file.setTrashed(true)).toThrow(ACCESS_DENIED);
  });

  it("lists shared items among the user's files", () => {
    const { drive } = othersFile({ viewers: [ME] });
    expect(names(drive.getFilesByName('private.png'))).toEqual(['private.png']);
  });

  it('does not show parents the user cannot see', () => {
    const { drive, id } = othersFile({ viewers: [ME] });
    expect(names(drive.getFileById(id).getParents())).toEqual([]);
  });

  it('opens a link-shared file by id without listing it', () => {
    const { store, drive } = makeDrive();
    const id = store.addFile({
      name: 'public.png',
      owner: OTHER,
      content: 'x',
      access: 'ANYONE_WITH_LINK',
      permission: 'VIEW',
    });
    expect(drive.getFileById(id).getName()).toBe('public.png');
    expect(names(drive.getFilesByName('public.png'))).toEqual([]);
    expect(() => drive.getFileById(id).setName('x')).toThrow(ACCESS_DENIED);
  });

  it('lets same-domain users in through DOMAIN sharing only', () => {
    const { env, store, drive } = makeDrive();
    const id = store.addFile({
      name: 'team.txt',
      owner: OTHER,
      content: 'x',
      access: 'DOMAIN',
      permission: 'EDIT',
    });
    drive.getFileById(id).setName('team-edited.txt');
    actAs(env, 'stranger@elsewhere.org');
    expect(() => drive.getFileById(id)).toThrow(NOT_FOUND);
  });

  it('passes a shared folder’s access on to what is inside', () => {
    const { store, drive } = makeDrive();
    const folderId = store.addFolder({ name: 'Shared', owner: OTHER, editors: [ME] });
    const inside = store.addFile({ name: 'in.txt', owner: OTHER, parentId: folderId, content: 'x' });
    const file = drive.getFileById(inside);
    file.setName('edited.txt');
    expect(names(drive.getFolderById(folderId).getFiles())).toEqual(['edited.txt']);
    const mine = drive.getFolderById(folderId).createFile('mine.txt', 'm');
    expect(mine.getOwner().getEmail()).toBe(ME);
  });

  it("lets a folder's owner edit what others put in it", () => {
    const { env, store, drive } = makeDrive();
    const folder = drive.createFolder('Inbox');
    const id = store.addFile({ name: 'dropped.txt', owner: OTHER, parentId: folder.getId(), content: 'x' });
    drive.getFileById(id).setName('seen.txt');
    actAs(env, 'third@example.com');
    expect(() => drive.getFileById(id)).toThrow(NOT_FOUND);
  });

  it('refuses to create in a folder the user may only view', () => {
    const { store, drive } = makeDrive();
    const folderId = store.addFolder({ name: 'ReadOnly', owner: OTHER, viewers: [ME] });
    expect(() => drive.getFolderById(folderId).createFile('x', 'x')).toThrow(ACCESS_DENIED);
    expect(() => drive.getFolderById(folderId).createFolder('x')).toThrow(ACCESS_DENIED);
    expect(() => drive.createFile('mine', 'm').moveTo(drive.getFolderById(folderId))).toThrow(ACCESS_DENIED);
  });
});

describe('Sharing', () => {
  it('sets and reads link sharing', () => {
    const { env, drive } = makeDrive();
    const file = drive.createFile('p.png', 'x');
    expect([file.getSharingAccess(), file.getSharingPermission()]).toEqual(['PRIVATE', 'NONE']);
    file.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW);
    expect([file.getSharingAccess(), file.getSharingPermission()]).toEqual(['ANYONE_WITH_LINK', 'VIEW']);
    actAs(env, OTHER);
    expect(drive.getFileById(file.getId()).getName()).toBe('p.png');
  });

  it('rejects values that are not sharing enums', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('p.png', 'x');
    expect(() => file.setSharing('EVERYONE' as never, 'VIEW')).toThrow(/File.setSharing/);
  });

  it('adds and removes editors and viewers, listing owner and editors among viewers', () => {
    const { env, drive } = makeDrive();
    const file = drive.createFile('p.png', 'x');
    file.addEditor(OTHER).addViewers(['v@example.com', OTHER]);
    expect(file.getEditors().map((u) => u.getEmail())).toEqual([ME, OTHER]);
    expect(file.getViewers().map((u) => u.getEmail())).toEqual([ME, OTHER, 'v@example.com']);
    expect(file.getAccess(OTHER)).toBe('EDIT');
    expect(file.getAccess('v@example.com')).toBe('VIEW');
    expect(file.getAccess('nobody@example.com')).toBe('NONE');
    expect(file.getAccess(ME)).toBe('OWNER');
    file.removeEditor(OTHER);
    expect(file.getAccess(OTHER)).toBe('NONE');
    actAs(env, 'v@example.com');
    expect(drive.getFileById(file.getId()).getEditors()).toEqual([]);
  });

  it('accepts a User where an e-mail address goes', () => {
    const { drive } = makeDrive();
    const file = drive.createFile('p.png', 'x');
    const owner = file.getOwner();
    expect([owner.getEmail(), owner.getName(), owner.getDomain()]).toEqual([ME, 'jenny', 'example.com']);
    file.addViewer(drive.createFile('q', 'q').getOwner());
    expect(() => file.addEditors(['not-an-email'])).toThrow(GasError);
  });
});
