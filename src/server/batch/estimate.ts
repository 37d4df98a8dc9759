/**
 * Before a batch starts: how much work, how long, and what it costs. Time is the larger of the quota
 * bound (calls of each kind ÷ that kind's requests per minute) and the chain of dependent calls each
 * link needs, spread over the links in progress.
 */
import type { RowSpec } from '../engine/types';
import type { Settings } from '../../shared/settings';
import type { JobBinding } from './binding';

/** One link's chain when nothing waits for quota: fetch, analyze, write, generate, save (typical seconds). */
const CHAIN_SECONDS = 60;

export interface BatchEstimate {
  links: number;
  units: number;
  unitsPerLink: number[];
  seconds: number;
  costUsd: number;
}

export function estimateBatch(binding: JobBinding, rows: RowSpec[], settings: Settings): BatchEstimate {
  const perRow = rows.map((row) => binding.estimateRow(row, settings));
  const limits = binding.rateLimits(settings);
  const calls: Record<string, number> = {};
  for (const estimate of perRow) {
    for (const [key, count] of Object.entries(estimate.calls)) calls[key] = (calls[key] ?? 0) + count;
  }
  const quotaSeconds = Math.max(
    0,
    ...Object.entries(calls).map(([key, count]) => (limits[key] ? (count / limits[key]) * 60 : 0)),
  );
  const chainSeconds = Math.ceil(rows.length / Math.max(1, settings.rowsInProgress)) * CHAIN_SECONDS;
  return {
    links: rows.length,
    units: perRow.reduce((sum, estimate) => sum + estimate.units, 0),
    unitsPerLink: perRow.map((estimate) => estimate.units),
    seconds: Math.round(Math.max(quotaSeconds, chainSeconds)),
    costUsd: Math.round(perRow.reduce((sum, estimate) => sum + estimate.costUsd, 0) * 100) / 100,
  };
}
