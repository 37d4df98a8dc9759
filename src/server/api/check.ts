/**
 * The sidebar's Check: how many rows are ready, which are not and why (invalid, duplicate, incomplete),
 * the totals for the chosen variations, and the estimated time and cost of the batch.
 */
import { BATCH_SHEET_NAME } from '../../shared/app';
import type { BatchCheckView, CheckedRowView } from '../../shared/rpc';
import type { RowProblem } from '../../shared/row-check';
import type { JobBinding } from '../batch/binding';
import { estimateBatch } from '../batch/estimate';
import type { RowSpec } from '../engine/types';
import { GasBatchSheet } from '../gas/batch-sheet';
import { readSettings } from '../settings/store';

export interface CheckOptions {
  photoVariations?: number;
  textVariations?: number;
}

const INCOMPLETE: RowProblem['kind'][] = ['photo-missing', 'description-missing', 'link-missing'];

export function checkBatch(binding: JobBinding, options: CheckOptions = {}): BatchCheckView {
  const settings = readSettings();
  const photoVariations = clamp(options.photoVariations ?? settings.photoVariations);
  const textVariations = clamp(options.textVariations ?? settings.textVariations);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const empty: BatchCheckView = {
    sheetExists: false,
    readyCount: 0,
    invalid: [],
    duplicates: [],
    incomplete: [],
    limitMessage: null,
    photoVariations,
    textVariations,
    perLink: photoVariations * textVariations,
    totalVariations: 0,
    totalImages: 0,
    estimatedSeconds: 0,
    estimatedCostUsd: 0,
  };
  if (!spreadsheet.getSheetByName(BATCH_SHEET_NAME)) return empty;
  const check = new GasBatchSheet(spreadsheet).readRowChecks({ maxLinks: settings.maxLinksPerBatch });
  const view = (entry: (typeof check.rows)[number]): CheckedRowView => ({
    rowId: entry.row.rowId,
    rowNumber: entry.check.rowNumber,
    status: entry.check.status,
    link: entry.row.link,
  });
  const notReady = check.rows.filter((entry) => !entry.check.ready);
  const first = (entry: (typeof check.rows)[number]) => entry.check.problems[0]?.kind;
  const ready = check.rows.filter((entry) => entry.check.ready);
  const rows: RowSpec[] = ready.map((entry, index) => ({
    rowId: entry.row.rowId,
    number: index + 1,
    link: entry.row.link,
    photo: entry.row.photo,
    description: entry.row.description,
    photoVariations: entry.row.photoVariations ?? photoVariations,
    textVariations: entry.row.textVariations ?? textVariations,
  }));
  const estimate = estimateBatch(binding, rows, settings);
  return {
    ...empty,
    sheetExists: true,
    readyCount: check.readyCount,
    invalid: notReady
      .filter(
        (entry) =>
          first(entry) === 'link-invalid' ||
          first(entry) === 'variations-invalid' ||
          first(entry) === 'photo-invalid',
      )
      .map(view),
    duplicates: notReady.filter((entry) => first(entry) === 'duplicate').map(view),
    incomplete: notReady.filter((entry) => INCOMPLETE.includes(first(entry) ?? 'link-missing')).map(view),
    limitMessage: check.limitMessage,
    totalVariations: rows.reduce((sum, row) => sum + row.photoVariations * row.textVariations, 0),
    totalImages: estimate.units,
    estimatedSeconds: estimate.seconds,
    estimatedCostUsd: estimate.costUsd,
  };
}

function clamp(value: number): number {
  return Math.min(10, Math.max(1, Math.round(value)));
}

/** Selects a row of the Batch sheet by its id (the sidebar's lists link to rows). */
export function selectRow(rowId: string): boolean {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  if (!sheet) return false;
  const row = new GasBatchSheet(spreadsheet).readRows().find((entry) => entry.rowId === rowId);
  if (!row) return false;
  spreadsheet.setActiveSheet(sheet);
  sheet.getRange(row.rowNumber, 1, 1, sheet.getLastColumn()).activate();
  return true;
}
