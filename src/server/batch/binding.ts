/**
 * What the batch service needs to know about a job type besides the engine's JobType: how the user's
 * settings become the batch's rate limits and settings snapshot, and how to estimate a row's work.
 */
import type { JobType, Json, RowSpec } from '../engine/types';
import type { Settings } from '../../shared/settings';

export interface RowEstimate {
  /** Progress units (e.g. images) the row will produce. */
  units: number;
  /** Calls that spend quota, per rate key. */
  calls: Record<string, number>;
  costUsd: number;
}

export interface JobBinding {
  job: JobType;
  /** Requests per minute per rate key, from the user's settings. */
  rateLimits(settings: Settings): Record<string, number>;
  /** What the job needs to remember about the settings for this batch (never a secret). */
  jobSettings(settings: Settings): Json;
  estimateRow(row: RowSpec, settings: Settings): RowEstimate;
  /** The secret names the job reads (e.g. the Gemini key) and the message when one is missing. */
  requiredSecrets: { name: string; missing: string }[];
}
