/**
 * Which Status cells a row check should rewrite, and with what: after an edit (onEdit) or over the whole
 * sheet (Set up sheet). Pure: the caller reads the rows once and writes the changes once.
 *
 * A Status showing a batch state (Queued, Generating 3/6, Done, Failed: …, anything the check did not
 * write) belongs to the batch and is kept, unless Jenny changed that row's Link, photo or description:
 * then the row is a new row and gets checked again.
 */
import { checkRows, isCheckStatus } from '../../shared/row-check';
import type { SheetRow } from './rows';
import { toRowCheckInput } from './rows';

export type RefreshScope =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'edit';
      /** Sheet rows inside the edited range (the header excluded). */
      readonly rows: ReadonlySet<number>;
      /** The edit covered a Link, Product photo or Product description cell. */
      readonly coreInputEdited: boolean;
      /** The edit covered any input cell: those, or a variation override. */
      readonly inputEdited: boolean;
    };

export interface StatusChange {
  readonly rowNumber: number;
  readonly status: string;
}

/** Statuses that depend on other rows: a change elsewhere can make them stale. */
const CROSS_ROW_STATUS = /^(?:Duplicate of row|Over the batch limit)/;

export function planStatusRefresh(
  rows: readonly SheetRow[],
  scope: RefreshScope,
  maxLinks?: number,
): StatusChange[] {
  const edited = (row: SheetRow): boolean => scope.kind === 'edit' && scope.rows.has(row.rowNumber);
  const reopened = (row: SheetRow): boolean => edited(row) && scope.kind === 'edit' && scope.coreInputEdited;
  const heldByBatch = (row: SheetRow): boolean => !isCheckStatus(row.status) && !reopened(row);

  const filled = rows.filter((row) => row.filled);
  const check = checkRows(
    filled.map((row) => toRowCheckInput(row, !heldByBatch(row))),
    { maxLinks },
  );
  const computed = new Map(check.rows.map((result) => [result.rowNumber, result.status]));

  const changes: StatusChange[] = [];
  for (const row of rows) {
    if (heldByBatch(row)) continue;
    const next = computed.get(row.rowNumber) ?? '';
    if (next === row.status.trim()) continue;
    if (scope.kind === 'edit') {
      const checkedNow = edited(row) && scope.inputEdited;
      // Rows nobody edited change only where another row decides their status (duplicates, the limit):
      // onEdit checks the edited rows, not every row Jenny has not looked at yet.
      const crossRow = CROSS_ROW_STATUS.test(row.status.trim()) || CROSS_ROW_STATUS.test(next);
      if (!checkedNow && !crossRow) continue;
    }
    changes.push({ rowNumber: row.rowNumber, status: next });
  }
  return changes;
}
