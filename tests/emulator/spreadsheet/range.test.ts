import { GasError } from '../../../emulator/core/env';
import { setup } from './setup';

describe('Range values', () => {
  it('reads empty cells as empty strings', () => {
    const { sheet } = setup();
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('C3').getValue()).toBe('');
  });

  it('parses strings set with setValues as typed input', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:E1');
    range.setValues([['123', 'TRUE', "'=1+1", 'text', '=HYPERLINK("https://x.test","Open")']]);
    expect(range.getValues()).toEqual([[123, true, '=1+1', 'text', 'Open']]);
    expect(range.getFormulas()).toEqual([['', '', '', '', '=HYPERLINK("https://x.test","Open")']]);
  });

  it('stores formula-looking text verbatim in a plain-text column', () => {
    const { sheet } = setup();
    const column = sheet.getRange('B1:B3');
    column.setNumberFormat('@');
    column.setValues([['=IMPORTXML("http://evil")'], ['+A1'], ['0012']]);
    expect(column.getValues()).toEqual([['=IMPORTXML("http://evil")'], ['+A1'], ['0012']]);
    expect(column.getFormulas()).toEqual([[''], [''], ['']]);
  });

  it('turns typed +/- text into a formula outside plain-text cells', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setValue('-2+3');
    expect(cell.getFormula()).toBe('=-2+3');
    expect(cell.getValue()).toBe('#NAME?');
  });

  it('stores numbers, booleans and dates set directly as they are', () => {
    const { sheet } = setup();
    const when = new Date(Date.UTC(2026, 3, 1, 8, 30));
    sheet.getRange('A1:C1').setValues([[7, false, when]]);
    const [[n, b, d]] = sheet.getRange('A1:C1').getValues() as [[number, boolean, Date]];
    expect(n).toBe(7);
    expect(b).toBe(false);
    expect(d).toEqual(when);
    d.setFullYear(1999);
    expect(sheet.getRange('C1').getValue()).toEqual(when);
  });

  it('setValue fills every cell of the range', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('rejects data with the wrong number of rows', () => {
    const { sheet } = setup();
    const act = () => sheet.getRange(1, 1, 3, 1).setValues([['a'], ['b']]);
    expect(act).toThrow(GasError);
    expect(act).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('rejects data with the wrong number of columns', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 3).setValues([['a', 'b']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('rejects data that is not a 2D array', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValues(['a'] as unknown as unknown[][])).toThrow(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('clearContent empties values and formulas but keeps notes and formats', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setValue('=A2').setNote('n').setBackground('#ff0000');
    cell.clearContent();
    expect([cell.getValue(), cell.getFormula(), cell.getNote(), cell.getBackground()]).toEqual([
      '',
      '',
      'n',
      '#ff0000',
    ]);
  });

  it('clear() removes contents, formats, notes and validations', () => {
    const { app, sheet } = setup();
    const cell = sheet.getRange('A1').setValue(1).setNote('n').setBackground('red');
    cell.setDataValidation(app.newDataValidation().requireNumberBetween(1, 2).build());
    cell.clear();
    expect([cell.getValue(), cell.getNote(), cell.getBackground(), cell.getDataValidation()]).toEqual([
      '',
      '',
      '#ffffff',
      null,
    ]);
  });

  it('clear(options) clears only what the options name', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setValue(1).setNote('n').setBackground('red');
    cell.clear({ formatOnly: true });
    expect([cell.getValue(), cell.getNote(), cell.getBackground()]).toEqual([1, 'n', '#ffffff']);
  });

  it('isBlank is true only when no cell has content', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B2');
    sheet.getRange('B2').setNote('only a note');
    expect(range.isBlank()).toBe(true);
    sheet.getRange('B2').setValue(0);
    expect(range.isBlank()).toBe(false);
  });
});

describe('Range display values', () => {
  it('formats numbers with the cell number format', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C1');
    range.setValues([[0.5, 1234.5, 3]]);
    range.setNumberFormats([['0%', '#,##0.00', '0.00']]);
    expect(range.getDisplayValues()).toEqual([['50%', '1,234.50', '3.00']]);
    expect(range.getNumberFormats()).toEqual([['0%', '#,##0.00', '0.00']]);
  });

  it('shows dates in the spreadsheet time zone', () => {
    const { sheet } = setup({ timeZone: 'Asia/Tokyo' });
    sheet.getRange('A1').setValue(new Date(Date.UTC(2026, 0, 1, 20, 0, 0)));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-01-02 05:00:00');
  });

  it('reports the automatic number format for unformatted cells', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});

describe('Range formulas', () => {
  it('setFormula stores a formula even in a plain-text cell', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setNumberFormat('@').setFormula('=HYPERLINK("https://a.test","Go")');
    expect(cell.getFormula()).toBe('=HYPERLINK("https://a.test","Go")');
    expect(cell.getValue()).toBe('Go');
  });

  it('setFormulas checks dimensions and writes each cell', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1').setFormulas([['="a"', '=5']]);
    expect(range.getValues()).toEqual([['a', 5]]);
    expect(() => range.setFormulas([['=1']])).toThrow('The data has 1 but the range has 2.');
  });

  it('setValue replaces a formula with a value', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setFormula('=1');
    cell.setValue('plain');
    expect([cell.getFormula(), cell.getValue()]).toEqual(['', 'plain']);
  });
});

