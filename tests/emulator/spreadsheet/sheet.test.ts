import { setup } from './setup';

/** Gives row r a value, note, format, validation and rich text link, so moves can be checked. */
function decorate(ctx: ReturnType<typeof setup>, row: number, tag: string) {
  const { app, sheet } = ctx;
  sheet.getRange(row, 1).setValue(tag).setNote(`note ${tag}`).setBackground('#00ff00').setNumberFormat('@');
  sheet.getRange(row, 2).setDataValidation(app.newDataValidation().requireValueInList([tag]).build());
  sheet
    .getRange(row, 3)
    .setRichTextValue(app.newRichTextValue().setText(tag).setLinkUrl(`https://${tag}.test`).build());
  sheet.getRange(row, 4).setFormula(`=HYPERLINK("https://f.test","${tag}")`);
}

function attributesOf(ctx: ReturnType<typeof setup>, row: number) {
  const { sheet } = ctx;
  return {
    value: sheet.getRange(row, 1).getValue(),
    note: sheet.getRange(row, 1).getNote(),
    background: sheet.getRange(row, 1).getBackground(),
    format: sheet.getRange(row, 1).getNumberFormat(),
    validation: sheet.getRange(row, 2).getDataValidation()?.getCriteriaValues() ?? null,
    link: sheet.getRange(row, 3).getRichTextValue()?.getLinkUrl() ?? null,
    formula: sheet.getRange(row, 4).getFormula(),
  };
}

describe('Sheet basics', () => {
  it('has 1000 rows and 26 columns and nothing in them', () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('tracks the last row and column with content (not formats or notes)', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setValue('x');
    sheet.getRange('F9').setNote('note only').setBackground('red');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  it('renames, refusing a name in use (ignoring case)', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Jobs');
    expect(() => sheet.setName('jobs')).toThrow(
      'A sheet with the name "jobs" already exists. Please enter another name.',
    );
    sheet.setName('Main');
    expect(ss.getSheetByName('Main')?.getSheetId()).toBe(sheet.getSheetId());
  });

  it('gives the first sheet id 0 and others distinct ids', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Two');
    expect(sheet.getSheetId()).toBe(0);
    expect(other.getSheetId()).not.toBe(0);
    expect(other.getIndex()).toBe(2);
    expect(other.getParent().getId()).toBe(ss.getId());
  });
});

describe('Sheet.getRange', () => {
  it('reads A1 notation, whole columns and rows', () => {
    const { sheet } = setup();
    expect(sheet.getRange('B2:C3').getNumRows()).toBe(2);
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A1:B1000');
    expect(sheet.getRange('2:3').getA1Notation()).toBe('A2:Z3');
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(sheet.getRange('Sheet1!$A$1').getA1Notation()).toBe('A1');
  });

  it.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1000, 1, 2], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 26, 1, 2], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%p) throws %p', (args, message) => {
    const { sheet } = setup();
    const [r, c, nr, nc] = args as [number, number, number?, number?];
    expect(() => sheet.getRange(r, c, nr, nc)).toThrow(message);
  });

  it('rejects arguments that are not numbers with the signature error', () => {
    const { sheet } = setup();
    const getRange = sheet.getRange.bind(sheet) as (...a: unknown[]) => unknown;
    expect(() => getRange('1', 2)).toThrow(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => getRange(1, undefined)).toThrow('(number,null)');
  });

  it('rejects bad A1 notation', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('nonsense')).toThrow('Range not found');
    expect(() => sheet.getRange('Other!A1')).toThrow('Range not found');
    expect(() => sheet.getRange('A1001')).toThrow('outside the dimensions of the sheet');
  });
});

