/**
 * Progress as the sidebar shows it and the Status cells say it, read from the stored state only, so a
 * poll every 2 seconds costs one read.
 */
import { sheetRows } from './batch';
import type { BatchEvent, BatchState, BatchStatus, JobType, RowRecord } from './types';

export interface Progress {
  batchId: string;
  status: BatchStatus;
  message: string | null;
  resumeAt: number | null;
  rows: {
    total: number;
    completed: number;
    inProgress: number;
    failed: number;
    queued: number;
    cancelled: number;
  };
  /** 0–100, counting partly done rows by their share of finished units. */
  percent: number;
  unitsDone: number;
  /** Milliseconds, from the measured rate of finished units; null until there is a rate. */
  timeLeftMs: number | null;
  events: BatchEvent[];
  failures: { rowId: string; number: number; label: string | null; error: string }[];
  outputs: { rowId: string; number: number; url: string }[];
  startedAt: number;
  endedAt: number | null;
  /** How many pump calls the open sidebar keeps in flight (the batch service sets it; 1 otherwise). */
  pumps?: number;
}

function rowFraction(row: RowRecord): number {
  if (row.state === 'completed' || row.state === 'failed' || row.state === 'cancelled') return 1;
  if (row.state === 'pending') return 0;
  const units = row.items.reduce((sum, item) => sum + (item.units ?? 1), 0);
  const done = row.items.reduce((sum, item) => sum + (item.state === 'done' ? (item.units ?? 1) : 0), 0);
  return units === 0 ? 0 : Math.min(0.99, done / units);
}

export function readProgress(state: BatchState, now: number): Progress {
  const rows = sheetRows(state);
  const count = (wanted: RowRecord['state']) => rows.filter((row) => row.state === wanted).length;
  const fractions = rows.reduce((sum, row) => sum + rowFraction(row), 0);
  const percent = rows.length === 0 ? 100 : Math.floor((100 * fractions) / rows.length);
  const meta = state.meta;
  let timeLeftMs: number | null = null;
  if (meta.status === 'running' && meta.firstUnitAt !== undefined && meta.lastUnitAt !== undefined) {
    const elapsed = Math.max(1, now - meta.createdAt);
    const perRow = elapsed / Math.max(0.01, fractions);
    timeLeftMs = Math.max(0, Math.round(perRow * (rows.length - fractions)));
  }
  return {
    batchId: meta.id,
    status: meta.status,
    message: meta.message ?? null,
    resumeAt: meta.resumeAt ?? null,
    rows: {
      total: rows.length,
      completed: count('completed'),
      inProgress: count('active'),
      failed: count('failed'),
      queued: count('pending'),
      cancelled: count('cancelled'),
    },
    percent,
    unitsDone: meta.unitsDone,
    timeLeftMs,
    events: meta.events.slice(-12).reverse(),
    failures: rows
      .filter((row) => row.state === 'failed')
      .map((row) => ({
        rowId: row.rowId,
        number: row.number,
        label: row.label ?? null,
        error: row.error ?? 'Failed',
      })),
    outputs: rows.flatMap((row) =>
      row.output ? [{ rowId: row.rowId, number: row.number, url: row.output.url }] : [],
    ),
    startedAt: meta.createdAt,
    endedAt: meta.endedAt ?? null,
  };
}

function clockTime(at: number): string {
  return new Date(at).toISOString().slice(11, 16) + ' UTC';
}

/** The Status cell text for a row, in words Jenny reads at a glance. */
export function rowStatus(state: BatchState, row: RowRecord, job: JobType): string {
  const meta = state.meta;
  switch (row.state) {
    case 'completed':
      return 'Done';
    case 'failed':
      return `Failed: ${row.error ?? 'see Error'}`;
    case 'cancelled':
      return 'Cancelled';
    case 'pending':
      if (meta.status === 'stopped') return `Stopped: ${meta.message ?? 'see the sidebar'}`;
      if (meta.status === 'paused') return `Paused: quota (until ${clockTime(meta.resumeAt ?? 0)})`;
      return 'Queued';
    case 'active':
      if (meta.status === 'stopped') return `Stopped: ${meta.message ?? 'see the sidebar'}`;
      if (meta.status === 'paused') return `Paused: quota (until ${clockTime(meta.resumeAt ?? 0)})`;
      return job.describe?.(row) ?? 'Working';
  }
}
