/**
 * The slideshow job type: which items a batch and a row need (plan.ts), and each item's steps
 * (steps/*), chosen by the item's kind. The engine runs it without knowing TikTok, Gemini or Drive.
 */
import { budgetBytes } from '../engine/bytes';
import { slowWaveMs } from '../engine/cycle';
import { waveSize } from '../engine/claim';
import { limitFor } from '../engine/rate';
import { MAX_PUMPS_IN_FLIGHT, MAX_STEPS_PER_WAVE, MAX_WAVE_BYTES } from '../engine/limits';
import type { BatchMeta, BatchState, ItemRecord, JobType } from '../engine/types';
import { describeRow } from './describe';
import { isExpiredUpload } from './gemini-io';
import { imageRateKey, jobSettingsOf } from './job-settings';
import { BATCH_FOLDER, BATCH_SUMMARY, planRow } from './plan';
import { batchRecord } from './records';
import { analysisStep } from './steps/analysis';
import { batchFolderStep } from './steps/batch-folder';
import { batchSummaryStep } from './steps/batch-summary';
import { isFirstTry, type Step } from './steps/common';
import { copyStep } from './steps/copy';
import { driveSourceStep } from './steps/drive-source';
import { filesStep } from './steps/files';
import { foldersStep } from './steps/folders';
import { imageStep } from './steps/image';
import { ingestStep } from './steps/ingest';
import { productStep } from './steps/product';
import { resolveStep } from './steps/resolve';
import { saveStep } from './steps/save';
import { slidesStep } from './steps/slides';

export const SLIDESHOW_JOB = 'slideshow';

const STEPS: Record<string, Step> = {
  'batch-folder': batchFolderStep,
  'batch-summary': batchSummaryStep,
  resolve: resolveStep,
  ingest: ingestStep,
  'drive-source': driveSourceStep,
  product: productStep,
  folders: foldersStep,
  slides: slidesStep,
  files: filesStep,
  analysis: analysisStep,
  copy: copyStep,
  image: imageStep,
  save: saveStep,
};

const MB = 1024 * 1024;

/**
 * The fetchAll rounds a try can take. An image's first try by Files API URI is two: generate, upload.
 * Any other try may first look in the folder or read its inputs back: three, the engine's most.
 */
export function stepsOf(item: ItemRecord, meta: BatchMeta): number {
  const byUri = jobSettingsOf(meta).imageInputs === 'files' && !isExpiredUpload(item.error);
  return item.kind === 'image' && byUri && isFirstTry(item) ? 2 : MAX_STEPS_PER_WAVE;
}

/**
 * Bytes one try holds at once, for the wave's budget (MAX_WAVE_BYTES): the requests and responses a
 * fetchAll keeps until the wave is recorded. An image answer is a PNG of 1.2–1.8 MB, about 2.4 MB as
 * base64 in JSON; its request names the slide and the photo by URI (a few KB). The JPEG, its upload and
 * the decoded bytes exist for one image at a time while the answers are worked through. Slides and the
 * product photo are downloads plus an upload. Inline tries (a batch set to send images inline, or
 * uploads expired) also carry their inputs: the slide read back, the photo, and both again as base64.
 */
export function estimateBytes(item: ItemRecord, meta: BatchMeta): number {
  const inline = isExpiredUpload(item.error) || jobSettingsOf(meta).imageInputs === 'inline';
  switch (item.kind) {
    case 'image':
      return inline ? 6 * MB : 2.5 * MB;
    case 'slides':
    case 'files':
      return 6 * MB;
    case 'product':
      return 8 * MB;
    case 'analysis':
      return inline ? 6 * MB : 256 * 1024;
    case 'ingest':
    case 'resolve':
    case 'drive-source':
      return 512 * 1024;
    default:
      return 128 * 1024;
  }
}

/** Slides of an average TikTok slideshow (they have 3 to 10). */
const TYPICAL_SLIDES = 6;
/** A wave of image requests waits for its slowest answer: about twice the median of 12 s. */
const IMAGE_WAIT_SECONDS = 25;
/** Then each answer is turned into a JPEG (Blob.getAs) one at a time, unless the output is PNG. */
const JPEG_SECONDS_PER_IMAGE = 0.5;
/** Then one fetchAll saves them to Drive, and the wave is recorded under the lock. */
const SAVE_AND_RECORD_SECONDS = 8;
/** The lane's next call comes: the sidebar calls again a moment after one ends, and it claims. */
const NEXT_CALL_SECONDS = 2;
/** From a row's start to its first image request (page, slides, uploads, analysis, copy) on its own. */
const ROW_PREP_SECONDS = 30;
/**
 * The same steps, one after another, when they ride along in waves of images: that happens when a
 * whole wave of images can go at almost every claim, i.e. when the lanes, not the quota, are the limit.
 */
