import { TestEnv } from '../../../emulator/core/env';
import { createSpreadsheetApp, SpreadsheetStore } from '../../../emulator/services/spreadsheet';
import { setup, SS_ID } from './setup';

describe('SpreadsheetApp', () => {
  it('returns the bound spreadsheet from getActive and getActiveSpreadsheet', () => {
    const { app } = setup();
    expect(app.getActiveSpreadsheet()?.getId()).toBe(SS_ID);
    expect(app.getActive()?.getName()).toBe('Batch');
  });

  it('returns null for getActiveSpreadsheet in a script bound to nothing', () => {
    const env = new TestEnv();
    const app = createSpreadsheetApp(env, new SpreadsheetStore());
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(() => app.getActiveSheet()).toThrow('no active spreadsheet');
  });

  it('follows the spreadsheet of the current execution', () => {
    const { env, store, app } = setup();
    store.create({ id: 'second', name: 'Second' });
    env.execution = { ...env.execution, spreadsheetId: 'second' };
    expect(app.getActiveSpreadsheet()?.getName()).toBe('Second');
  });

  it('opens by id and url, and fails for unknown ones', () => {
    const { app, ss } = setup();
    expect(app.openById(SS_ID).getName()).toBe('Batch');
    expect(app.openByUrl(ss.getUrl()).getId()).toBe(SS_ID);
    expect(() => app.openById('missing')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('creates spreadsheets with ids from the env and reports them', () => {
    const created: string[] = [];
    const { app } = setup({ onCreate: (s) => created.push(`${s.id}:${s.name}`) });
    const expectedId = new TestEnv().newId('spreadsheet');
    const ss = app.create('Report', 10, 4);
    expect(ss.getId()).toBe(expectedId);
    expect(created).toEqual([`${expectedId}:Report`]);
    expect([ss.getSheets()[0]?.getMaxRows(), ss.getSheets()[0]?.getMaxColumns()]).toEqual([10, 4]);
  });

  it('forwards active sheet and range shortcuts', () => {
    const { app, ss } = setup();
    const other = ss.insertSheet('Other');
    app.setActiveSheet(ss.getSheets()[0]!);
    expect(app.getActiveSheet().getName()).toBe('Sheet1');
    app.setActiveRange(other.getRange('B2'));
    expect(app.getActiveSheet().getName()).toBe('Other');
    expect(app.getActiveRange().getA1Notation()).toBe('B2');
    expect(app.getCurrentCell().getA1Notation()).toBe('B2');
  });

  it('exposes enums whose members print as their names', () => {
    const { app } = setup();
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe('VALUE_IN_LIST');
    expect(app.WrapStrategy.CLIP).toBe('CLIP');
    expect(app.BooleanCriteria.TEXT_STARTS_WITH).toBe('TEXT_STARTS_WITH');
  });
});

describe('Spreadsheet', () => {
  it('has an id, a name and a docs url', () => {
    const { ss } = setup();
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${SS_ID}/edit`);
    ss.rename('Renamed');
    expect(ss.getName()).toBe('Renamed');
  });

  it('inserts sheets by name and index, making them active', () => {
    const { ss } = setup();
    ss.insertSheet('Last');
    const first = ss.insertSheet('First', 0);
    const auto = ss.insertSheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Last', 'Sheet4']);
    expect(ss.getActiveSheet().getName()).toBe(auto.getName());
    expect(first.getMaxRows()).toBe(1000);
    expect(ss.getNumSheets()).toBe(4);
  });

  it('refuses a sheet name in use', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });

  it('finds sheets by name (ignoring case) and id, null when missing', () => {
    const { ss } = setup();
    const jobs = ss.insertSheet('Jobs');
    expect(ss.getSheetByName('Jobs')?.getSheetId()).toBe(jobs.getSheetId());
    expect(ss.getSheetByName('JOBS')?.getName()).toBe('Jobs');
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetById(jobs.getSheetId())?.getName()).toBe('Jobs');
    expect(ss.getSheetById(12345)).toBeNull();
  });

  it('deletes sheets but never the last one', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    other.addDeveloperMetadata('gone');
    ss.deleteSheet(other);
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(ss.createDeveloperMetadataFinder().withKey('gone').find()).toEqual([]);
  });

  it('reads ranges with a sheet prefix, or on the active sheet', () => {
    const { ss } = setup();
    const other = ss.insertSheet("Bob's data");
    other.getRange('B2').setValue('bob');
    ss.getSheets()[0]!.activate();
    expect(ss.getRange("'Bob''s data'!B2").getValue()).toBe('bob');
    expect(ss.getRange('B2').getSheet().getName()).toBe('Sheet1');
    expect(() => ss.getRange('Missing!A1')).toThrow('Range not found');
  });

  it('records the selection made with setActiveSelection', () => {
    const { ss, store } = setup();
    ss.insertSheet('Jobs');
    ss.setActiveSelection('Jobs!A2:C5');
    expect(ss.getActiveSheet().getName()).toBe('Jobs');
    expect(ss.getActiveRange().getA1Notation()).toBe('A2:C5');
    const data = store.get(SS_ID)!;
    expect(data.sheets.find((s) => s.name === 'Jobs')?.selection).toEqual({
      row: 2,
      column: 1,
      numRows: 4,
      numColumns: 3,
    });
  });

  it('records toasts with the env time', () => {
    const { ss, store, env } = setup();
    ss.toast('Done');
    env.time += 1000;
    ss.toast('Failed', 'Batch', -1);
    expect(store.ui(SS_ID).toasts).toEqual([
      { message: 'Done', title: '', timeoutSeconds: 5, at: env.time - 1000 },
      { message: 'Failed', title: 'Batch', timeoutSeconds: -1, at: env.time },
    ]);
  });

  it('reads and sets the time zone', () => {
    const { ss } = setup();
    expect(ss.getSpreadsheetTimeZone()).toBe('Etc/GMT');
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow('Invalid argument: timezone');
  });

  it('keeps spreadsheet-level developer metadata apart from sheet metadata', () => {
    const { ss, sheet } = setup();
    ss.addDeveloperMetadata('schema', '3');
    ss.addDeveloperMetadata('private', 'PROJECT');
    sheet.addDeveloperMetadata('onSheet', 'x');
    const top = ss.getDeveloperMetadata();
    expect(top.map((m) => [m.getKey(), m.getValue(), m.getVisibility()])).toEqual([
      ['schema', '3', 'DOCUMENT'],
      ['private', null, 'PROJECT'],
    ]);
    expect(top[0]?.getLocation().getLocationType()).toBe('SPREADSHEET');
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(3);
    top[0]?.setValue('4');
    expect(ss.createDeveloperMetadataFinder().withKey('schema').find()[0]?.getValue()).toBe('4');
    top[1]?.remove();
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['schema']);
    expect(() => top[1]?.getKey()).toThrow('removed');
  });

  it('forwards sheet shortcuts to the active sheet', () => {
    const { ss } = setup();
    ss.appendRow(['a', 'b']);
    expect([ss.getLastRow(), ss.getLastColumn(), ss.getDataRange().getA1Notation()]).toEqual([1, 2, 'A1:B1']);
    ss.setFrozenRows(1);
    expect(ss.getFrozenRows()).toBe(1);
    expect([ss.getSheetName(), ss.getSheetId()]).toEqual(['Sheet1', 0]);
  });
});
