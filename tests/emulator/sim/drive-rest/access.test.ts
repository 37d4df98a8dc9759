/**
 * Who may do what through the simulated Drive REST API: tokens, drive.readonly for reads, drive.file
 * for writes, Drive's 404 for what a person may not see, and storage.
 */
import { readFile, readFolder, readMedia, readTrash } from '../../../../src/server/drive/read';
import {
  createFolderRequest,
  getFileRequest,
  getMediaRequest,
  trashRequest,
} from '../../../../src/server/drive/request';
import { folder, JPEG, list, ME, MY_TOKEN, NOW, OTHER, OTHER_TOKEN, setup, upload } from './helpers';

describe('simulated Drive REST API: access', () => {
  it('answers 401 without a token or with an unknown one', () => {
    const s = setup();
    const noToken = createFolderRequest(MY_TOKEN, 'x', 'root');
    noToken.headers = {};
    const missing = readFolder(s.send(noToken), NOW);
    expect(missing).toMatchObject({ kind: 'auth', httpStatus: 401, reason: 'required' });
    const unknown = readFolder(s.send(createFolderRequest('ya29.not-a-real-token', 'x', 'root')), NOW);
    expect(unknown).toMatchObject({ kind: 'auth', httpStatus: 401, reason: 'authError' });
    expect(s.store.children(s.store.rootId(ME))).toHaveLength(0);
    expect(s.sim.stats.unauthorized).toBe(2);
  });

  it('answers 404 for an unknown id, and for another user’s private file (Drive does not confirm it exists)', () => {
    const s = setup();
    expect(readFile(s.send(getFileRequest(MY_TOKEN, 'no-such-id', 'id')), NOW)).toMatchObject({
      kind: 'not-found',
      reason: 'notFound',
      detail: 'File not found: no-such-id.',
    });
    const secret = s.store.addFile({ name: 'secret.jpg', owner: OTHER, content: JPEG });
    expect(readFile(s.send(getFileRequest(MY_TOKEN, secret, 'id')), NOW).kind).toBe('not-found');
    expect(readMedia(s.send(getMediaRequest(MY_TOKEN, secret)), NOW).kind).toBe('not-found');
    // Its owner reads it.
    expect(readFile(s.send(getFileRequest(OTHER_TOKEN, secret, 'id,name')), NOW)).toMatchObject({
      kind: 'ok',
      file: { id: secret, name: 'secret.jpg' },
    });
  });

  it('reads any file the person can open (drive.readonly), and refuses to trash one they only view', () => {
    const s = setup();
    const shared = s.store.addFile({ name: 'product.jpg', owner: OTHER, content: JPEG, viewers: [ME] });
    const media = s.send(getMediaRequest(MY_TOKEN, shared));
    expect(Buffer.from(media.bytes).equals(Buffer.from(JPEG))).toBe(true);
    expect(readTrash(s.send(trashRequest(MY_TOKEN, shared)), NOW)).toMatchObject({
      kind: 'no-access',
      reason: 'insufficientFilePermissions',
    });
    expect(s.store.get(shared)?.trashed).toBe(false);
  });

  it('drive.file: refuses writes into a folder the app did not create, until the person picks it', () => {
    const s = setup();
    const mine = s.store.addFolder({ name: 'Made in the Drive UI', owner: ME });
    const refused = upload(s, mine, 'slide_0.jpg');
    expect(refused).toMatchObject({ kind: 'no-access', reason: 'appNotAuthorizedToFile', httpStatus: 403 });
    expect(refused.kind !== 'ok' && refused.message).toMatch(/only save into folders it made/);
    expect(s.store.children(mine)).toHaveLength(0);
    expect(readFolder(s.send(createFolderRequest(MY_TOKEN, 'x', mine)), NOW).kind).toBe('no-access');
    expect(s.sim.stats.refusedByDriveFileScope).toBe(2);

    s.sim.grant(mine);
    expect(upload(s, mine, 'slide_0.jpg').kind).toBe('ok');
    expect(s.store.children(mine).map((item) => item.name)).toEqual(['slide_0.jpg']);
  });

  it('drive.file: the app may trash what it created but not what the person made', () => {
    const s = setup();
    const theirs = s.store.addFile({ name: 'notes.txt', owner: ME, content: 'hi' });
    expect(readTrash(s.send(trashRequest(MY_TOKEN, theirs)), NOW)).toMatchObject({
      kind: 'no-access',
      reason: 'appNotAuthorizedToFile',
    });
    const made = folder(s, 'made by the app');
    expect(readTrash(s.send(trashRequest(MY_TOKEN, made)), NOW).kind).toBe('ok');
  });

  it('stops with storage-full when the upload does not fit, and writes nothing', () => {
    const s = setup({ storageLimitBytes: JPEG.length + 10 });
    const parent = folder(s, 'full');
    expect(upload(s, parent, 'slide_0.jpg').kind).toBe('ok');
    const second = upload(s, parent, 'slide_1.jpg');
    expect(second).toMatchObject({ kind: 'storage-full', batch: 'stop', reason: 'storageQuotaExceeded' });
    expect(list(s, parent).map((file) => file.name)).toEqual(['slide_0.jpg']);
  });

  it('answers 400 for a field Drive does not know', () => {
    const s = setup();
    const read = readFile(s.send(getFileRequest(MY_TOKEN, 'root', 'id,nmae')), NOW);
    expect(read).toMatchObject({ kind: 'bad-request', httpStatus: 400, reason: 'invalid' });
  });
});
