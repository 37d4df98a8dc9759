/**
 * Utilities.parseCsv: RFC 4180 fields (quotes, doubled quotes, delimiters and line breaks inside quotes),
 * rows ended by \n, \r\n or \r. A final line break does not start an extra row; a blank line in the
 * middle is a row with one empty field; an unterminated quote is a parse error.
 */
import { GasError } from '../../core/env';

export function parseCsv(csv: string, delimiter = ','): string[][] {
  const delim = delimiter.length > 0 ? delimiter[0] : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  let atRowStart = true;

  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
    fieldStarted = false;
    atRowStart = true;
  };

  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    atRowStart = false;
    if (inQuotes) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        inQuotes = false;
      } else {
        field += c;
      }
    } else if (c === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (c === delim) {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && csv[i + 1] === '\n') i += 1;
      endRow();
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new GasError('Could not parse text.');
  if (!atRowStart) endRow();
  return rows;
}
