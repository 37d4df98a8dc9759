import { setup } from './setup';

describe('Range format grids and font settings', () => {
  it('sets formats per cell from grids', () => {
    const { sheet } = setup();
    const range = sheet
      .getRange('A1:B1')
      .setFontWeights([['bold', null]])
      .setFontColors([['#FF0000', 'blue']])
      .setWraps([[true, false]])
      .setHorizontalAlignments([['right', 'left']]);
    expect(range.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(range.getFontColors()).toEqual([['#ff0000', '#0000ff']]);
    expect(range.getWraps()).toEqual([[true, false]]);
    expect(range.getHorizontalAlignments()).toEqual([['right', 'left']]);
  });

  it('keeps font style, size, family, vertical alignment and wrap strategy', () => {
    const { sheet } = setup();
    const cell = sheet
      .getRange('A1')
      .setFontStyle('italic')
      .setFontSize(14)
      .setFontFamily('Roboto')
      .setVerticalAlignment('top')
      .setWrapStrategy('CLIP');
    expect([
      cell.getFontStyle(),
      cell.getFontSize(),
      cell.getFontFamily(),
      cell.getVerticalAlignment(),
      cell.getWrapStrategy(),
      cell.getWrap(),
    ]).toEqual(['italic', 14, 'Roboto', 'top', 'CLIP', false]);
    const plain = sheet.getRange('B1');
    expect([
      plain.getFontStyle(),
      plain.getFontSize(),
      plain.getFontFamily(),
      plain.getVerticalAlignment(),
    ]).toEqual(['normal', 10, 'Arial', 'bottom']);
  });

  it('clearFormat, clearNote and clearDataValidations clear one thing each', () => {
    const { app, sheet } = setup();
    const cell = sheet.getRange('A1').setValue('v').setNote('n').setBackground('red');
    cell.setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    cell.clearFormat();
    expect([cell.getBackground(), cell.getNote()]).toEqual(['#ffffff', 'n']);
    cell.clearNote();
    expect([cell.getNote(), cell.getDataValidation()?.getCriteriaType()]).toEqual([
      '',
      'TEXT_IS_VALID_EMAIL',
    ]);
    cell.clearDataValidations();
    expect([cell.getDataValidation(), cell.getValue()]).toEqual([null, 'v']);
  });
});

describe('Sheet column and clearing helpers', () => {
  it('insertColumnsAfter, deleteColumn and insertRows shift cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['a', '', '', 'b']]);
    sheet.deleteColumn(2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', '', 'b']]);
    sheet.insertRows(2, 2);
    expect(sheet.getRange('A4').getValue()).toBe('c');
    expect(sheet.getSheetValues(4, 1, 1, 3)).toEqual([['c', '', 'd']]);
  });

  it('refuses to insert rows or columns at positions outside the sheet', () => {
    const { sheet } = setup();
    expect(() => sheet.insertRowsAfter(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRowsBefore(1, 0)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertColumnsAfter(27, 1)).toThrow('Those columns are out of bounds.');
  });

  it('freezes columns, keeping them in step with inserted columns', () => {
    const { sheet } = setup();
    sheet.setFrozenColumns(1);
    sheet.insertColumnBefore(1);
    expect(sheet.getFrozenColumns()).toBe(2);
    expect(() => sheet.setFrozenColumns(27)).toThrow("You can't freeze all visible columns on the sheet.");
  });

  it('hides a column given as a range and checks autoResizeColumns bounds', () => {
    const { sheet } = setup();
    sheet.hideColumn(sheet.getRange('B1:C1'));
    expect([sheet.isColumnHiddenByUser(2), sheet.isColumnHiddenByUser(3)]).toEqual([true, true]);
    sheet.setColumnWidth(1, 55).autoResizeColumns(1, 2);
    expect(sheet.getColumnWidth(1)).toBe(55);
    expect(() => sheet.autoResizeColumns(26, 2)).toThrow('Those columns are out of bounds.');
  });

  it('clearFormats and clearNotes leave values', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(1).setBackground('red').setNote('n');
    sheet.clearFormats();
    sheet.clearNotes();
    const cell = sheet.getRange('A1');
    expect([cell.getValue(), cell.getBackground(), cell.getNote()]).toEqual([1, '#ffffff', '']);
  });
});

describe('Developer metadata details', () => {
  it('changes key and visibility and finds by value, id and visibility', () => {
    const { ss } = setup();
    ss.addDeveloperMetadata('a', 'one');
    ss.addDeveloperMetadata('b', 'two', 'PROJECT');
    const [a] = ss.getDeveloperMetadata();
    a?.setKey('renamed').setVisibility('PROJECT');
    const finder = () => ss.createDeveloperMetadataFinder();
    expect(finder().withValue('one').find()[0]?.getKey()).toBe('renamed');
    expect(finder().withId(a!.getId()).find()).toHaveLength(1);
    expect(finder().withVisibility('PROJECT').find()).toHaveLength(2);
    expect(() => a?.setVisibility('EVERYONE')).toThrow('Invalid argument: visibility');
  });
});

describe('Menus and selection details', () => {
  it('keeps an add-on menu and a custom menu with the same title apart', () => {
    const { app, store } = setup({ addonMenuTitle: 'Tools' });
    app.getUi().createMenu('Tools').addItem('a', 'a').addToUi();
    app.getUi().createAddonMenu().addItem('b', 'b').addToUi();
    expect(store.ui('ss-bound').menus.map((m) => [m.title, m.addon])).toEqual([
      ['Tools', false],
      ['Tools', true],
    ]);
  });

  it('gives the top-left cell of the selection as the active cell', () => {
    const { ss } = setup();
    ss.setActiveSelection('C4:D9');
    expect(ss.getActiveCell().getA1Notation()).toBe('C4');
    expect(ss.getCurrentCell().getA1Notation()).toBe('C4');
  });

  it('drops a selection that no longer fits after rows are deleted', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A999:A1000').activate();
    sheet.deleteRows(1, 10);
    expect(ss.getActiveRange().getA1Notation()).toBe('A1');
  });
});
