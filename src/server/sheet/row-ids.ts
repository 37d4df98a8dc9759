/**
 * Row ids: a row's identity while Jenny sorts, inserts and deletes rows. The id is a value in a hidden
 * cell of the row, so it moves with the row whatever happens to the sheet; a row number never does.
 */

export interface RowIdSlot {
  readonly rowNumber: number;
  /** What the Row id cell holds now ('' when empty). */
  readonly rowId: string;
  /** Only filled rows get an id: an empty row is not a batch row. */
  readonly filled: boolean;
}

export interface RowIdWrite {
  readonly rowNumber: number;
  readonly rowId: string;
}

/**
 * A short id from a UUID: "r" and 10 hex digits (40 random bits: a clash among a sheet's rows is about
 * one in a billion, and is checked anyway). The letter first keeps Sheets from reading it as a number.
 */
export function rowIdFromUuid(uuid: string): string {
  return `r${uuid
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 10)
    .toLowerCase()}`;
}

/**
 * The id of every filled row, and the cells to write: filled rows without an id get a new one, and so
 * does the later of two rows sharing an id (a row copied and pasted carries its hidden id along).
 */
export function assignRowIds(
  slots: readonly RowIdSlot[],
  newUuid: () => string,
): { ids: Map<number, string>; writes: RowIdWrite[] } {
  const taken = new Set(slots.map((slot) => slot.rowId.trim()).filter((id) => id !== ''));
  const kept = new Set<string>();
  const ids = new Map<number, string>();
  const writes: RowIdWrite[] = [];
  const ordered = [...slots].sort((a, b) => a.rowNumber - b.rowNumber);
  for (const slot of ordered) {
    if (!slot.filled) continue;
    const current = slot.rowId.trim();
    if (current !== '' && !kept.has(current)) {
      kept.add(current);
      ids.set(slot.rowNumber, current);
      continue;
    }
    const fresh = uniqueId(taken, newUuid);
    taken.add(fresh);
    kept.add(fresh);
    ids.set(slot.rowNumber, fresh);
    writes.push({ rowNumber: slot.rowNumber, rowId: fresh });
  }
  return { ids, writes };
}

function uniqueId(taken: ReadonlySet<string>, newUuid: () => string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = rowIdFromUuid(newUuid());
    if (id.length === 11 && !taken.has(id)) return id;
  }
  throw new Error('Could not make a new row id: Utilities.getUuid kept returning ids already in use.');
}
