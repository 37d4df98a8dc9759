/** The Parent folder box of Settings, read before Drive is asked (the sidebar and the server share it). */
import { parseFolderRef } from '../../src/shared/settings';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('parseFolderRef', () => {
  it.each([
    ['', { kind: 'my-drive' }],
    ['   ', { kind: 'my-drive' }],
    ['https://drive.google.com/drive/my-drive', { kind: 'my-drive' }],
    ['https://drive.google.com/drive/u/1/my-drive?usp=x', { kind: 'my-drive' }],
    [`https://drive.google.com/drive/folders/${ID}`, { kind: 'folder', folderId: ID }],
    [`https://drive.google.com/drive/u/0/folders/${ID}?usp=sharing`, { kind: 'folder', folderId: ID }],
    [`drive.google.com/drive/folders/${ID}`, { kind: 'folder', folderId: ID }],
    [`https://drive.google.com/folderview?id=${ID}&usp=sharing`, { kind: 'folder', folderId: ID }],
    // An old "open" link may be a file or a folder: Drive says which when the settings are saved.
    [`https://drive.google.com/open?id=${ID}`, { kind: 'folder', folderId: ID }],
    [`  ${ID}  `, { kind: 'folder', folderId: ID }],
  ])('reads %j', (text, expected) => {
    expect(parseFolderRef(text)).toEqual(expected);
  });

  it('says a file link is not a folder, and anything else is not a folder link', () => {
    expect(parseFolderRef(`https://drive.google.com/file/d/${ID}/view`)).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/^This is a link to a file, not a folder/),
    });
    for (const text of ['Client work', 'https://example.com/folders/abc', 'javascript:alert(1)']) {
      expect(parseFolderRef(text)).toMatchObject({
        kind: 'invalid',
        message: expect.stringMatching(/^This is not a Google Drive folder link/),
      });
    }
  });
});
