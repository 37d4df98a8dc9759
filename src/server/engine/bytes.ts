/**
 * The bytes one try of an item holds at once (its requests and responses in one fetchAll), for the
 * wave's byte budget. The job gives a prior estimate; once a full wave's worth of tries of the same
 * class (kind and prior) has been done in this batch, what they held takes its place. Real image
 * answers vary with the model and its image size, so a fixed guess either wastes memory or risks
 * Apps Script's limits; what this batch saw is the honest figure.
 *
 * What must fit is a wave's sum, not every try at its largest: n tries of mean m and spread s sum to
 * about n·m ± s·√n. So a try is budgeted its mean plus three spreads of that sum shared out over the
 * wave (n·budget then covers the sum's mean plus three of its standard deviations), with a margin for
 * answers growing later in the batch, and never more than the largest seen plus a margin (a wave of
 * tries all at the largest would still fit).
 */
import { MAX_WAVE_BYTES } from './limits';
import type { BatchMeta, ItemRecord, JobType, TryBytes } from './types';

const DEFAULT_ITEM_BYTES = 64 * 1024;
/** Tries seen before what they held replaces the prior. */
export const OBSERVED_TRIES = 16;
/** Headroom over the largest try seen: the next answers may be a little larger. */
export const OBSERVED_MARGIN = 1.15;
/** Headroom over the mean: later answers may run a little larger than the first ones. */
export const MEAN_MARGIN = 1.05;
/** Standard deviations of a wave's sum kept free. */
const SPREADS = 3;
/** Never budget below this share of the prior, whatever was seen: a few small answers prove little. */
export const OBSERVED_FLOOR = 0.75;

export function priorBytes(job: JobType, item: ItemRecord, meta: BatchMeta): number {
  return job.estimateBytes?.(item, meta) ?? DEFAULT_ITEM_BYTES;
}

function classOf(item: ItemRecord, prior: number): string {
  return `${item.kind}:${prior}`;
}

/** What tries of this size need each so that a wave of them fits, from what was seen. */
function observedBudget(seen: TryBytes): number {
  const largest = seen.most * OBSERVED_MARGIN;
  // A state saved before the mean was kept has only the largest.
  if (seen.mean === undefined || seen.m2 === undefined) return largest;
  const spread = Math.sqrt(Math.max(0, seen.m2 / seen.count));
  const wave = Math.max(1, Math.floor(MAX_WAVE_BYTES / Math.max(1, seen.mean)));
  const shared = seen.mean + (SPREADS * spread) / Math.sqrt(wave);
  return Math.min(largest, Math.max(shared, seen.mean * MEAN_MARGIN));
}

/** The byte budget of one try of this item. */
export function budgetBytes(job: JobType, item: ItemRecord, meta: BatchMeta): number {
  const prior = priorBytes(job, item, meta);
  const seen = meta.tryBytes?.[classOf(item, prior)];
  if (!seen || seen.count < OBSERVED_TRIES) return prior;
  return Math.ceil(Math.max(observedBudget(seen), prior * OBSERVED_FLOOR));
}

/** Notes the bytes a finished try held (the prior is the one it was claimed with): Welford's running mean. */
export function noteTryBytes(meta: BatchMeta, item: ItemRecord, prior: number, bytes: number): void {
  const seen = (meta.tryBytes ??= {});
  const key = classOf(item, prior);
  const entry = seen[key] ?? { most: 0, count: 0, mean: 0, m2: 0 };
  const most = Math.max(entry.most, bytes);
  const count = entry.count + 1;
  // Counted before the mean was kept: only the largest can go on.
  if (entry.mean === undefined || entry.m2 === undefined) {
    seen[key] = { most, count };
    return;
  }
  const mean = entry.mean + (bytes - entry.mean) / count;
  seen[key] = { most, count, mean, m2: entry.m2 + (bytes - entry.mean) * (bytes - mean) };
}
