import { FOLDER_MIME_TYPE } from '../../../src/server/drive';
import { photoCellText, planMatchWrites, planProductForAll } from '../../../src/server/products/apply';
import { readFolderInput, sortFolderFiles } from '../../../src/server/products/folder';
import type { BatchLayout } from '../../../src/server/sheet/layout';
import type { SheetRow } from '../../../src/server/sheet/rows';

const FOLDER_ID = '1FoLdErIdAbCdEfGhIjKlMnOpQrStUv';
const FILE_ID = '1FiLeIdAbCdEfGhIjKlMnOpQrStUvWx';

describe('the folder Jenny names', () => {
  it('takes every shape of folder link, a bare id, and an open?id= link', () => {
    expect(readFolderInput(`https://drive.google.com/drive/folders/${FOLDER_ID}?usp=sharing`)).toEqual({
      ok: true,
      id: FOLDER_ID,
    });
    expect(readFolderInput(`https://drive.google.com/drive/u/1/folders/${FOLDER_ID}`)).toMatchObject({
      id: FOLDER_ID,
    });
    expect(readFolderInput(`  ${FOLDER_ID} `)).toMatchObject({ id: FOLDER_ID });
    expect(readFolderInput(`https://drive.google.com/open?id=${FOLDER_ID}`)).toMatchObject({ id: FOLDER_ID });
  });

  it('says what to paste when the text is not a Drive link', () => {
    expect(readFolderInput('')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Paste the link/),
    });
    expect(readFolderInput('https://example.com/photos')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a Google Drive folder link.*\/folders\//),
    });
  });

  it('keeps the photos and names every other file with the reason it is left out', () => {
    const sorted = sortFolderFiles([
      { id: 'a', name: 'bottle.jpg', mimeType: 'image/jpeg' },
      { id: 'b', name: 'notes.txt', mimeType: 'text/plain' },
      { id: 'c', name: 'Older', mimeType: FOLDER_MIME_TYPE },
      { id: 'd', name: 'tube.PNG', mimeType: 'image/png' },
      { id: 'e', name: 'anim.gif', mimeType: 'image/gif' },
      { id: 'f', name: 'Sheet', mimeType: 'application/vnd.google-apps.spreadsheet' },
    ]);
    expect(sorted.photos.map((photo) => photo.name)).toEqual(['bottle.jpg', 'tube.PNG']);
    expect(sorted.skipped).toEqual([
      { name: 'anim.gif', reason: 'not a JPEG, PNG, WebP or HEIC photo' },
      { name: 'notes.txt', reason: 'not a JPEG, PNG, WebP or HEIC photo' },
      { name: 'Older', reason: expect.stringMatching(/^a folder/) },
      { name: 'Sheet', reason: 'not a JPEG, PNG, WebP or HEIC photo' },
    ]);
  });
});

const LAYOUT: BatchLayout = {
  link: 1,
  photo: 2,
  description: 3,
  photoVariations: 4,
  textVariations: 5,
  status: 6,
  output: 7,
  error: 8,
  rowId: 9,
};

function sheetRow(rowNumber: number, fields: Partial<SheetRow> = {}): SheetRow {
  const base = {
    link: `https://www.tiktok.com/@a/photo/74000000000000000${rowNumber}`,
    photo: '',
    description: 'A serum.',
    ...fields,
  };
  return {
    rowNumber,
    rowId: `r${rowNumber}`,
    photoVariations: '',
    textVariations: '',
    status: '',
    ...base,
    filled: [base.link, base.photo, base.description].some((text) => text.trim() !== ''),
  };
}

describe('writing the previewed matching', () => {
  it('writes Drive file links into empty Product photo cells, by row id wherever the row moved', () => {
    const rows = [sheetRow(2, { rowId: 'rB' }), sheetRow(3, { rowId: 'rA' })];
    const plan = planMatchWrites(LAYOUT, rows, [{ rowId: 'rA', fileId: FILE_ID }], false);
    expect(plan.writes).toEqual([
      { rowNumber: 3, column: 2, value: `https://drive.google.com/file/d/${FILE_ID}/view` },
    ]);
    expect(plan.photosWritten).toBe(1);
    expect([...plan.changedRows]).toEqual([3]);
    expect(plan.rowsAfter[1]?.photo).toBe(`https://drive.google.com/file/d/${FILE_ID}/view`);
  });

  it('skips rows deleted or given a photo since the preview, and ids that are not Drive ids', () => {
    const rows = [sheetRow(2, { photo: 'https://example.com/x.jpg' }), sheetRow(3)];
    const plan = planMatchWrites(
      LAYOUT,
      rows,
      [
        { rowId: 'r2', fileId: FILE_ID },
        { rowId: 'gone', fileId: FILE_ID },
        { rowId: 'r3', fileId: '=IMPORTXML("x")' },
      ],
      false,
    );
    expect(plan.writes).toEqual([]);
    expect(plan.skipped).toEqual([
      { rowNumber: 2, reason: expect.stringMatching(/got a photo after the preview/) },
      { rowNumber: null, reason: expect.stringMatching(/no longer in the sheet/) },
      { rowNumber: 3, reason: expect.stringMatching(/not a Drive file/) },
    ]);
  });

  it('replaces a photo only when asked', () => {
    const rows = [sheetRow(2, { photo: 'https://example.com/x.jpg' })];
    const plan = planMatchWrites(LAYOUT, rows, [{ rowId: 'r2', fileId: FILE_ID }], true);
    expect(plan.writes).toHaveLength(1);
  });
});

describe('one product for every row', () => {
  it('fills only the empty photo and description cells of filled rows', () => {
    const rows = [
      sheetRow(2, { photo: 'https://example.com/mine.jpg', description: '' }),
      sheetRow(3, { description: 'Kept.' }),
      sheetRow(4, { link: '', photo: '', description: '' }),
    ];
    const plan = planProductForAll(LAYOUT, rows, {
      photo: 'https://example.com/all.jpg',
      description: '=1+1 is not a formula',
      replaceExisting: false,
    });
    expect(plan.writes).toEqual([
      { rowNumber: 2, column: 3, value: '=1+1 is not a formula' },
      { rowNumber: 3, column: 2, value: 'https://example.com/all.jpg' },
    ]);
    expect([plan.photosWritten, plan.descriptionsWritten]).toEqual([1, 1]);
  });

  it('overwrites everything when asked, and leaves a column alone when given nothing for it', () => {
    const rows = [sheetRow(2, { photo: 'https://example.com/mine.jpg' })];
    const plan = planProductForAll(LAYOUT, rows, { photo: null, description: 'New', replaceExisting: true });
    expect(plan.writes).toEqual([{ rowNumber: 2, column: 3, value: 'New' }]);
  });

  it('turns any Drive link shape into a file link and refuses what is not a photo link', () => {
    expect(photoCellText(`https://drive.google.com/open?id=${FILE_ID}`)).toEqual({
      ok: true,
      text: `https://drive.google.com/file/d/${FILE_ID}/view`,
    });
    expect(photoCellText(`https://drive.google.com/file/d/${FILE_ID}/view?resourcekey=0-abc`)).toEqual({
      ok: true,
      text: `https://drive.google.com/file/d/${FILE_ID}/view?resourcekey=0-abc`,
    });
    expect(photoCellText('')).toEqual({ ok: true, text: null });
    expect(photoCellText(`https://drive.google.com/drive/folders/${FOLDER_ID}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^This product photo cannot be used: this is a Drive folder/),
    });
  });
});
