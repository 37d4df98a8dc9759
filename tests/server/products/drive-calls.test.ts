import { FOLDER_MIME_TYPE } from '../../../src/server/drive';
import type { HttpRequestSpec, HttpResult } from '../../../src/server/http/spec';
import {
  ensureProductPhotosFolder,
  PRODUCT_PHOTOS_FOLDER_NAME,
  readPhotoFolder,
  uploadPhoto,
  type DriveSession,
} from '../../../src/server/products/drive-calls';
import { driveError, insufficientFilePermissions, json, notFound, NOW } from '../drive/fixtures';

const FOLDER_ID = '1FoLdErIdAbCdEfGhIjKlMnOpQrStUv';

/** A Drive that answers from a script of responses and records what was asked. */
function scripted(...answers: HttpResult[]) {
  const sent: HttpRequestSpec[] = [];
  const session: DriveSession = {
    token: 'ya29.test-token',
    now: () => NOW,
    send(spec) {
      sent.push(spec);
      const answer = answers.shift();
      if (!answer) throw new Error(`no answer scripted for ${spec.method} ${spec.url}`);
      return answer;
    },
  };
  return { session, sent };
}

const folder = json(200, { id: FOLDER_ID, name: 'Products', mimeType: FOLDER_MIME_TYPE, trashed: false });

describe('reading a folder of photos', () => {
  it('reads the folder, then every page of its files', () => {
    const { session, sent } = scripted(
      folder,
      json(200, { files: [{ id: 'a', name: 'a.jpg', mimeType: 'image/jpeg' }], nextPageToken: 'p2' }),
      json(200, { files: [{ id: 'b', name: 'b.jpg', mimeType: 'image/jpeg' }] }),
    );
    const read = readPhotoFolder(session, FOLDER_ID);
    expect(read).toEqual({
      ok: true,
      value: {
        folder: {
          id: FOLDER_ID,
          name: 'Products',
          url: `https://drive.google.com/drive/folders/${FOLDER_ID}`,
        },
        files: [expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })],
      },
    });
    expect(sent.map((spec) => spec.method)).toEqual(['get', 'get', 'get']);
    expect(sent[2]?.url).toContain('pageToken=p2');
    // The token travels in the header only.
    expect(sent.every((spec) => !spec.url.includes('ya29'))).toBe(true);
    expect(sent[0]?.headers.Authorization).toBe('Bearer ya29.test-token');
  });

  it('says so when the folder cannot be found or opened', () => {
    expect(readPhotoFolder(scripted(notFound).session, FOLDER_ID)).toEqual({
      ok: false,
      message: expect.stringMatching(/could not find this folder.*shared with your Google account/),
    });
    expect(readPhotoFolder(scripted(insufficientFilePermissions).session, FOLDER_ID)).toEqual({
      ok: false,
      message: expect.stringMatching(/may not open this folder: ask its owner to share it/),
    });
  });

  it('says so when the link is a file or the folder is in the trash', () => {
    const file = json(200, { id: FOLDER_ID, name: 'bottle.jpg', mimeType: 'image/jpeg' });
    expect(readPhotoFolder(scripted(file).session, FOLDER_ID)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^This link is a file \(bottle\.jpg\), not a folder/),
    });
    const trashed = json(200, { id: FOLDER_ID, name: 'Old', mimeType: FOLDER_MIME_TYPE, trashed: true });
    expect(readPhotoFolder(scripted(trashed).session, FOLDER_ID)).toMatchObject({
      message: expect.stringMatching(/"Old" is in the Google Drive trash/),
    });
  });

  it('asks again once after a server error or no answer, then says to try again', () => {
    const backend = driveError(503, 'backendError', 'Backend Error');
    const recovered = scripted(backend, folder, json(200, { files: [] }));
    expect(readPhotoFolder(recovered.session, FOLDER_ID)).toMatchObject({ ok: true });
    expect(recovered.sent).toHaveLength(3);
    const down = scripted(backend, backend);
    expect(readPhotoFolder(down.session, FOLDER_ID)).toEqual({
      ok: false,
      message: 'Google Drive did not answer properly (HTTP 503): try again in a moment.',
    });
    const silent = { status: 0, body: 'No answer: DNS', headers: {} };
    expect(readPhotoFolder(scripted(silent, silent).session, FOLDER_ID)).toEqual({
      ok: false,
      message: expect.stringMatching(/could not be reached/),
    });
  });
});

