/**
 * The slideshow job bound to the batch service: rate limits per model from the settings, the settings
 * snapshot a batch keeps, and what a row will cost before it starts.
 */
import type { JobBinding, RowEstimate } from '../batch/binding';
import type { RowSpec } from '../engine/types';
import type { Settings } from '../../shared/settings';
import { slideshowJob } from './job';
import {
  asJson,
  imageRateKey,
  textRateKey,
  TIKWM_RATE_KEY,
  TIKWM_REQUESTS_PER_MINUTE,
  toJobSettings,
} from './job-settings';
import { MISSING_KEY } from './secrets';

/** Slides per slideshow before the post is fetched (TikTok photo posts have 3–10, mostly 5–7). */
export const TYPICAL_SLIDES = 6;

export function rateLimits(settings: Settings): Record<string, number> {
  const limits: Record<string, number> = { [TIKWM_RATE_KEY]: TIKWM_REQUESTS_PER_MINUTE };
  const text = textRateKey(settings);
  const image = imageRateKey(settings);
  limits[text] = settings.textRequestsPerMinute;
  // One model for both (unusual) shares one budget: the smaller of the two.
  limits[image] = Math.min(limits[image] ?? Infinity, settings.imageRequestsPerMinute);
  return limits;
}

export function estimateRow(row: RowSpec, settings: Settings): RowEstimate {
  const images = row.photoVariations * row.textVariations * TYPICAL_SLIDES;
  const textCalls = 1 + row.textVariations;
  const calls: Record<string, number> = {};
  calls[textRateKey(settings)] = textCalls;
  calls[imageRateKey(settings)] = (calls[imageRateKey(settings)] ?? 0) + images;
  return {
    units: images,
    calls,
    costUsd: images * settings.prices.perImage + textCalls * settings.prices.perTextCall,
  };
}

/** The spreadsheet's time zone names the batch folder; the script's when there is no spreadsheet. */
function currentTimeZone(): string {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  } catch {
    return Session.getScriptTimeZone();
  }
}

export function createSlideshowBinding(timeZone: () => string = currentTimeZone): JobBinding {
  return {
    job: slideshowJob,
    rateLimits,
    jobSettings: (settings) => asJson(toJobSettings(settings, timeZone())),
    estimateRow,
    requiredSecrets: [{ name: 'apiKey', missing: MISSING_KEY }],
  };
}
