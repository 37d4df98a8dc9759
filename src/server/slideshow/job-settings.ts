/**
 * The settings a batch keeps for its whole life (BatchSettings.job): read once at Start, so changing the
 * sidebar mid-batch never mixes two configurations in one batch. Never holds a secret.
 */
import { z } from 'zod';
import type { BatchMeta, Json } from '../engine/types';
import type { Settings } from '../../shared/settings';

export const JobSettingsSchema = z.object({
  textModel: z.string().min(1),
  imageModel: z.string().min(1),
  outputFormat: z.enum(['jpeg', 'png']),
  /** Slides and product photo by Files API URI, or inline in every request (batches before it: files). */
  imageInputs: z.enum(['files', 'inline']).default('files'),
  /** null: the batch folder goes into My Drive. */
  parentFolderId: z.string().min(1).nullable(),
  /** The spreadsheet's time zone, for the batch folder's name ("TikTok Batch 2026-11-22 14.05"). */
  timeZone: z.string().min(1),
  photoVariations: z.number().int().min(1).max(10),
  textVariations: z.number().int().min(1).max(10),
  rowsInProgress: z.number().int().min(1),
  textRequestsPerMinute: z.number().int().min(1),
  imageRequestsPerMinute: z.number().int().min(1),
});
export type JobSettings = z.infer<typeof JobSettingsSchema>;

export function toJobSettings(settings: Settings, timeZone: string): JobSettings {
  return {
    textModel: settings.textModel,
    imageModel: settings.imageModel,
    outputFormat: settings.outputFormat,
    imageInputs: settings.imageInputs,
    parentFolderId: settings.parentFolderId,
    timeZone,
    photoVariations: settings.photoVariations,
    textVariations: settings.textVariations,
    rowsInProgress: settings.rowsInProgress,
    textRequestsPerMinute: settings.textRequestsPerMinute,
    imageRequestsPerMinute: settings.imageRequestsPerMinute,
  };
}

/** The snapshot of a running batch; a batch started by another job type's binding has none. */
export function jobSettingsOf(meta: BatchMeta): JobSettings {
  return JobSettingsSchema.parse(meta.settings.job);
}

export function asJson(settings: JobSettings): Json {
  return { ...settings };
}

/** Requests-per-minute budgets are per model: every row's calls to one model share one key. */
export function textRateKey(settings: Pick<JobSettings, 'textModel'>): string {
  return `gemini:${settings.textModel}`;
}
export function imageRateKey(settings: Pick<JobSettings, 'imageModel'>): string {
  return `gemini:${settings.imageModel}`;
}
/** tikwm.com's free tier answers about one request per second. */
export const TIKWM_RATE_KEY = 'tikwm';
export const TIKWM_REQUESTS_PER_MINUTE = 50;
/** Drive has no budget of ours; the key only tells a Drive 429 apart from Gemini's. */
export const DRIVE_RATE_KEY = 'drive';
