import { COLUMNS } from '../../../src/shared/columns';
import { findColumns } from '../../../src/server/sheet/layout';
import { readSheetRows, toBatchRowInput } from '../../../src/server/sheet/rows';

const HEADER = COLUMNS.map((c) => c.header);
const layout = findColumns(HEADER);
const LINK = 'https://www.tiktok.com/@a/photo/7401234567890123456';
const FILE_URL = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456/view';

describe('readSheetRows', () => {
  it('reads every row below the header, filled or not', () => {
    const rows = readSheetRows(
      [
        HEADER,
        [LINK, 'photo', 'desc', '3', '', 'Ready', '', '', 'r0000000001'],
        ['', '', '', '', '', 'Ready', '', '', ''],
      ],
      layout,
    );
    expect(rows).toEqual([
      {
        rowNumber: 2,
        rowId: 'r0000000001',
        link: LINK,
        photo: 'photo',
        description: 'desc',
        photoVariations: '3',
        textVariations: '',
        status: 'Ready',
        filled: true,
      },
      expect.objectContaining({ rowNumber: 3, filled: false, status: 'Ready' }),
    ]);
  });

  it('takes the link behind a smart chip or a labelled hyperlink', () => {
    const rows = readSheetRows([HEADER, ['My slideshow', 'serum.jpg', 'desc']], layout, (row, column) =>
      row === 2 && column === layout.photo ? FILE_URL : row === 2 && column === layout.link ? LINK : null,
    );
    expect(rows[0]).toMatchObject({ link: LINK, photo: FILE_URL });
  });

  it('keeps the text when it already holds an address', () => {
    const rows = readSheetRows(
      [HEADER, [`look: ${LINK}`, FILE_URL, 'desc']],
      layout,
      () => 'https://other.test/',
    );
    expect(rows[0]).toMatchObject({ link: `look: ${LINK}`, photo: FILE_URL });
  });

  it('reads an invalid override as null for the engine (the row check flags it)', () => {
    const [row] = readSheetRows([HEADER, [LINK, 'p', 'd', 'lots', '2']], layout);
    expect(toBatchRowInput(row!, 'rid')).toMatchObject({
      rowId: 'rid',
      photoVariations: null,
      textVariations: 2,
    });
  });
});
