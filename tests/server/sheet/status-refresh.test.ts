import type { SheetRow } from '../../../src/server/sheet/rows';
import { planStatusRefresh, type RefreshScope } from '../../../src/server/sheet/status-refresh';

const PHOTO = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456';
const post = (n: number) => `https://www.tiktok.com/@a/photo/74000000000000000${String(n).padStart(2, '0')}`;

function sheetRow(rowNumber: number, fields: Partial<SheetRow> = {}): SheetRow {
  const base = { link: post(rowNumber), photo: PHOTO, description: 'A serum.', ...fields };
  return {
    rowNumber,
    rowId: '',
    photoVariations: '',
    textVariations: '',
    status: '',
    ...base,
    filled: [base.link, base.photo, base.description].some((v) => v.trim() !== ''),
  };
}

function edit(rows: number[], core = true, input = core): RefreshScope {
  return { kind: 'edit', rows: new Set(rows), coreInputEdited: core, inputEdited: input };
}

describe('planStatusRefresh after an edit', () => {
  it('checks the edited rows only', () => {
    const rows = [sheetRow(2), sheetRow(3, { description: '' }), sheetRow(4, { photo: '' })];
    expect(planStatusRefresh(rows, edit([2, 4]))).toEqual([
      { rowNumber: 2, status: 'Ready' },
      { rowNumber: 4, status: expect.stringMatching(/^Missing product photo:/) },
    ]);
  });

  it('marks an unedited row that now shares a post as its duplicate, and frees it again', () => {
    const rows = [
      sheetRow(2, { status: 'Ready' }),
      sheetRow(3, { status: 'Ready' }),
      sheetRow(4, { link: post(2) }),
    ];
    expect(planStatusRefresh(rows, edit([4]))).toEqual([
      { rowNumber: 4, status: expect.stringMatching(/^Duplicate of row 2:/) },
    ]);
    // Row 2 is pasted over with another post: row 4 was its duplicate and is now ready.
    const after = [
      sheetRow(2, { link: post(9), status: 'Ready' }),
      sheetRow(3, { status: 'Ready' }),
      sheetRow(4, {
        link: post(2),
        status: 'Duplicate of row 2: the same TikTok post is already there, so this row is skipped.',
      }),
    ];
    expect(planStatusRefresh(after, edit([2]))).toEqual([{ rowNumber: 4, status: 'Ready' }]);
  });

  it('keeps a batch status unless the Link, photo or description of that row was edited', () => {
    const rows = [sheetRow(2, { status: 'Generating 3/6', description: '' })];
    expect(planStatusRefresh(rows, edit([2], false, true))).toEqual([]);
    expect(planStatusRefresh(rows, edit([2], true))).toEqual([
      { rowNumber: 2, status: expect.stringMatching(/^Missing description:/) },
    ]);
  });

  it('a row held by a batch still makes a new row its duplicate', () => {
    const rows = [sheetRow(2, { status: 'Done' }), sheetRow(3, { link: post(2) })];
    expect(planStatusRefresh(rows, edit([3]))).toEqual([
      { rowNumber: 3, status: expect.stringMatching(/^Duplicate of row 2:/) },
    ]);
  });

  it('clears the status of an emptied row', () => {
    const rows = [sheetRow(2, { link: '', photo: '', description: '', status: 'Ready' })];
    expect(planStatusRefresh(rows, edit([2]))).toEqual([{ rowNumber: 2, status: '' }]);
  });

  it('an edit outside the input columns checks nothing', () => {
    const rows = [sheetRow(2, { status: '' })];
    expect(planStatusRefresh(rows, edit([2], false, false))).toEqual([]);
  });

  it('writes nothing when the status is already right', () => {
    expect(planStatusRefresh([sheetRow(2, { status: 'Ready' })], edit([2]))).toEqual([]);
  });
});

describe('planStatusRefresh over the whole sheet (Set up sheet)', () => {
  it('checks every row the check owns and leaves batch statuses alone', () => {
    const rows = [
      sheetRow(2),
      sheetRow(3, { status: 'Done' }),
      sheetRow(4, { photo: '', status: 'Ready' }),
      sheetRow(5, { link: '', photo: '', description: '', status: 'Missing link: x' }),
    ];
    expect(planStatusRefresh(rows, { kind: 'all' })).toEqual([
      { rowNumber: 2, status: 'Ready' },
      { rowNumber: 4, status: expect.stringMatching(/^Missing product photo:/) },
      { rowNumber: 5, status: '' },
    ]);
  });
});