describe('Range notes and formats', () => {
  it('sets and reads notes; an empty note removes it', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1').setNotes([['one', null]]);
    expect(range.getNotes()).toEqual([['one', '']]);
    range.setNote('');
    expect(range.getNote()).toBe('');
  });

  it('keeps formats readable, with defaults for untouched cells', () => {
    const { sheet } = setup();
    const cell = sheet
      .getRange('A1')
      .setFontWeight('bold')
      .setFontColor('#ABC')
      .setWrap(true)
      .setHorizontalAlignment('center')
      .setBackground('yellow');
    expect([
      cell.getFontWeight(),
      cell.getFontColor(),
      cell.getWrap(),
      cell.getWrapStrategy(),
      cell.getHorizontalAlignment(),
      cell.getBackground(),
    ]).toEqual(['bold', '#aabbcc', true, 'WRAP', 'center', '#ffff00']);
    const other = sheet.getRange('B1');
    expect([other.getFontWeight(), other.getFontColor(), other.getWrap(), other.getBackground()]).toEqual([
      'normal',
      '#000000',
      false,
      '#ffffff',
    ]);
  });

  it('resets a format with null', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setBackground('#123456');
    cell.setBackground(null);
    expect(cell.getBackground()).toBe('#ffffff');
  });

  it('sets backgrounds per cell', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1').setBackgrounds([['#ff0000', null]]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    range.setBackgroundRGB(0, 128, 255);
    expect(range.getBackground()).toBe('#0080ff');
  });
});

describe('Range data validation', () => {
  it('stores a rule per cell and reads it back', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['Yes', 'No'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('A1:A2').setDataValidation(rule);
    const read = sheet.getRange('A2').getDataValidation();
    expect(read?.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(read?.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    expect(read?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('A3').getDataValidation()).toBeNull();
  });

  it('does not enforce the rule on setValue', () => {
    const { app, sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setDataValidation(
      app.newDataValidation().requireValueInList(['Yes']).setAllowInvalid(false).build(),
    );
    cell.setValue('Maybe');
    expect(cell.getValue()).toBe('Maybe');
  });

  it('setDataValidations sets a grid, null clears', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).build();
    const range = sheet.getRange('A1:B1');
    range.setDataValidations([[rule, null]]);
    expect(range.getDataValidations().map((row) => row.map((r) => r?.getCriteriaType() ?? null))).toEqual([
      ['NUMBER_BETWEEN', null],
    ]);
    range.setDataValidation(null);
    expect(range.getDataValidations()).toEqual([[null, null]]);
  });
});

describe('Range checkboxes', () => {
  it('inserts unchecked checkboxes and checks them', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:A2').insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(range.getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(range.isChecked()).toBe(false);
    sheet.getRange('A1').check();
    expect(range.isChecked()).toBeNull();
    range.check();
    expect(range.isChecked()).toBe(true);
  });

  it('supports custom checked values and removes checkboxes', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').insertCheckboxes('yes', 'no');
    expect(cell.getValue()).toBe('no');
    cell.check();
    expect(cell.getValue()).toBe('yes');
    cell.removeCheckboxes();
    expect([cell.getValue(), cell.getDataValidation(), cell.isChecked()]).toEqual(['', null, null]);
  });
});

