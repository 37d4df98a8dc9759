/**
 * "Set up sheet" through the real bundle: creating the Batch sheet, repairing a messy one without losing
 * a cell, and changing nothing at all the second time.
 */
import { COLUMNS } from '../../../src/shared/columns';
import { columnOf, DESCRIPTION, HEADERS, PHOTO, POST_A, POST_B, setUpWorld, type Setup } from './helpers';

const HELP_TEXT = "1 to 10, or empty for the sidebar's choice";

function statusRules(ctx: Setup) {
  return ctx
    .batch()
    .getConditionalFormatRules()
    .map((rule) => ({
      starts: rule.getBooleanCondition().getCriteriaValues()[0],
      background: rule.getBooleanCondition().getBackground(),
      ranges: rule.getRanges().map((r) => r.getA1Notation()),
    }));
}

function runSetUp(ctx: Setup) {
  const report = ctx.setUp();
  expect(report.error).toBeUndefined();
  expect(report.status).toBe('completed');
}

describe('Set up sheet on an empty spreadsheet', () => {
  it('creates the Batch sheet: headers with notes, bold and frozen, widths, hidden Row id', () => {
    const ctx = setUpWorld();
    runSetUp(ctx);
    const sheet = ctx.batch();
    expect(sheet.getIndex()).toBe(1);
    const header = sheet.getRange(1, 1, 1, HEADERS.length);
    expect(header.getValues()[0]).toEqual(HEADERS);
    expect(header.getNotes()[0]).toEqual(COLUMNS.map((c) => c.note));
    expect(header.getFontWeights()[0]).toEqual(HEADERS.map(() => 'bold'));
    expect(sheet.getFrozenRows()).toBe(1);
    COLUMNS.forEach((column, i) => {
      expect(sheet.getColumnWidth(i + 1)).toBe(column.width);
      expect(sheet.isColumnHiddenByUser(i + 1)).toBe(column.key === 'rowId');
    });
    expect(ctx.toasts().at(-1)?.message).toBe(
      'The Batch sheet is ready: paste TikTok links in the Link column.',
    );
  });

  it('rejects variation overrides other than 1 to 10, with help text', () => {
    const ctx = setUpWorld();
    runSetUp(ctx);
    for (const column of [columnOf(ctx, 'photoVariations'), columnOf(ctx, 'textVariations')]) {
      const range = ctx.batch().getRange(2, column, ctx.batch().getMaxRows() - 1, 1);
      const rules = range.getDataValidations().flat();
      expect(rules.every((rule) => rule !== null)).toBe(true);
      const rule = rules[0];
      expect(rule?.getCriteriaType()).toBe('CUSTOM_FORMULA');
      expect(rule?.getAllowInvalid()).toBe(false);
      expect(rule?.getHelpText()).toBe(HELP_TEXT);
      expect(String(rule?.getCriteriaValues()[0])).toMatch(/INT\([A-Z]+2\).*>=1.*<=10/);
    }
    expect(ctx.batch().getRange(1, columnOf(ctx, 'photoVariations')).getDataValidation()).toBeNull();
  });

  it('colours the Status column by state', () => {
    const ctx = setUpWorld();
    runSetUp(ctx);
    const rules = statusRules(ctx);
    const colourOf = (starts: string) => rules.find((r) => r.starts === starts)?.background;
    expect(colourOf('Done')).toBe('#d9ead3');
    for (const red of ['Failed', 'Invalid', 'Duplicate', 'Missing']) expect(colourOf(red)).toBe('#f4cccc');
    for (const amber of ['Queued', 'Fetching', 'Analyzing', 'Generating'])
      expect(colourOf(amber)).toBe('#fff2cc');
    for (const grey of ['Paused', 'Cancelled']) expect(colourOf(grey)).toBe('#efefef');
    expect(new Set(rules.flatMap((r) => r.ranges))).toEqual(new Set(['F2:F1000']));
  });

  it('changes nothing when run a second time', () => {
    const ctx = setUpWorld();
    runSetUp(ctx);
    const before = ctx.state();
    runSetUp(ctx);
    expect(ctx.state()).toBe(before);
    expect(ctx.toasts().at(-1)?.message).toBe('The Batch sheet was already set up; nothing was changed.');
  });
});

