import { MAX_EVENTS } from './limits';
import type { BatchMeta, RowRecord } from './types';

/** "Link 7 @handle" when the job named the row, else "Link 7". */
export function rowName(row: RowRecord): string {
  return row.label ? `Link ${row.number} ${row.label}` : `Link ${row.number}`;
}

export function addEvent(meta: BatchMeta, at: number, text: string): void {
  meta.events.push({ at, text });
  if (meta.events.length > MAX_EVENTS) meta.events.splice(0, meta.events.length - MAX_EVENTS);
}
