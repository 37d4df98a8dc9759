/**
 * Data validation on the Photo and Text variations columns: a whole number from 1 to 10, or empty for
 * the sidebar's number. Sheets rejects anything else as Jenny types it, with the help text shown, which
 * beats a Status complaint later; values already in the cells are kept as they are (the row check flags
 * them). A custom formula, because Apps Script's number rules accept 2.5.
 */
import { MAX_VARIATIONS, MIN_VARIATIONS } from '../../shared/row-check';

export const VARIATION_HELP_TEXT = `${MIN_VARIATIONS} to ${MAX_VARIATIONS}, or empty for the sidebar's choice`;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function applyVariationRules(sheet: Sheet, columns: readonly number[]): void {
  for (const column of columns) {
    const cell = `${columnLetter(column)}2`;
    const rule = SpreadsheetApp.newDataValidation()
      .requireFormulaSatisfied(
        `=OR(ISBLANK(${cell}),AND(ISNUMBER(${cell}),${cell}=INT(${cell}),${cell}>=${MIN_VARIATIONS},${cell}<=${MAX_VARIATIONS}))`,
      )
      .setAllowInvalid(false)
      .setHelpText(VARIATION_HELP_TEXT)
      .build();
    sheet.getRange(2, column, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
  }
}

/** 1 → A, 27 → AA. The formula's reference is relative, so Sheets applies it row by row. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
