/** Creating a batch, and reading what is where in it. */
import {
  BATCH_ROW_ID,
  type BatchMeta,
  type BatchSettings,
  type BatchState,
  type ItemRecord,
  type ItemSpec,
  type JobType,
  type RowRecord,
  type RowSpec,
} from './types';

export function itemFrom(spec: ItemSpec): ItemRecord {
  return { ...spec, deps: spec.deps ?? [], state: 'queued', attempts: 0, takeovers: 0 };
}

export function newBatch(options: {
  id: string;
  job: JobType;
  rows: RowSpec[];
  settings: BatchSettings;
  now: number;
}): BatchState {
  const meta: BatchMeta = {
    id: options.id,
    job: options.job.name,
    status: 'running',
    createdAt: options.now,
    settings: options.settings,
    sent: {},
    holdUntil: {},
    events: [],
    unitsDone: 0,
    shared: {},
  };
  const batchRow: RowRecord = {
    rowId: BATCH_ROW_ID,
    number: 0,
    link: '',
    photo: '',
    description: '',
    photoVariations: 0,
    textVariations: 0,
    state: 'active',
    items: (options.job.planBatch?.(meta) ?? []).map(itemFrom),
    startedAt: options.now,
  };
  const rows: RowRecord[] = options.rows.map((row) => ({ ...row, state: 'pending', items: [], dirty: true }));
  return { meta, rows: [batchRow, ...rows] };
}

export function batchRow(state: BatchState): RowRecord | undefined {
  return state.rows.find((row) => row.rowId === BATCH_ROW_ID);
}

/** The rows Jenny sees (everything but the batch's own pseudo-row). */
export function sheetRows(state: BatchState): RowRecord[] {
  return state.rows.filter((row) => row.rowId !== BATCH_ROW_ID);
}

export function findRow(state: BatchState, rowId: string): RowRecord | undefined {
  return state.rows.find((row) => row.rowId === rowId);
}

export function findItem(row: RowRecord, itemId: string): ItemRecord | undefined {
  return row.items.find((item) => item.id === itemId);
}

/** An item a dependency names: `@id` is an item of the batch, anything else one of the same row. */
export function dependency(state: BatchState, row: RowRecord, dep: string): ItemRecord | undefined {
  if (dep.startsWith('@')) {
    const own = batchRow(state);
    return own ? findItem(own, dep.slice(1)) : undefined;
  }
  return findItem(row, dep);
}

export function isEnded(row: RowRecord): boolean {
  return row.state === 'completed' || row.state === 'failed' || row.state === 'cancelled';
}
