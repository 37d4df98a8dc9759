import { assignRowIds, rowIdFromUuid } from '../../../src/server/sheet/row-ids';

function uuids(...values: string[]) {
  let i = 0;
  return () => values[i++ % values.length] as string;
}

describe('row ids', () => {
  it('shortens a UUID to a letter and 10 hex digits', () => {
    expect(rowIdFromUuid('0A1B2C3D-4E5F-4a7b-8c9d-0123456789ab')).toBe('r0a1b2c3d4e');
  });

  it('gives filled rows without an id a new one, and keeps existing ids', () => {
    const result = assignRowIds(
      [
        { rowNumber: 2, rowId: 'rkeep000001', filled: true },
        { rowNumber: 3, rowId: '', filled: true },
        { rowNumber: 4, rowId: '', filled: false },
        { rowNumber: 5, rowId: 'rstale00001', filled: false },
      ],
      uuids('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
    );
    expect([...result.ids]).toEqual([
      [2, 'rkeep000001'],
      [3, 'raaaaaaaaaa'],
    ]);
    expect(result.writes).toEqual([{ rowNumber: 3, rowId: 'raaaaaaaaaa' }]);
  });

  it('gives the later of two rows sharing an id (a copied row) a new id', () => {
    const result = assignRowIds(
      [
        { rowNumber: 9, rowId: 'rsame000001', filled: true },
        { rowNumber: 4, rowId: 'rsame000001', filled: true },
      ],
      uuids('bbbbbbbb-0000-4000-8000-000000000000'),
    );
    expect(result.ids.get(4)).toBe('rsame000001');
    expect(result.writes).toEqual([{ rowNumber: 9, rowId: 'rbbbbbbbb00' }]);
  });

  it('never hands out an id already in the sheet, even on an empty row', () => {
    const result = assignRowIds(
      [
        { rowNumber: 2, rowId: 'r1111111111', filled: false },
        { rowNumber: 3, rowId: '', filled: true },
      ],
      uuids('11111111-11aa-4000-8000-000000000000', '22222222-2222-4000-8000-000000000000'),
    );
    expect(result.writes).toEqual([{ rowNumber: 3, rowId: 'r2222222222' }]);
  });
});
