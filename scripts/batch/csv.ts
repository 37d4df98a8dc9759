/**
 * Reads the rows CSV: a header row naming `link`, `product_photo` and `description` (any order, other
 * columns ignored), then one row per link. Fields follow RFC 4180 (quotes, commas and line breaks in
 * quotes), parsed by the emulator's own Utilities.parseCsv so the CLI and the script agree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from '../../emulator/services/utilities/parse-csv';
import { BatchInputError } from './args';

export interface CsvRow {
  /** The row's line in the sheet (header is row 1), which is also its record number + 1 in the CSV. */
  row: number;
  link: string;
  /** A local image path (resolved against the CSV's folder) or an https URL. */
  photo: { kind: 'file'; path: string } | { kind: 'url'; url: string };
  description: string;
}

const REQUIRED = ['link', 'product_photo', 'description'] as const;

function normalize(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function loadCsv(file: string): CsvRow[] {
  if (!fs.existsSync(file)) throw new BatchInputError(`No such file: ${file}`);
  if (!fs.statSync(file).isFile()) throw new BatchInputError(`Not a file: ${file}`);
  const buffer = fs.readFileSync(file);
  // A NUL byte means a binary file (an image, a spreadsheet saved as .xlsx): no CSV has one.
  if (buffer.includes(0)) throw new BatchInputError(`${file} is not a CSV file (it holds binary data).`);
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch {
    throw new BatchInputError(`${file} is not valid CSV: a quoted field is never closed.`);
  }
  const header = (records[0] ?? []).map(normalize);
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (records.length === 0 || missing.length > 0) {
    throw new BatchInputError(
      `${file} needs a header row with the columns link, product_photo, description; missing: ${missing.join(', ')}.`,
    );
  }
  const at = (record: string[], name: (typeof REQUIRED)[number]) =>
    (record[header.indexOf(name)] ?? '').trim();
  const base = path.dirname(path.resolve(file));
  const rows: CsvRow[] = [];
  records.slice(1).forEach((record, index) => {
    // Blank lines (a trailing empty line, a spacer) are not rows.
    if (record.every((field) => field.trim() === '')) return;
    const row = index + 2;
    const photo = at(record, 'product_photo');
    let parsed: CsvRow['photo'];
    if (/^https?:\/\//i.test(photo)) parsed = { kind: 'url', url: photo };
    else {
      const local = path.resolve(base, photo);
      if (photo !== '' && !fs.existsSync(local)) {
        throw new BatchInputError(
          `Row ${row}: the product photo ${photo} does not exist (looked at ${local}).`,
        );
      }
      parsed = { kind: 'file', path: photo === '' ? '' : local };
    }
    rows.push({ row, link: at(record, 'link'), photo: parsed, description: at(record, 'description') });
  });
  if (rows.length === 0) throw new BatchInputError(`${file} has a header but no rows.`);
  return rows;
}
