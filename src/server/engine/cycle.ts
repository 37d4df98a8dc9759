/**
 * How long a slow wave (the job's `isSlow` items, e.g. images) holds its execution, from its claim to
 * its record, as this batch measured it. The job sizes its lanes from it: a model of the wave (slowest
 * answer, conversions, save) leaves out the locks, the sheet and the state it reads and writes, and a
 * lane too few costs a share of the quota for the whole batch.
 */
import type { BatchMeta } from './types';

/** Waves seen before the measure is trusted over the job's model. */
export const SLOW_WAVES_SEEN = 3;
/** The mean follows the latest waves: an exponential mean over about this many. */
const RECENT_WAVES = 20;

export function noteSlowWave(meta: BatchMeta, ms: number): void {
  const seen = meta.slowWaves ?? { count: 0, meanMs: 0 };
  const count = seen.count + 1;
  meta.slowWaves = { count, meanMs: seen.meanMs + (ms - seen.meanMs) / Math.min(count, RECENT_WAVES) };
}

/** The measured length of a slow wave, once enough were seen; null before. */
export function slowWaveMs(meta: BatchMeta): number | null {
  const seen = meta.slowWaves;
  return seen && seen.count >= SLOW_WAVES_SEEN ? seen.meanMs : null;
}
