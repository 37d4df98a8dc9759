/**
 * The bytes one try of an item holds at once (its requests and responses in one fetchAll), for the
 * wave's byte budget. The job gives a prior estimate; once a full wave's worth of tries of the same
 * class (kind and prior) has been done in this batch, the largest seen, plus a margin, takes its place.
 * Real image answers vary with the model and its image size, so a fixed guess either wastes memory or
 * risks Apps Script's limits; what this batch saw is the honest figure.
 */
import type { BatchMeta, ItemRecord, JobType } from './types';

const DEFAULT_ITEM_BYTES = 64 * 1024;
/** Tries seen before their largest replaces the prior. */
export const OBSERVED_TRIES = 16;
/** Headroom over the largest try seen: the next answers may be a little larger. */
export const OBSERVED_MARGIN = 1.15;
/** Never budget below this share of the prior, whatever was seen: a few small answers prove little. */
export const OBSERVED_FLOOR = 0.75;

export function priorBytes(job: JobType, item: ItemRecord, meta: BatchMeta): number {
  return job.estimateBytes?.(item, meta) ?? DEFAULT_ITEM_BYTES;
}

function classOf(item: ItemRecord, prior: number): string {
  return `${item.kind}:${prior}`;
}

/** The byte budget of one try of this item. */
export function budgetBytes(job: JobType, item: ItemRecord, meta: BatchMeta): number {
  const prior = priorBytes(job, item, meta);
  const seen = meta.tryBytes?.[classOf(item, prior)];
  if (!seen || seen.count < OBSERVED_TRIES) return prior;
  return Math.max(Math.ceil(seen.most * OBSERVED_MARGIN), Math.ceil(prior * OBSERVED_FLOOR));
}

/** Notes the bytes a finished try held (the prior is the one it was claimed with). */
export function noteTryBytes(meta: BatchMeta, item: ItemRecord, prior: number, bytes: number): void {
  const seen = (meta.tryBytes ??= {});
  const key = classOf(item, prior);
  const entry = seen[key] ?? { most: 0, count: 0 };
  seen[key] = { most: Math.max(entry.most, bytes), count: entry.count + 1 };
}
