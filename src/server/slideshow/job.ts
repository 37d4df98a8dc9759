/**
 * The slideshow job type: which items a batch and a row need (plan.ts), and each item's steps
 * (steps/*), chosen by the item's kind. The engine runs it without knowing TikTok, Gemini or Drive.
 */
import type { BatchState, ItemRecord, JobType } from '../engine/types';
import { describeRow } from './describe';
import { isExpiredUpload } from './gemini-io';
import { jobSettingsOf } from './job-settings';
import { BATCH_FOLDER, BATCH_SUMMARY, planRow } from './plan';
import { batchRecord } from './records';
import { analysisStep } from './steps/analysis';
import { batchFolderStep } from './steps/batch-folder';
import { batchSummaryStep } from './steps/batch-summary';
import type { Step } from './steps/common';
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
 * Bytes one try holds at once, for the wave's budget (MAX_WAVE_BYTES). An image answer is a PNG of
 * 1–2 MB, about 2.7 MB as base64, plus its JPEG and the upload body; slides and the product photo are
 * downloads plus their base64 plus an upload. Inline tries (uploads expired) also carry their inputs.
 */
export function estimateBytes(item: ItemRecord): number {
  const inline = isExpiredUpload(item.error);
  switch (item.kind) {
    case 'image':
      return (inline ? 9 : 4) * MB;
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
  step(item, context, previous) {
    const step = STEPS[item.kind];
    if (!step) return { kind: 'fail', failure: { kind: 'fatal', message: `Unknown step ${item.kind}` } };
    return step(item, context, previous);
  },
};
