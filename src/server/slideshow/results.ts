/**
 * What each item leaves in the queue state for the items after it: small JSON only (ids, sizes, texts,
 * never image bytes). Read back through these schemas, so a result from an older version of the job
 * fails loudly instead of being misread.
 */
import { z } from 'zod';
import type { Json, StepContext } from '../engine/types';
import { AnalysisSchema, CopySchema } from './schemas';

const Slide = z.object({
  /** Signed TikTok mirrors (JPEG first), or the Drive file of a slide in a folder Jenny named. */
  urls: z.array(z.string()).default([]),
  driveFileId: z.string().nullable().default(null),
  name: z.string().nullable().default(null),
  mimeType: z.string().nullable().default(null),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

/** The slideshow as the source route gave it. */
export const SourceResultSchema = z.object({
  route: z.enum(['page', 'mobile', 'tikwm', 'drive-folder']),
  link: z.string(),
  postId: z.string().nullable(),
  /** The @handle without "@"; null for a Drive folder of slides. */
  author: z.string().nullable(),
  nickname: z.string().default(''),
  caption: z.string().default(''),
  hashtags: z.array(z.string()).default([]),
  music: z.object({ title: z.string(), author: z.string() }).nullable().default(null),
  folderId: z.string().nullable().default(null),
  folderName: z.string().nullable().default(null),
  /** Routes that failed before this one, for analysis.json. */
  tried: z.array(z.string()).default([]),
  slides: z.array(Slide).min(1),
});
export type SourceResult = z.infer<typeof SourceResultSchema>;
export type SourceSlide = z.infer<typeof Slide>;

export const FoldersResultSchema = z.object({
  rowFolderId: z.string(),
  rowFolderName: z.string(),
  sourceFolderId: z.string(),
  /** variation_1 … variation_N, in order. */
  variationFolderIds: z.array(z.string()),
});
export type FoldersResult = z.infer<typeof FoldersResultSchema>;

export const SavedSlideSchema = z.object({
  index: z.number().int(),
  driveFileId: z.string(),
  name: z.string(),
  mimeType: z.string(),
  bytes: z.number().int(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type SavedSlide = z.infer<typeof SavedSlideSchema>;
export const SlidesResultSchema = z.object({ slides: z.array(SavedSlideSchema).min(1) });
export type SlidesResult = z.infer<typeof SlidesResultSchema>;

const UploadedFile = z.object({
  uri: z.string(),
  mimeType: z.string(),
  /** Gemini keeps uploads 48 hours. */
  expiresAt: z.number().nullable(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;
export const FilesResultSchema = z.object({ slides: z.array(UploadedFile).min(1), uploadedAt: z.number() });
export type FilesResult = z.infer<typeof FilesResultSchema>;

export const ProductResultSchema = z.object({
  /** The Files API upload; null when the batch sends the photo inline (settings.imageInputs). */
  file: UploadedFile.nullable(),
  /** What the photo is (the upload's type, or the bytes' when there is no upload). */
  mimeType: z.string().optional(),
  /** Where the bytes came from, so the image can be fetched again if the upload expires. */
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('drive'), fileId: z.string() }),
    z.object({ kind: z.literal('url'), url: z.string() }),
  ]),
  name: z.string().nullable(),
  /** 'thumbnail' when a large Drive photo was fetched downscaled. */
  used: z.enum(['original', 'thumbnail']),
  bytes: z.number().int(),
  originalBytes: z.number().int().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type ProductResult = z.infer<typeof ProductResultSchema>;

export const AnalysisResultSchema = z.object({ analysis: AnalysisSchema, at: z.number(), ms: z.number() });
export const CopyResultSchema = z.object({ copy: CopySchema, at: z.number(), ms: z.number() });

export const ImageResultSchema = z.object({
  driveFileId: z.string(),
  name: z.string(),
  mimeType: z.string(),
  bytes: z.number().int(),
  aspectRatio: z.string(),
  /** When it was saved, and how long Gemini took (null when an earlier try had saved it). */
  at: z.number(),
  ms: z.number().nullable(),
  route: z.enum(['files', 'inline', 'found']),
});
export type ImageResult = z.infer<typeof ImageResultSchema>;

export const BatchFolderResultSchema = z.object({ folderId: z.string(), name: z.string() });

/** A dependency's result, checked. Throws when missing: the engine runs an item only after its deps. */
export function resultOf<S extends z.ZodType>(context: StepContext, itemId: string, schema: S): z.output<S> {
  const raw = context.resultOf(itemId);
  if (raw === undefined) throw new Error(`slideshow: ${itemId} has no result yet`);
  return schema.parse(raw);
}

/** The first of several items that has a result (the source routes: only the one that worked does). */
export function firstResult<S extends z.ZodType>(
  context: StepContext,
  itemIds: readonly string[],
  schema: S,
): z.output<S> {
  for (const id of itemIds) {
    const raw = context.resultOf(id);
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
  }
  throw new Error(`slideshow: none of ${itemIds.join(', ')} has a result`);
}

/** Results are stored as JSON: zod outputs are plain data, so this only narrows the type. */
export function json(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
