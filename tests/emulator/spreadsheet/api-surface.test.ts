/**
 * Scripts see every public method of these classes (the runtime hides only fields and `_` helpers),
 * so each one must be a method Apps Script has, per @types/google-apps-script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as spreadsheet from '../../../emulator/services/spreadsheet';
import { setup } from './setup';

const TYPES = join(__dirname, '../../../node_modules/@types/google-apps-script');

function apiMethods(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of ['spreadsheet', 'base', 'html']) {
    const text = readFileSync(join(TYPES, `google-apps-script.${file}.d.ts`), 'utf8');
    for (const match of text.matchAll(/interface (\w+) \{([\s\S]*?)\n {8}\}/g)) {
      const methods = out.get(match[1]!) ?? new Set<string>();
      for (const m of match[2]!.matchAll(/^\s+(?:\/\*\*.*?\*\/\s*)?(\w+)\(/gm)) methods.add(m[1]!);
      out.set(match[1]!, methods);
    }
  }
  return out;
}

const CLASSES: [string, { prototype: object }][] = [
  ['SpreadsheetApp', spreadsheet.SpreadsheetApp],
  ['Spreadsheet', spreadsheet.Spreadsheet],
  ['Sheet', spreadsheet.Sheet],
  ['Range', spreadsheet.Range],
  ['DataValidation', spreadsheet.DataValidation],
  ['DataValidationBuilder', spreadsheet.DataValidationBuilder],
  ['ConditionalFormatRule', spreadsheet.ConditionalFormatRule],
  ['ConditionalFormatRuleBuilder', spreadsheet.ConditionalFormatRuleBuilder],
  ['BooleanCondition', spreadsheet.BooleanCondition],
  ['RichTextValue', spreadsheet.RichTextValue],
  ['RichTextValueBuilder', spreadsheet.RichTextValueBuilder],
  ['DeveloperMetadata', spreadsheet.DeveloperMetadata],
  ['DeveloperMetadataFinder', spreadsheet.DeveloperMetadataFinder],
  ['DeveloperMetadataLocation', spreadsheet.DeveloperMetadataLocation],
  ['Ui', spreadsheet.Ui],
  ['Menu', spreadsheet.Menu],
  ['PromptResponse', spreadsheet.PromptResponse],
  ['HtmlService', spreadsheet.HtmlService],
  ['HtmlOutput', spreadsheet.HtmlOutput],
];

describe('public surface', () => {
  const api = apiMethods();

  it.each(CLASSES)('%s exposes only Apps Script methods', (name, cls) => {
    const known = api.get(name);
    expect(known).toBeDefined();
    const exposed = Object.getOwnPropertyNames(cls.prototype).filter(
      (p) => p !== 'constructor' && !p.startsWith('_'),
    );
    expect(exposed.filter((p) => !known!.has(p))).toEqual([]);
  });

  it('keeps methods on prototypes, never as own properties of instances', () => {
    const { app, ss, sheet } = setup();
    const range = sheet.getRange('A1');
    const instances: object[] = [
      app,
      ss,
      sheet,
      range,
      app.newDataValidation(),
      app.newDataValidation().requireCheckbox().build(),
      app.newConditionalFormatRule().whenCellEmpty().setRanges([range]).build(),
      app.newRichTextValue().setText('x').build(),
      app.getUi(),
      app.getUi().createMenu('m'),
      spreadsheet.createHtmlService(() => null).createHtmlOutput('x'),
    ];
    for (const instance of instances) {
      const ownFunctions = Object.entries(instance).filter(([, v]) => typeof v === 'function');
      expect(ownFunctions.map(([k]) => `${instance.constructor.name}.${k}`)).toEqual([]);
    }
  });
});
