import { columnToLetters, lettersToColumn, parseA1 } from '../../../emulator/services/spreadsheet/a1';

describe('A1 notation', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('column %p is %p and back', (n, letters) => {
    expect(columnToLetters(n)).toBe(letters);
    expect(lettersToColumn(letters)).toBe(n);
  });

  it('parses cells, ranges and sheet prefixes', () => {
    expect(parseA1('b2')).toEqual({ sheetName: null, startRow: 2, startColumn: 2, endRow: 2, endColumn: 2 });
    expect(parseA1("'It''s'!A1:C")).toEqual({
      sheetName: "It's",
      startRow: 1,
      startColumn: 1,
      endRow: null,
      endColumn: 3,
    });
    expect(parseA1('Data!3:4')).toEqual({
      sheetName: 'Data',
      startRow: 3,
      startColumn: null,
      endRow: 4,
      endColumn: null,
    });
  });

  it.each(['', 'A', '1', 'A0', 'A1:B2:C3', '!A1', "'x!A1", 'A:3', '1:B', 'A1:3'])('rejects %p', (text) => {
    expect(parseA1(text)).toBeNull();
  });
});
