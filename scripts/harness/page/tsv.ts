/**
 * Cells copied from a spreadsheet arrive on the clipboard as text: cells split by tabs, rows by line
 * breaks, and a cell that holds a tab, a line break or a quote wrapped in double quotes (its own quotes
 * doubled), as Google Sheets and Excel write it. Text that is not a quoted cell is taken as it is.
 */
export function parseTable(text: string): string[][] {
  const input = text.replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i <= input.length) {
    let cell: string | null = null;
    if (input[i] === '"') {
      // A quoted cell only if its closing quote is followed by a tab, a line break or the end.
      let j = i + 1;
      let value = '';
      for (;;) {
        const quote = input.indexOf('"', j);
        if (quote === -1) break;
        value += input.slice(j, quote);
        if (input[quote + 1] === '"') {
          value += '"';
          j = quote + 2;
          continue;
        }
        const after = input[quote + 1];
        if (after === undefined || after === '\t' || after === '\n') {
          cell = value;
          i = quote + 1;
        }
        break;
      }
    }
    if (cell === null) {
      let end = i;
      while (end < input.length && input[end] !== '\t' && input[end] !== '\n') end++;
      cell = input.slice(i, end);
      i = end;
    }
    row.push(cell);
    const separator = input[i];
    i++;
    if (separator === '\n' || separator === undefined) endRow();
  }
  // The line break after the last row is not one more empty row.
  const last = rows[rows.length - 1];
  if (rows.length > 1 && last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

/** One cell's text as a spreadsheet puts it on the clipboard. */
export function formatCell(text: string): string {
  return /[\t\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