describe('Range rich text', () => {
  it('stores text with links and reads them back', () => {
    const { app, sheet } = setup();
    const value = app.newRichTextValue().setText('Open video').setLinkUrl(5, 10, 'https://v.test/1').build();
    const cell = sheet.getRange('A1').setRichTextValue(value);
    expect(cell.getValue()).toBe('Open video');
    const read = cell.getRichTextValue();
    expect(read?.getText()).toBe('Open video');
    expect(read?.getLinkUrl()).toBeNull();
    expect(read?.getLinkUrl(5, 10)).toBe('https://v.test/1');
    expect(read?.getRuns().map((r) => [r.getText(), r.getLinkUrl()])).toEqual([
      ['Open ', null],
      ['video', 'https://v.test/1'],
    ]);
  });

  it('stores rich text verbatim, never as a formula or number', () => {
    const { app, sheet } = setup();
    const cell = sheet.getRange('A1').setRichTextValue(app.newRichTextValue().setText('=1+1').build());
    expect([cell.getValue(), cell.getFormula()]).toEqual(['=1+1', '']);
  });

  it('drops links when the value changes another way', () => {
    const { app, sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setRichTextValue(app.newRichTextValue().setText('x').setLinkUrl('https://a.test').build());
    expect(cell.getRichTextValue()?.getLinkUrl()).toBe('https://a.test');
    cell.setValue('y');
    expect(cell.getRichTextValue()?.getLinkUrl()).toBeNull();
  });

  it('returns null for non-text cells and sets a grid', () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('A1:B1');
    const link = app.newRichTextValue().setText('L').setLinkUrl('https://l.test').build();
    range.setRichTextValues([[link, app.newRichTextValue().setText('plain').build()]]);
    expect(range.getRichTextValues().map((row) => row.map((v) => v?.getLinkUrl() ?? null))).toEqual([
      ['https://l.test', null],
    ]);
    sheet.getRange('B1').setValue(5);
    expect(sheet.getRange('B1').getRichTextValue()).toBeNull();
  });
});

describe('Range geometry', () => {
  it('reports its position and A1 notation', () => {
    const { sheet } = setup();
    const range = sheet.getRange(2, 3, 4, 5);
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 3, 4, 5,
    ]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([5, 7]);
    expect(range.getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange(1, 1).getA1Notation()).toBe('A1');
    expect(range.getSheet().getName()).toBe('Sheet1');
    expect(range.getGridId()).toBe(sheet.getSheetId());
  });

  it('offsets, keeping its size unless told', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B2:C3');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(range.offset(0, 0, 1).getA1Notation()).toBe('B2:C2');
    expect(range.offset(-1, -1, 1, 1).getA1Notation()).toBe('A1');
    expect(() => range.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });

  it('getCell picks a cell inside the range', () => {
    const { sheet } = setup();
    expect(sheet.getRange('B2:C3').getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => sheet.getRange('B2:C3').getCell(3, 1)).toThrow('Cell reference out of range');
  });

  it('activate records the selection and the active sheet', () => {
    const { ss } = setup();
    const other = ss.insertSheet('Other');
    ss.getSheets()[0]!.activate();
    other.getRange('B2:C4').activate();
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(ss.getActiveRange().getA1Notation()).toBe('B2:C4');
  });
});

describe('Range sort', () => {
  function fill() {
    const ctx = setup();
    ctx.sheet.getRange('A1:C5').setValues([
      ['b', 2, 'x'],
      ['', 9, 'blank'],
      ['A', 3, 'y'],
      [10, 1, 'z'],
      [true, 0, 'w'],
    ]);
    ctx.sheet.getRange('A3').setNote('note of A');
    return ctx;
  }

  it('sorts rows by a column: numbers, then text ignoring case, then booleans, blanks last', () => {
    const { sheet } = fill();
    sheet.getRange('A1:C5').sort(1);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([10, 'A', 'b', true, '']);
    expect(sheet.getRange('C1:C5').getValues().flat()).toEqual(['z', 'y', 'x', 'w', 'blank']);
    expect(sheet.getRange('A2').getNote()).toBe('note of A');
  });

  it('sorts descending and by several keys', () => {
    const { sheet } = fill();
    sheet.getRange('A1:C5').sort({ column: 2, ascending: false });
    expect(sheet.getRange('B1:B5').getValues().flat()).toEqual([9, 3, 2, 1, 0]);
  });

  it('leaves cells outside the range alone', () => {
    const { sheet } = fill();
    sheet.getRange('D1:D5').setValues([['d1'], ['d2'], ['d3'], ['d4'], ['d5']]);
    sheet.getRange('A1:C5').sort(2);
    expect(sheet.getRange('D1:D5').getValues().flat()).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
  });

  it('rejects a sort column outside the range', () => {
    const { sheet } = fill();
    expect(() => sheet.getRange('A1:C5').sort(4)).toThrow(GasError);
  });
});
