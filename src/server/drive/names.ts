/**
 * The deterministic names of the Drive layout (docs: product.md, "Drive layout"):
 *
 *   <parent or My Drive>/TikTok Batch 2026-11-22 14.05/
 *     batch.json
 *     Link_001_@username/
 *       source/ slide_0.jpg ...
 *       variation_1/ slide_0.jpg ... analysis.json
 *
 * The same input always gives the same name, which is what lets a retry find its earlier work.
 */

export const BATCH_FILE_NAME = 'batch.json';
export const SOURCE_FOLDER_NAME = 'source';
export const ANALYSIS_FILE_NAME = 'analysis.json';

/** The pattern for Utilities.formatDate(date, timeZone, pattern) that batchFolderName expects. */
export const BATCH_FOLDER_DATE_PATTERN = 'yyyy-MM-dd HH.mm';

const MAX_NAME_LENGTH = 120;

/**
 * A name that reads well in Drive and in paths: no control characters, no "/" (Drive allows it, but
 * paths in logs and the emulator's tools split on it), single spaces, bounded length.
 */
export function cleanName(name: string): string {
  const clean = name
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[/\\]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.slice(0, MAX_NAME_LENGTH);
}

/** `TikTok Batch 2026-11-22 14.05`, from the batch's start formatted with BATCH_FOLDER_DATE_PATTERN. */
export function batchFolderName(formattedStart: string): string {
  return cleanName(`TikTok Batch ${formattedStart}`);
}

/** `Link_001_@username` for the batch's first link; `Link_001` when the author is not known. */
export function linkFolderName(ordinal: number, username?: string | null): string {
  const number = String(Math.max(1, Math.floor(ordinal))).padStart(3, '0');
  const author = (username ?? '').replace(/^@+/, '').trim();
  return cleanName(author ? `Link_${number}_@${author}` : `Link_${number}`);
}

/** `variation_1` for the first variation. */
export function variationFolderName(ordinal: number): string {
  return `variation_${Math.max(1, Math.floor(ordinal))}`;
}

/** `slide_0.jpg` for the first slide (numbered from 0, as TikTok's slides are). */
export function slideFileName(index: number, extension = 'jpg'): string {
  return `slide_${Math.max(0, Math.floor(index))}.${extension.replace(/^\.+/, '')}`;
}