describe('Sheet rows', () => {
  it('appendRow writes after the last row with content, parsing input', () => {
    const { sheet } = setup();
    sheet.appendRow(['id', 'name']);
    sheet.appendRow([1, '=HYPERLINK("https://x.test","x")', "'007"]);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['id', 'name', ''],
      [1, 'x', '007'],
    ]);
    expect(sheet.getLastRow()).toBe(2);
  });

  it('appendRow grows a full sheet', () => {
    const { store, app } = setup();
    store.create({ id: 'small', rows: 2, columns: 2 });
    const sheet = app.openById('small').getSheets()[0]!;
    sheet.appendRow(['a']);
    sheet.appendRow(['b']);
    sheet.appendRow(['c', 'd', 'e']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([3, 3]);
    expect(sheet.getRange('A3:C3').getValues()).toEqual([['c', 'd', 'e']]);
  });

  it('insertRowsAfter moves every attribute of the rows below', () => {
    const ctx = setup();
    decorate(ctx, 2, 'two');
    const before = attributesOf(ctx, 2);
    ctx.sheet.insertRowsAfter(1, 3);
    expect(attributesOf(ctx, 5)).toEqual(before);
    expect(attributesOf(ctx, 2).value).toBe('');
    expect(attributesOf(ctx, 2).note).toBe('');
    expect(ctx.sheet.getMaxRows()).toBe(1003);
  });

  it('insertRowBefore and insertRowAfter add one row', () => {
    const ctx = setup();
    ctx.sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    ctx.sheet.insertRowBefore(1);
    ctx.sheet.insertRowAfter(2);
    expect(ctx.sheet.getRange('A1:A4').getValues().flat()).toEqual(['', 'a', '', 'b']);
  });

  it('deleteRows moves rows below up with their attributes and shrinks the sheet', () => {
    const ctx = setup();
    decorate(ctx, 5, 'five');
    const before = attributesOf(ctx, 5);
    ctx.sheet.deleteRows(2, 2);
    expect(attributesOf(ctx, 3)).toEqual(before);
    expect(ctx.sheet.getMaxRows()).toBe(998);
    ctx.sheet.deleteRow(3);
    expect(attributesOf(ctx, 3).value).toBe('');
  });

  it('refuses to delete rows out of bounds or every non-frozen row', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(0, 1)).toThrow('Those rows are out of bounds.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.deleteRows(2, 998);
    expect(sheet.getMaxRows()).toBe(2);
  });

  it('keeps frozen rows in step with inserts and deletes above them', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(2);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getFrozenRows()).toBe(4);
    sheet.insertRowsAfter(4, 1);
    expect(sheet.getFrozenRows()).toBe(4);
    sheet.deleteRows(1, 3);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(() => sheet.setFrozenRows(sheet.getMaxRows())).toThrow(
      "You can't freeze all visible rows on the sheet.",
    );
  });
});

describe('Sheet columns', () => {
  it('insertColumnAfter moves cells, widths and hidden flags right', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setValue('b').setNote('nb');
    sheet.setColumnWidth(2, 250);
    sheet.hideColumns(2);
    sheet.insertColumnAfter(1);
    expect([sheet.getRange('C1').getValue(), sheet.getRange('C1').getNote()]).toEqual(['b', 'nb']);
    expect([sheet.getColumnWidth(3), sheet.isColumnHiddenByUser(3)]).toEqual([250, true]);
    expect([sheet.getColumnWidth(2), sheet.isColumnHiddenByUser(2)]).toEqual([100, false]);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  it('insertColumnsBefore and deleteColumns shift cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnsBefore(2, 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    sheet.deleteColumns(2, 2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 'b', 'c']]);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.deleteColumns(1, 26)).toThrow(
      'Sorry, it is not possible to delete all non-frozen columns.',
    );
  });

  it('hides and shows columns', () => {
    const { sheet } = setup();
    sheet.hideColumns(3, 2);
    expect([3, 4, 5].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([true, true, false]);
    sheet.showColumns(3);
    expect([3, 4].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true]);
    sheet.unhideColumn(sheet.getRange('D1'));
    expect(sheet.isColumnHiddenByUser(4)).toBe(false);
    expect(() => sheet.hideColumns(27)).toThrow('Those columns are out of bounds.');
  });

  it('sets column widths', () => {
    const { sheet } = setup();
    sheet.setColumnWidths(1, 3, 40);
    expect([1, 2, 3, 4].map((c) => sheet.getColumnWidth(c))).toEqual([40, 40, 40, 100]);
    expect(() => sheet.getColumnWidth(0)).toThrow('Those columns are out of bounds.');
  });
});

