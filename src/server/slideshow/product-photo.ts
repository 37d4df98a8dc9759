/**
 * How the product photo is fetched before it goes to Gemini, and the sizes that decide it.
 *
 * Gemini reads an image at about 1,000–1,500 pixels anyway, and a phone photo is 12 megapixels
 * (3–6 MB as JPEG, 15–25 MB as PNG). So a Drive photo over DOWNSCALE_ABOVE_BYTES is fetched as Drive's
 * own preview at THUMBNAIL_LONG_SIDE pixels (the file's `thumbnailLink` with its size suffix changed).
 * Measured on the emulator's previews: a 4000×3000 JPEG comes back 1600×1200 with 6–8 times fewer
 * bytes (the pixel ratio is 6.25), so a phone photo of 3–5 MB becomes about 0.5–0.8 MB, and even a
 * 13–24 MB worst case (pure texture) about 2–3 MB. Apps Script has no resize of its own (Blob.getAs
 * converts formats, not sizes), and Drive's preview costs one request. The preview host must be in the
 * manifest's urlFetchWhitelist (https://lh3.googleusercontent.com/).
 * When Drive has no preview (or for an https link, which cannot be resized), photos up to
 * MAX_PHOTO_BYTES are sent as they are, and larger ones are refused with a message saying what to do.
 * Either way the photo is uploaded once to the Files API: image requests carry its URI, not its bytes.
 */
import type { DriveFile } from '../drive';

export const DOWNSCALE_ABOVE_BYTES = 1_500_000;
export const THUMBNAIL_LONG_SIDE = 1600;
export const MAX_PHOTO_BYTES = 10_000_000;

/** Drive serves previews from this host; its links take a `=s<pixels>` suffix for the long side. */
const THUMBNAIL_HOST = /^https:\/\/lh3\.googleusercontent\.com\//i;

export type PhotoPlan =
  { kind: 'original' } | { kind: 'thumbnail'; url: string } | { kind: 'refuse'; message: string };

export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The preview link at the wanted size, or null when the link is not Drive's usual preview host. */
export function sizedThumbnail(link: string | undefined, longSide = THUMBNAIL_LONG_SIDE): string | null {
  if (!link || !THUMBNAIL_HOST.test(link)) return null;
  return /=s\d+(-[\w-]+)?$/.test(link)
    ? link.replace(/=s\d+(-[\w-]+)?$/, `=s${longSide}`)
    : `${link}=s${longSide}`;
}

export function planDrivePhoto(file: DriveFile & { thumbnailLink?: string }): PhotoPlan {
  const size = Number(file.size ?? '0') || 0;
  if (size <= DOWNSCALE_ABOVE_BYTES) return { kind: 'original' };
  const thumbnail = sizedThumbnail(file.thumbnailLink);
  if (thumbnail) return { kind: 'thumbnail', url: thumbnail };
  if (size <= MAX_PHOTO_BYTES) return { kind: 'original' };
  return {
    kind: 'refuse',
    message: `The product photo is ${megabytes(size)}, more than the ${megabytes(MAX_PHOTO_BYTES)} the add-on sends to Gemini, and Drive has no smaller preview of it yet. Save a smaller copy (about 2000 pixels wide) and link that.`,
  };
}

export function tooLargeLink(size: number): string {
  return `The product photo at this link is ${megabytes(size)}, more than the ${megabytes(MAX_PHOTO_BYTES)} the add-on sends to Gemini. Put the photo in Google Drive and link it from there (large Drive photos are made smaller automatically), or use a smaller image.`;
}
