/**
 * Facts about product photos that the server and the sidebar's Products screen both rely on: which
 * files count as photos, and the size of one upload from the computer.
 */

/**
 * An upload crosses google.script.run as base64 (a third larger than the file), one file per call. The
 * job sends Gemini a smaller preview of any large Drive photo, so 10 MB is plenty for a product photo.
 */
export const MAX_UPLOAD_BYTES = 10_000_000;

/** The image types Gemini reads and Drive previews: what a product photo may be. */
export const PHOTO_MIME_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
];

export const PHOTO_TYPES_TEXT = 'JPEG, PNG, WebP or HEIC';

export function isPhotoMimeType(mimeType: string | undefined | null): boolean {
  return PHOTO_MIME_TYPES.includes((mimeType ?? '').toLowerCase());
}

/** "3.4 MB", "10 MB" */
export function megabytesText(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Why a file picked on the computer cannot be uploaded, or null when it can. */
export function uploadRefusal(name: string, bytes: number, mimeType: string | null): string | null {
  if (bytes > MAX_UPLOAD_BYTES) {
    return `${name} is ${megabytesText(bytes)}; photos up to ${megabytesText(MAX_UPLOAD_BYTES)} can be uploaded. Save a smaller copy (about 2000 pixels wide) and upload that.`;
  }
  if (bytes === 0) return `${name} is empty.`;
  if (mimeType !== null && !isPhotoMimeType(mimeType)) {
    return `${name} is not a ${PHOTO_TYPES_TEXT} photo.`;
  }
  return null;
}
