/**
 * Turns single-cell writes into as few range writes as possible without touching any other cell: rows
 * next to each other that change the same columns share one block, and so do adjacent columns.
 *
 * Why not one block from the first to the last row, rewriting the rows in between with what was read?
 * Between the read and the write another execution or Jenny may have changed those cells (onEdit, a
 * second batch step, a sort), and a rewrite would put back the old values and drop links and formulas.
 * A batch updates a handful of rows at a time, usually next to each other, so this stays one or two
 * writes per wave in practice.
 */

export interface CellWrite<T> {
  readonly rowNumber: number;
  readonly column: number;
  readonly value: T;
}

export interface WriteBlock<T> {
  readonly row: number;
  readonly column: number;
  /** values[i][j] goes to (row + i, column + j). */
  readonly values: T[][];
}

/** Later writes to the same cell win. */
export function planWriteBlocks<T>(writes: readonly CellWrite<T>[]): WriteBlock<T>[] {
  const byRow = new Map<number, Map<number, T>>();
  for (const write of writes) {
    let columns = byRow.get(write.rowNumber);
    if (!columns) byRow.set(write.rowNumber, (columns = new Map()));
    columns.set(write.column, write.value);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: WriteBlock<T>[] = [];
  let start = 0;
  while (start < rows.length) {
    const first = rows[start] as number;
    const columns = sortedColumns(byRow.get(first));
    const key = columns.join(',');
    let end = start + 1;
    while (
      end < rows.length &&
      rows[end] === first + (end - start) &&
      sortedColumns(byRow.get(rows[end] as number)).join(',') === key
    ) {
      end++;
    }
    const runRows = rows.slice(start, end);
    for (const group of adjacentGroups(columns)) {
      blocks.push({
        row: first,
        column: group[0] as number,
        values: runRows.map((row) => group.map((column) => byRow.get(row)?.get(column) as T)),
      });
    }
    start = end;
  }
  return blocks;
}

function sortedColumns(columns: ReadonlyMap<number, unknown> | undefined): number[] {
  return [...(columns?.keys() ?? [])].sort((a, b) => a - b);
}

function adjacentGroups(columns: readonly number[]): number[][] {
  const groups: number[][] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] === column - 1) last.push(column);
    else groups.push([column]);
  }
  return groups;
}
