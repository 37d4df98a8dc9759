/** The emulated sheet as the harness page shows it: display values of the used range. */
import { displayValue } from '../../emulator/services/spreadsheet';
import { getCell, lastColumn, lastRow } from '../../emulator/services/spreadsheet/grid';
import type { SpreadsheetData } from '../../emulator/services/spreadsheet/model';

export function sheetNames(spreadsheet: SpreadsheetData): string[] {
  return spreadsheet.sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name);
}

export function displayRows(spreadsheet: SpreadsheetData, sheetName: string): string[][] {
  const sheet = spreadsheet.sheets.find((candidate) => candidate.name === sheetName) ?? spreadsheet.sheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = lastColumn(sheet);
  for (let row = 1; row <= lastRow(sheet); row++) {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) {
      if (sheet.hiddenColumns[column - 1]) continue;
      const cell = getCell(sheet, row, column);
      cells.push(cell ? displayValue(cell.value, cell.format?.numberFormat, spreadsheet.timeZone) : '');
    }
    rows.push(cells);
  }
  return rows;
}