const ROW_PREP_WAVES = 6;

/**
 * Image tries one wave carries: what its byte budget holds (by what this batch's answers measured, once
 * known), or less, as the minute's image limit is divided into even waves.
 */
function imagesPerWave(meta: BatchMeta): number {
  const image = { kind: 'image' } as ItemRecord;
  const capacity = Math.max(1, Math.floor(MAX_WAVE_BYTES / budgetBytes(slideshowJob, image, meta)));
  return waveSize(limitFor(meta, imageRateKey(jobSettingsOf(meta))), capacity);
}

/** How long one execution holds a wave of images, from sending them to recording them. */
function imageWaveSeconds(meta: BatchMeta): number {
  // What this batch's waves took, once a few were seen; the model until then.
  const measured = slowWaveMs(meta);
  if (measured !== null) return measured / 1000 + NEXT_CALL_SECONDS;
  const convert = jobSettingsOf(meta).outputFormat === 'jpeg' ? JPEG_SECONDS_PER_IMAGE : 0;
  return IMAGE_WAIT_SECONDS + convert * imagesPerWave(meta) + SAVE_AND_RECORD_SECONDS + NEXT_CALL_SECONDS;
}

/** Image requests in flight for the image quota to be used: requests per second × a wave's length. */
function imagesInFlight(meta: BatchMeta): number {
  const settings = jobSettingsOf(meta);
  return (settings.imageRequestsPerMinute / 60) * imageWaveSeconds(meta);
}

/**
 * Lanes beyond the bare count: waves vary in length, and a lane that comes back when a wave's tokens
 * are not yet there waits for them. At exactly the count, any wave longer than the mean costs quota.
 */
const LANE_HEADROOM = 1.25;

/** Executions the image quota could keep busy, before the sidebar's cap. */
function lanesNeeded(meta: BatchMeta): number {
  return Math.ceil((imagesInFlight(meta) / imagesPerWave(meta)) * LANE_HEADROOM);
}

/** Executions holding image waves at once: one holds as many as its byte budget allows. */
export function pumpsWanted(meta: BatchMeta): number {
  return Math.min(MAX_PUMPS_IN_FLIGHT, lanesNeeded(meta));
}

/**
 * Lanes for a batch's start: the waves of images the rows starting at once will have ready together
 * once their copy is written (about 20 s in), so the lanes are there when they are, instead of one per
 * row until a pump comes back more than 30 s later.
 */
export function startLanes(meta: BatchMeta, startingRows: number): number {
  const settings = jobSettingsOf(meta);
  const images = TYPICAL_SLIDES * settings.photoVariations * settings.textVariations;
  return Math.max(1, Math.min(pumpsWanted(meta), Math.ceil((startingRows * images) / imagesPerWave(meta))));
}

/**
 * Rows in progress: enough that the images ready to send cover two waves in flight, plus the rows
 * preparing meanwhile (slower when their steps ride in image waves); fewer waste the quota, more only
 * make the saved state larger.
 */
export function rowsWanted(meta: BatchMeta): number {
  const settings = jobSettingsOf(meta);
  const inFlight = Math.min(imagesInFlight(meta), MAX_PUMPS_IN_FLIGHT * imagesPerWave(meta));
  const perRow = TYPICAL_SLIDES * settings.photoVariations * settings.textVariations;
  const riding = lanesNeeded(meta) >= MAX_PUMPS_IN_FLIGHT;
  const prepSeconds = riding ? ROW_PREP_WAVES * imageWaveSeconds(meta) : ROW_PREP_SECONDS;
  const preparing = Math.round(((settings.imageRequestsPerMinute / 60) * prepSeconds) / perRow);
  return Math.round((2 * inFlight) / perRow) + preparing;
}

export const slideshowJob: JobType = {
  name: SLIDESHOW_JOB,
  planBatch: () => [{ id: BATCH_FOLDER, kind: 'batch-folder', units: 0 }],
  plan: (row) => planRow(row),
  planFinish: (state: BatchState) => [
    {
      id: BATCH_SUMMARY,
      kind: 'batch-summary',
      deps: [BATCH_FOLDER],
      units: 0,
      input: batchRecord(state, jobSettingsOf(state.meta)),
    },
  ],
  describe: describeRow,
  estimateBytes,
  isSlow: (item) => item.kind === 'image',
  stepsOf,
  pumpsWanted,
  rowsWanted,
  startLanes,
  step(item, context, previous) {
    const step = STEPS[item.kind];
    if (!step) return { kind: 'fail', failure: { kind: 'fatal', message: `Unknown step ${item.kind}` } };
    return step(item, context, previous);
  },
};
