import { TestEnv } from '../../../emulator/core/env';
import {
  createSpreadsheetApp,
  SpreadsheetStore,
  type SpreadsheetStoreJson,
} from '../../../emulator/services/spreadsheet';
import { setup, SS_ID } from './setup';

/** A spreadsheet with one of everything a snapshot must keep. */
function richWorld() {
  const ctx = setup({ timeZone: 'Europe/Paris' });
  const { app, ss, sheet } = ctx;
  sheet.setName('Jobs');
  sheet.getRange('A1:D1').setValues([['name', 42, true, new Date(Date.UTC(2026, 1, 3, 4, 5, 6))]]);
  sheet.getRange('E1').setValue(NaN);
  sheet.getRange('A2').setFormula('=HYPERLINK("https://x.test","X")');
  sheet.getRange('A3').setNote('a note').setNumberFormat('@').setBackground('#abcdef').setFontWeight('bold');
  sheet.getRange('A3').setValue('=kept as text');
  sheet.getRange('B2').setDataValidation(
    app
      .newDataValidation()
      .requireDateAfter(new Date(Date.UTC(2020, 0, 1)))
      .setHelpText('h')
      .build(),
  );
  sheet
    .getRange('C2')
    .setRichTextValue(app.newRichTextValue().setText('link here').setLinkUrl(5, 9, 'https://l.test').build());
  sheet.setFrozenRows(1);
  sheet.hideColumns(6);
  sheet.setColumnWidth(2, 321);
  sheet.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenNumberBetween(1, 2)
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('B2:B9')])
      .build(),
  ]);
  sheet.addDeveloperMetadata('k', 'v');
  const other = ss.insertSheet('Other');
  other.hideSheet();
  sheet.getRange('B3:C4').activate();
  return ctx;
}

function observe(store: SpreadsheetStore) {
  const app = createSpreadsheetApp(new TestEnv({ spreadsheetId: SS_ID }), store);
  const ss = app.openById(SS_ID);
  const sheet = ss.getSheetByName('Jobs')!;
  const rule = sheet.getConditionalFormatRules()[0];
  return {
    name: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    sheets: ss.getSheets().map((s) => [s.getName(), s.getSheetId(), s.isSheetHidden()]),
    values: sheet.getRange('A1:E3').getValues(),
    display: sheet.getRange('A1:E3').getDisplayValues(),
    formulas: sheet.getRange('A1:E3').getFormulas(),
    note: sheet.getRange('A3').getNote(),
    formats: [
      sheet.getRange('A3').getNumberFormat(),
      sheet.getRange('A3').getBackground(),
      sheet.getRange('A3').getFontWeight(),
    ],
    validation: [
      sheet.getRange('B2').getDataValidation()?.getCriteriaType(),
      sheet.getRange('B2').getDataValidation()?.getCriteriaValues(),
      sheet.getRange('B2').getDataValidation()?.getHelpText(),
    ],
    link: sheet.getRange('C2').getRichTextValue()?.getLinkUrl(5, 9),
    frozen: sheet.getFrozenRows(),
    hidden: sheet.isColumnHiddenByUser(6),
    width: sheet.getColumnWidth(2),
    rule: [rule?.getRanges().map((r) => r.getA1Notation()), rule?.getBooleanCondition().getCriteriaValues()],
    metadata: sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()]),
    active: [ss.getActiveSheet().getName(), ss.getActiveRange().getA1Notation()],
  };
}

describe('SpreadsheetStore snapshots', () => {
  it('round-trips everything through JSON text', () => {
    const { store } = richWorld();
    const json = JSON.parse(JSON.stringify(store.toJSON())) as SpreadsheetStoreJson;
    const restored = SpreadsheetStore.fromJSON(json);
    expect(observe(restored)).toEqual(observe(store));
  });

  it('keeps the restored world independent of the original', () => {
    const { store, sheet } = richWorld();
    const restored = SpreadsheetStore.fromJSON(store.toJSON());
    sheet.getRange('A1').setValue('changed');
    expect(observe(restored).values[0]?.[0]).toBe('name');
  });

  it('keeps new sheet ids unique after a reload', () => {
    const { store } = richWorld();
    const restored = SpreadsheetStore.fromJSON(
      JSON.parse(JSON.stringify(store.toJSON())) as SpreadsheetStoreJson,
    );
    const app = createSpreadsheetApp(new TestEnv({ spreadsheetId: SS_ID }), restored);
    const ss = app.openById(SS_ID);
    const ids = [...ss.getSheets().map((s) => s.getSheetId()), ss.insertSheet('Third').getSheetId()];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stores cells sparsely', () => {
    const { store, sheet } = setup();
    sheet.getRange('Z1000').setValue(1);
    sheet.getRange('A1').setValue('x');
    sheet.getRange('A1').clearContent();
    expect(store.toJSON().spreadsheets[0]?.sheets[0]?.cells).toEqual([{ row: 1000, column: 26, value: 1 }]);
  });

  it('reports the active sheet and selection', () => {
    const { store, ss } = setup();
    expect(store.activeSelection(SS_ID)).toEqual({ sheetName: 'Sheet1', a1: 'A1' });
    ss.insertSheet('Jobs').getRange('B2:C3').activate();
    expect(store.activeSelection(SS_ID)).toEqual({ sheetName: 'Jobs', a1: 'B2:C3' });
    expect(store.activeSelection('unknown')).toBeNull();
  });

  it('rejects an unknown snapshot version', () => {
    expect(() => SpreadsheetStore.fromJSON({ version: 2 } as unknown as SpreadsheetStoreJson)).toThrow(
      'version',
    );
  });

  it('lists, creates and removes spreadsheets', () => {
    const store = new SpreadsheetStore();
    store.create({ id: 'a' });
    store.create({ id: 'b', name: 'B', sheetName: 'Data' });
    expect(store.ids()).toEqual(['a', 'b']);
    expect(store.get('b')?.sheets[0]?.name).toBe('Data');
    expect(() => store.create({ id: 'a' })).toThrow('already exists');
    expect(store.remove('a')).toBe(true);
    expect(store.ids()).toEqual(['b']);
  });
});
