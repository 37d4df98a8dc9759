import { parsePhotoRef } from '../../../src/shared/photo-ref';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456'; // 34 characters, like Drive's

describe('parsePhotoRef: Drive files in every shape', () => {
  const OLD_ID = '0B1a2b3c4d5e6f7g8h9i0jKLMNOP'; // an old 28-character id
  test.each([
    [`https://drive.google.com/file/d/${ID}/view?usp=sharing`, ID],
    [`https://drive.google.com/file/d/${ID}/view`, ID],
    [`https://drive.google.com/file/d/${ID}`, ID],
    [`https://drive.google.com/file/d/${ID}/edit?usp=drive_link`, ID],
    [`https://drive.google.com/open?id=${ID}`, ID],
    [`https://drive.google.com/uc?id=${ID}&export=download`, ID],
    [`https://drive.google.com/uc?export=view&id=${ID}`, ID],
    [`https://drive.google.com/thumbnail?id=${ID}&sz=w1000`, ID],
    [`https://docs.google.com/uc?id=${ID}`, ID],
    [`https://docs.google.com/file/d/${ID}/edit`, ID],
    [`https://drive.usercontent.google.com/download?id=${ID}&export=view`, ID],
    [`https://drive.google.com/a/brand.com/file/d/${ID}/view`, ID],
    [`drive.google.com/file/d/${ID}/view`, ID],
    [`  Photo: https://drive.google.com/file/d/${ID}/view?usp=sharing.  `, ID],
    [ID, ID],
    [` ${OLD_ID} `, OLD_ID],
    [`https://drive.google.com/open?id=${OLD_ID}`, OLD_ID],
  ])('%s', (text, fileId) => {
    expect(parsePhotoRef(text)).toEqual({ kind: 'drive', fileId, resourceKey: null });
  });

  it('keeps the resource key of an older shared link', () => {
    expect(
      parsePhotoRef(`https://drive.google.com/file/d/${ID}/view?usp=sharing&resourcekey=0-AbC_dEf`),
    ).toEqual({ kind: 'drive', fileId: ID, resourceKey: '0-AbC_dEf' });
  });

  it('takes the same file linked twice as one photo', () => {
    const text = `https://drive.google.com/file/d/${ID}/view https://drive.google.com/open?id=${ID}`;
    expect(parsePhotoRef(text)).toMatchObject({ kind: 'drive', fileId: ID });
  });
});

describe('parsePhotoRef: https images', () => {
  it('accepts an https image link as it is', () => {
    const url = 'https://cdn.brand.com/products/serum.jpg?v=3';
    expect(parsePhotoRef(url)).toEqual({ kind: 'url', url });
  });
});

describe('parsePhotoRef: what is not a photo, with a reason', () => {
  test.each([
    ['', 'missing', null],
    ['   ', 'missing', null],
    [`https://drive.google.com/drive/folders/${ID}`, 'folder', /a Drive folder, not a photo/],
    [`https://drive.google.com/drive/u/0/folders/${ID}?usp=sharing`, 'folder', /a Drive folder, not a photo/],
    [`https://drive.google.com/folderview?id=${ID}`, 'folder', /a Drive folder, not a photo/],
    [`https://docs.google.com/document/d/${ID}/edit`, 'google-doc', /a Google Doc, not a photo/],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit`, 'google-doc', /a Google Sheet, not a photo/],
    ['https://drive.google.com/drive/my-drive', 'drive-page', /does not point to a file/],
    ['https://drive.google.com/file/d/1abc/view', 'incomplete-id', /cut short/],
    ['http://cdn.brand.com/serum.jpg', 'not-https', /does not start with https/],
    ['serum.jpg', 'not-a-photo-link', /not a Google Drive link, a Drive file id or an https image link/],
    ['the blue bottle', 'not-a-photo-link', /not a Google Drive link/],
    [
      'https://cdn.brand.com/a.jpg https://cdn.brand.com/b.jpg',
      'several-links',
      /holds 2 links: put one product photo per row/,
    ],
  ])('%j', (text, kind, message) => {
    const ref = parsePhotoRef(text);
    if (kind === 'missing') {
      expect(ref).toEqual({ kind: 'missing' });
      return;
    }
    expect(ref).toMatchObject({ kind: 'invalid', reason: kind });
    if (ref.kind === 'invalid' && message) expect(ref.message).toMatch(message);
  });

  it('never throws on odd input', () => {
    for (const text of [
      '%',
      'https://',
      'https://drive.google.com/open?id=%E0%A4%A',
      '\u0000',
      'a'.repeat(5000),
    ]) {
      expect(() => parsePhotoRef(text)).not.toThrow();
    }
  });
});
