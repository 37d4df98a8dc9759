/**
 * The two JSON files written next to the images: `analysis.json` per variation (how that variation was
 * made) and `batch.json` per batch (what the batch did). Both are built only from results and
 * settings, which hold no secret; a test scans every file for the key anyway.
 */
import type { BatchState, Json, RowRecord } from '../engine/types';
import { sheetRows } from '../engine/batch';
import type { JobSettings } from './job-settings';
import { PROMPT_VERSION } from './prompts';
import type { Analysis, Copy } from './schemas';
import type { ImageResult, ProductResult, SourceResult } from './results';

export function analysisRecord(input: {
  batchId: string;
  row: RowRecord;
  variation: { number: number; photo: number; text: number };
  settings: JobSettings;
  source: SourceResult;
  product: ProductResult;
  analysis: { analysis: Analysis; at: number; ms: number };
  copy: { copy: Copy; at: number; ms: number };
  images: ImageResult[];
  savedAt: number;
}): Json {
  const { row, source, product, analysis, copy, images } = input;
  const generated = images.map((image) => image.at);
  return {
    promptVersion: PROMPT_VERSION,
    batchId: input.batchId,
    link: { number: row.number, cell: row.link.trim() },
    variation: {
      number: input.variation.number,
      photoVariation: input.variation.photo,
      photoVariations: row.photoVariations,
      textVariation: input.variation.text,
      textVariations: row.textVariations,
    },
    models: { text: input.settings.textModel, image: input.settings.imageModel },
    outputFormat: input.settings.outputFormat,
    imageInputs: input.settings.imageInputs,
    source: {
      route: source.route,
      postId: source.postId,
      author: source.author,
      nickname: source.nickname,
      caption: source.caption,
      hashtags: source.hashtags,
      music: source.music,
      folderId: source.folderId,
      folderName: source.folderName,
      triedFirst: source.tried,
      slideCount: source.slides.length,
    },
    product: {
      description: row.description,
      photo: row.photo.trim(),
      name: product.name,
      used: product.used,
      mimeType: product.mimeType ?? product.file?.mimeType ?? null,
      bytes: product.bytes,
      originalBytes: product.originalBytes,
      width: product.width,
      height: product.height,
    },
    analysis: analysis.analysis as unknown as Json,
    copy: copy.copy as unknown as Json,
    slides: images.map((image, index) => ({
      index,
      file: image.name,
      text: copy.copy.slides[index]?.text ?? '',
      aspectRatio: image.aspectRatio,
      bytes: image.bytes,
      generationMs: image.ms,
    })),
    timings: {
      rowStartedAt: iso(row.startedAt ?? null),
      analyzedAt: iso(analysis.at),
      analysisMs: analysis.ms,
      copyWrittenAt: iso(copy.at),
      copyMs: copy.ms,
      firstImageAt: iso(generated.length ? Math.min(...generated) : null),
      lastImageAt: iso(generated.length ? Math.max(...generated) : null),
      savedAt: iso(input.savedAt),
    },
  };
}

function iso(at: number | null): string | null {
  return at === null ? null : new Date(at).toISOString();
}

/** What batch.json says; planned when every row has ended, so it sees every row's outcome. */
export function batchRecord(state: BatchState, settings: JobSettings): Json {
  const rows = sheetRows(state);
  const count = (wanted: RowRecord['state']) => rows.filter((row) => row.state === wanted).length;
  return {
    promptVersion: PROMPT_VERSION,
    batchId: state.meta.id,
    startedAt: iso(state.meta.createdAt),
    settings: { ...settings },
    counts: {
      links: rows.length,
      completed: count('completed'),
      failed: count('failed'),
      cancelled: count('cancelled'),
      images: state.meta.unitsDone,
    },
    links: rows.map((row) => ({
      number: row.number,
      link: row.link.trim(),
      author: row.label ?? null,
      state: row.state,
      folder: row.output?.url ?? null,
      photoVariations: row.photoVariations,
      textVariations: row.textVariations,
      startedAt: iso(row.startedAt ?? null),
      endedAt: iso(row.endedAt ?? null),
      ...(row.state === 'failed' ? { error: row.error ?? '' } : {}),
    })),
    failures: rows
      .filter((row) => row.state === 'failed')
      .map((row) => ({ number: row.number, link: row.link.trim(), error: row.error ?? '' })),
  };
}