describe('the folder for uploads', () => {
  it('reuses the folder made before while it exists, and makes a new one in My Drive otherwise', () => {
    const kept = scripted(folder);
    expect(ensureProductPhotosFolder(kept.session, FOLDER_ID)).toMatchObject({
      ok: true,
      value: { created: false, folder: { id: FOLDER_ID } },
    });
    const made = json(200, {
      id: 'newFolder0123',
      name: PRODUCT_PHOTOS_FOLDER_NAME,
      mimeType: FOLDER_MIME_TYPE,
    });
    const gone = scripted(notFound, made);
    expect(ensureProductPhotosFolder(gone.session, FOLDER_ID)).toMatchObject({
      ok: true,
      value: { created: true, folder: { id: 'newFolder0123' } },
    });
    expect(gone.sent[1]?.method).toBe('post');
    expect(JSON.parse(gone.sent[1]?.payload ?? '{}')).toEqual({
      name: PRODUCT_PHOTOS_FOLDER_NAME,
      mimeType: FOLDER_MIME_TYPE,
      parents: ['root'],
    });
    const first = scripted(made);
    expect(ensureProductPhotosFolder(first.session, null)).toMatchObject({ value: { created: true } });
    expect(first.sent).toHaveLength(1);
  });
});

describe('uploading one photo', () => {
  const file = { name: 'bottle.jpg', mimeType: 'image/jpeg', bytes: 3, base64: '/9j/' };

  it('uploads with its name and type into the folder, tagged as a product photo', () => {
    const { session, sent } = scripted(
      json(200, { files: [] }),
      json(200, { id: 'uploaded01234', name: 'bottle.jpg', mimeType: 'image/jpeg', size: '3' }),
    );
    expect(uploadPhoto(session, FOLDER_ID, file)).toMatchObject({
      ok: true,
      value: { reused: false, file: { id: 'uploaded01234' } },
    });
    expect(sent[1]?.url).toContain('uploadType=multipart');
    const body = Buffer.from(sent[1]?.payloadBase64 ?? '', 'base64').toString('latin1');
    expect(body).toContain(`"parents":["${FOLDER_ID}"]`);
    expect(body).toContain('"appProperties":{"slideshowRemix":"product-photo"}');
    expect(body).toContain('Content-Type: image/jpeg');
  });

  it('reuses the same photo already in the folder instead of making a second copy', () => {
    const { session, sent } = scripted(
      json(200, { files: [{ id: 'earlier012345', name: 'bottle.jpg', mimeType: 'image/jpeg', size: '3' }] }),
    );
    expect(uploadPhoto(session, FOLDER_ID, file)).toMatchObject({ ok: true, value: { reused: true } });
    expect(sent).toHaveLength(1);
  });

  it('never sends an upload twice blindly, and words a refusal for the person uploading', () => {
    const silent = scripted(json(200, { files: [] }), { status: 0, body: '', headers: {} });
    expect(uploadPhoto(silent.session, FOLDER_ID, file)).toEqual({
      ok: false,
      message: expect.stringMatching(/did not answer while bottle\.jpg was uploading/),
    });
    expect(silent.sent).toHaveLength(2);
    const refused = scripted(
      json(200, { files: [] }),
      driveError(403, 'appNotAuthorizedToFile', 'The user has not granted the app write access.'),
    );
    expect(uploadPhoto(refused.session, FOLDER_ID, file)).toEqual({
      ok: false,
      message: expect.stringMatching(/may only upload into the folder it made/),
    });
  });
});
