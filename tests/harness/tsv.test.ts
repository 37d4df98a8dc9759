import { formatCell, parseTable } from '../../scripts/harness/page/tsv';

describe('cells pasted from a spreadsheet', () => {
  it('splits rows on line breaks and cells on tabs, without an extra row for the last line break', () => {
    expect(parseTable('https://a\tphoto\tA mug\r\nhttps://b\t\tA serum\r\n')).toEqual([
      ['https://a', 'photo', 'A mug'],
      ['https://b', '', 'A serum'],
    ]);
  });

  it('reads quoted cells as Sheets writes them: line breaks, tabs and doubled quotes inside', () => {
    expect(parseTable('"two\nlines"\t"a ""quoted"" word"\tplain\n"tab\there"')).toEqual([
      ['two\nlines', 'a "quoted" word', 'plain'],
      ['tab\there'],
    ]);
  });

  it('keeps text that only starts with a quote as it is', () => {
    expect(parseTable('"Best" mug ever\tx')).toEqual([['"Best" mug ever', 'x']]);
    expect(parseTable('"never closed')).toEqual([['"never closed']]);
  });

  it('takes one value as one cell, and keeps empty lines inside the block', () => {
    expect(parseTable('just text')).toEqual([['just text']]);
    expect(parseTable('a\n\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('round-trips what it copies', () => {
    for (const text of ['plain', 'with\ttab', 'two\nlines', 'say "hi"']) {
      expect(parseTable(formatCell(text))).toEqual([[text]]);
    }
  });
});
