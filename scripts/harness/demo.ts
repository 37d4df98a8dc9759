/**
 * `npm start -- --demo`: the sheet set up by the add-on's own Set up sheet, three sample rows from
 * examples/rows.csv typed in (their photos put in Jenny's Drive first), each checked by onEdit, so a
 * newcomer only has to press Start batch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BATCH_SHEET_NAME } from '../../src/shared/app';
import { loadCsv } from '../batch/csv';
import { cleanFileName, type DriveView, sniffPhoto } from './drive-view';
import type { LiveRuntime } from './live-runtime';
import { driveFileUrl, type SheetUser } from './user-edits';

export const DEMO_CSV = path.join(__dirname, '..', '..', 'examples', 'rows.csv');

export async function seedDemo(
  runtime: LiveRuntime,
  user: SheetUser,
  drive: DriveView,
  csvFile = DEMO_CSV,
): Promise<number> {
  const setUp = await runtime.run('setUpSheetFromMenu', [], { kind: 'menu' });
  if (setUp.status !== 'completed') {
    throw new Error(`Set up sheet ${setUp.status}: ${setUp.error?.message ?? 'no message'}`);
  }
  const rows = loadCsv(csvFile);
  const photoCell = (row: (typeof rows)[number]): string => {
    if (row.photo.kind === 'url') return row.photo.url;
    if (row.photo.path === '') return '';
    const bytes = fs.readFileSync(row.photo.path);
    const type = sniffPhoto(bytes);
    if (!type) throw new Error(`${row.photo.path} is not a JPEG or PNG photo.`);
    return driveFileUrl(drive.addProductPhoto(cleanFileName(row.photo.path, 'photo.jpg'), type, bytes));
  };
  const columns = (['link', 'photo', 'description'] as const).map((key) => {
    const column = user.columnOf(BATCH_SHEET_NAME, key);
    if (column === null) throw new Error(`Set up sheet made no ${key} column.`);
    return column;
  });
  // Typed in as Jenny would paste them: one paste per row across Link, Product photo, Description.
  for (const row of rows) {
    const cells = [row.link, photoCell(row), row.description];
    const [first = 1, second, third] = columns;
    if (second === first + 1 && third === first + 2) {
      await user.edit(BATCH_SHEET_NAME, row.row, first, [cells]);
    } else {
      for (const [index, column] of columns.entries()) {
        await user.edit(BATCH_SHEET_NAME, row.row, column, [[cells[index] ?? '']]);
      }
    }
  }
  user.select(BATCH_SHEET_NAME, 2, 1);
  return rows.length;
}