describe('Set up sheet on a messy Batch sheet', () => {
  /** Jenny's own sheet: columns moved, some missing, two of her own, data and formatting in place. */
  function messy() {
    const ctx = setUpWorld();
    const sheet = ctx.spreadsheet.insertSheet('Batch');
    sheet
      .getRange(1, 1, 1, 6)
      .setValues([['Status', 'Campaign', 'Link', 'PRODUCT DESCRIPTION', ' product photo', 'My notes']]);
    sheet.getRange(1, 2).setNote('Which launch this is for');
    sheet.getRange(2, 1, 4, 6).setValues([
      ['Done', 'Spring', POST_A, DESCRIPTION, PHOTO, 'best one'],
      ['', 'Spring', POST_B, '=1+1', PHOTO, ''],
      ['', 'Summer', POST_A, DESCRIPTION, '', 'copy of row 2'],
      ['', 'Summer', '', '', '', 'just a note'],
    ]);
    sheet.setColumnWidth(3, 400);
    sheet.setConditionalFormatRules([
      ctx.app
        .newConditionalFormatRule()
        .whenTextEqualTo('Summer')
        .setBackground('#0000ff')
        .setRanges([sheet.getRange('B2:B100')])
        .build(),
    ]);
    return ctx;
  }

  it('keeps every cell Jenny filled, adds the missing columns after hers, and checks the rows', () => {
    const ctx = messy();
    const sheet = ctx.batch();
    const theirs = () => sheet.getRange(1, 2, 5, 5);
    const before = { values: theirs().getValues(), formulas: theirs().getFormulas() };
    expect(before.formulas[2]?.[2]).toBe('=1+1');
    runSetUp(ctx);

    expect({ values: theirs().getValues(), formulas: theirs().getFormulas() }).toEqual(before);
    expect(sheet.getRange(1, 1, 1, 11).getValues()[0]).toEqual([
      'Status',
      'Campaign',
      'Link',
      'PRODUCT DESCRIPTION',
      ' product photo',
      'My notes',
      'Photo variations',
      'Text variations',
      'Output',
      'Error',
      'Row id',
    ]);
    expect(sheet.isColumnHiddenByUser(11)).toBe(true);
    expect(sheet.getColumnWidth(3)).toBe(400); // her width
    expect(sheet.getColumnWidth(9)).toBe(220); // a column this run added
    expect(sheet.getRange(1, 2).getNote()).toBe('Which launch this is for');
    expect(sheet.getRange(1, 3).getNote()).toBe(COLUMNS[0]?.note);
    expect(sheet.getFrozenRows()).toBe(1);

    // The Status cells the check owns are filled in; a batch's "Done" stays.
    expect(sheet.getRange(2, 1, 4, 1).getValues().flat()).toEqual([
      'Done',
      'Ready',
      'Duplicate of row 2: the same TikTok post is already there, so this row is skipped.',
      '',
    ]);
    expect(ctx.toasts().at(-1)?.message).toBe(
      'Added the missing columns: Photo variations, Text variations, Output, Error, Row id. Nothing you typed was changed. 2 row statuses were brought up to date.',
    );
  });

  it('keeps her own conditional rule, puts the colours on the Status column wherever it is, and is idempotent', () => {
    const ctx = messy();
    runSetUp(ctx);
    const rules = statusRules(ctx);
    expect(rules.filter((r) => r.starts === 'Summer')).toEqual([
      { starts: 'Summer', background: '#0000ff', ranges: ['B2:B100'] },
    ]);
    expect(rules.filter((r) => r.starts === 'Done')).toEqual([
      { starts: 'Done', background: '#d9ead3', ranges: ['A2:A1000'] },
    ]);
    const before = ctx.state();
    runSetUp(ctx);
    expect(ctx.state()).toBe(before);
  });

  it('repairs a deleted column and follows a moved Status column', () => {
    const ctx = setUpWorld();
    runSetUp(ctx);
    const sheet = ctx.batch();
    sheet.getRange(2, 1, 1, 3).setValues([[POST_A, PHOTO, DESCRIPTION]]);
    sheet.deleteColumn(columnOf(ctx, 'output'));
    // Jenny moves Status to the front: a new column A, the old Status column deleted.
    const statusColumn = columnOf(ctx, 'status');
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1).setValue('Status');
    sheet.deleteColumn(statusColumn + 1);
    runSetUp(ctx);

    expect(columnOf(ctx, 'status')).toBe(1);
    // Output was deleted, so 8 columns are left; it comes back after the last one.
    expect(columnOf(ctx, 'output')).toBe(HEADERS.length);
    expect(sheet.getRange(2, 1).getValue()).toBe('Ready');
    expect(sheet.getRange(2, 2, 1, 3).getValues()[0]).toEqual([POST_A, PHOTO, DESCRIPTION]);
    const doneRules = statusRules(ctx).filter((r) => r.starts === 'Done');
    expect(doneRules).toEqual([{ starts: 'Done', background: '#d9ead3', ranges: ['A2:A1000'] }]);
    const before = ctx.state();
    runSetUp(ctx);
    expect(ctx.state()).toBe(before);
  });

  it('keeps a header row of her own names as the header row', () => {
    const ctx = setUpWorld();
    const sheet = ctx.spreadsheet.insertSheet('Batch');
    sheet.getRange(1, 1, 2, 2).setValues([
      ['TikTok URL', 'Notes'],
      [POST_A, 'first'],
    ]);
    runSetUp(ctx);
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['TikTok URL', 'Notes'],
      [POST_A, 'first'],
    ]);
    expect(sheet.getRange(1, 3, 1, HEADERS.length).getValues()[0]).toEqual(HEADERS);
  });

  it('puts the headers in a new row above data that starts in row 1', () => {
    const ctx = setUpWorld();
    const sheet = ctx.spreadsheet.insertSheet('Batch');
    sheet.getRange(1, 1, 2, 1).setValues([[POST_A], [POST_B]]);
    runSetUp(ctx);
    expect(sheet.getRange(1, 1, 3, 1).getValues().flat()).toEqual(['', POST_A, POST_B]);
    expect(sheet.getRange(1, 2, 1, HEADERS.length).getValues()[0]).toEqual(HEADERS);
    expect(ctx.toasts().at(-1)?.message).toMatch(/^Added a header row above your data/);
  });
});
