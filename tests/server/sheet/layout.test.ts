import { COLUMNS } from '../../../src/shared/columns';
import {
  findColumns,
  locateColumns,
  MissingColumnsError,
  normalizeHeader,
} from '../../../src/server/sheet/layout';

const HEADERS = COLUMNS.map((c) => c.header);

describe('findColumns', () => {
  it('finds every column of the set-up order', () => {
    expect(findColumns(HEADERS)).toEqual({
      link: 1,
      photo: 2,
      description: 3,
      photoVariations: 4,
      textVariations: 5,
      status: 6,
      output: 7,
      error: 8,
      rowId: 9,
    });
  });

  it('ignores case and spacing, and tolerates extra and moved columns', () => {
    const row = [
      'Notes',
      '  STATUS ',
      'product   photo',
      '',
      'Link',
      'Row ID',
      'Campaign',
      'Product Description',
      'error',
      'OUTPUT',
    ];
    const layout = findColumns(row);
    expect(layout).toMatchObject({
      status: 2,
      photo: 3,
      link: 5,
      rowId: 6,
      description: 8,
      error: 9,
      output: 10,
    });
  });

  it('makes the variation columns optional', () => {
    const row = HEADERS.filter((h) => !/variations/.test(h));
    const layout = findColumns(row);
    expect(layout.photoVariations).toBeNull();
    expect(layout.textVariations).toBeNull();
  });

  it('takes the leftmost of two columns with the same header', () => {
    const layout = findColumns([...HEADERS, 'Status']);
    expect(layout.status).toBe(6);
  });

  it('names the missing header and says to use Set up sheet', () => {
    const row = HEADERS.filter((h) => h !== 'Product photo');
    expect(() => findColumns(row)).toThrow(MissingColumnsError);
    expect(() => findColumns(row)).toThrow(
      'The Batch sheet has no "Product photo" column: use Extensions › Slideshow Remix › Set up sheet to add it back (nothing you typed is removed).',
    );
  });

  it('lists every missing header at once', () => {
    try {
      findColumns(['Link', 'Product photo', 'Product description', 'Status']);
      throw new Error('expected a MissingColumnsError');
    } catch (error) {
      expect(error).toBeInstanceOf(MissingColumnsError);
      expect((error as MissingColumnsError).missing).toEqual(['Output', 'Error', 'Row id']);
      expect((error as Error).message).toBe(
        'The Batch sheet has no "Output", "Error" and "Row id" columns: use Extensions › Slideshow Remix › Set up sheet to add them back (nothing you typed is removed).',
      );
    }
  });

  it('reads an empty header row as nothing found', () => {
    expect(locateColumns([])).toEqual({});
    expect(normalizeHeader(null)).toBe('');
    expect(normalizeHeader(' Text\u00a0 variations ')).toBe('text variations');
  });
});