describe('Sheet.sort', () => {
  it('sorts the rows below the frozen header, moving whole rows', () => {
    const ctx = setup();
    const { sheet } = ctx;
    sheet.getRange('A1:B4').setValues([
      ['name', 'score'],
      ['c', 3],
      ['a', 1],
      ['b', 2],
    ]);
    sheet.getRange('Z3').setNote('with a');
    sheet.setFrozenRows(1);
    sheet.sort(2, false);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['name', 'c', 'b', 'a']);
    expect(sheet.getRange('Z4').getNote()).toBe('with a');
    sheet.sort(1);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['name', 'a', 'b', 'c']);
  });
});

describe('Sheet conditional format rules', () => {
  it('stores rules and reads their ranges and conditions back', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenTextStartsWith('ERROR')
      .setBackground('#F4CCCC')
      .setRanges([sheet.getRange('C2:C100')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [read] = sheet.getConditionalFormatRules();
    expect(read?.getRanges().map((r) => r.getA1Notation())).toEqual(['C2:C100']);
    expect(read?.getBooleanCondition().getCriteriaType()).toBe('TEXT_STARTS_WITH');
    expect(read?.getBooleanCondition().getCriteriaValues()).toEqual(['ERROR']);
    expect(read?.getBooleanCondition().getBackground()).toBe('#f4cccc');
  });

  it('moves rule ranges with inserted and deleted rows, dropping rules left without cells', () => {
    const { app, sheet } = setup();
    const rule = (a1: string) =>
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setRanges([sheet.getRange(a1)])
        .build();
    sheet.setConditionalFormatRules([rule('A5:A10'), rule('B2:B2')]);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getConditionalFormatRules().map((r) => r.getRanges()[0]?.getA1Notation())).toEqual([
      'A7:A12',
      'B4',
    ]);
    sheet.deleteRows(4, 4);
    expect(sheet.getConditionalFormatRules().map((r) => r.getRanges()[0]?.getA1Notation())).toEqual([
      'A4:A8',
    ]);
  });

  it('refuses ranges on another sheet', () => {
    const { app, ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([other.getRange('A1')])
      .build();
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow('different sheet');
  });

  it('clears all rules', () => {
    const { app, sheet } = setup();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setRanges([sheet.getRange('A1')])
        .build(),
    ]);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });
});

describe('Sheet visibility, clearing and selection', () => {
  it('hides and shows sheets, never the last visible one', () => {
    const { ss, sheet } = setup();
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const other = ss.insertSheet('Other');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
  });

  it('clear removes contents and formats, clearContents only contents', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x').setBackground('red').setNote('kept');
    sheet.clearContents();
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getBackground()]).toEqual(['', '#ff0000']);
    sheet.getRange('A1').setValue('y');
    sheet.clear();
    expect([
      sheet.getRange('A1').getValue(),
      sheet.getRange('A1').getBackground(),
      sheet.getRange('A1').getNote(),
    ]).toEqual(['', '#ffffff', 'kept']);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('defaults the active range to A1 and records setActiveSelection', () => {
    const { sheet } = setup();
    expect(sheet.getActiveRange().getA1Notation()).toBe('A1');
    sheet.setActiveSelection('B3:D4');
    expect(sheet.getActiveRange().getA1Notation()).toBe('B3:D4');
    expect(sheet.getActiveCell().getA1Notation()).toBe('B3');
    sheet.setActiveRange(sheet.getRange('C1'));
    expect(sheet.getActiveRange().getA1Notation()).toBe('C1');
  });

  it('adds and finds developer metadata on the sheet', () => {
    const { ss, sheet } = setup();
    sheet.addDeveloperMetadata('batch', 'v1');
    ss.insertSheet('Other').addDeveloperMetadata('other');
    const found = sheet.getDeveloperMetadata();
    expect(found.map((m) => [m.getKey(), m.getValue(), m.getVisibility()])).toEqual([
      ['batch', 'v1', 'DOCUMENT'],
    ]);
    expect(found[0]?.getLocation().getLocationType()).toBe('SHEET');
    expect(found[0]?.getLocation().getSheet()?.getName()).toBe('Sheet1');
  });
});
