/**
 * What an image is, read from the first bytes of its base64: the format (whatever a server claims in
 * Content-Type) and, for JPEG and PNG, the pixel size. The size picks the aspect ratio of the remade
 * slide when TikTok did not say (tikwm, a Drive folder of slides). Only the head is decoded: the whole
 * image never is, which in Apps Script's pure JavaScript would be slow.
 */
import { decodeBase64 } from '../drive/base64';

export type ImageFormat = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/heic';

export interface ImageInfo {
  mimeType: ImageFormat | null;
  width: number | null;
  height: number | null;
}

/** JPEG headers (EXIF thumbnails included) sit well inside the first 64 KB. */
const HEAD_CHARS = 96 * 1024;

function head(base64: string): number[] {
  const clean = base64.slice(0, HEAD_CHARS).replace(/[^A-Za-z0-9+/]/g, '');
  return decodeBase64(clean.slice(0, clean.length - (clean.length % 4)));
}

function sniff(bytes: readonly number[]): ImageFormat | null {
  const at = (index: number) => bytes[index] ?? -1;
  const text = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (at(0) === 0x89 && text(1, 4) === 'PNG') return 'image/png';
  if (text(0, 4) === 'RIFF' && text(8, 12) === 'WEBP') return 'image/webp';
  if (text(0, 3) === 'GIF') return 'image/gif';
  if (text(4, 8) === 'ftyp' && /hei|mif/.test(text(8, 12))) return 'image/heic';
  return null;
}

function pngSize(bytes: readonly number[]): [number, number] | null {
  const word = (at: number) =>
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0;
  const width = word(16);
  const height = word(20);
  return width > 0 && height > 0 ? [width, height] : null;
}

/** The frame header (SOF0–SOF15, not DHT/JPG/DAC) gives the size; walk the segments to it. */
function jpegSize(bytes: readonly number[]): [number, number] | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
      const width = ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0);
      return width > 0 && height > 0 ? [width, height] : null;
    }
    at += 2 + length;
  }
  return null;
}

export function imageInfo(base64: string): ImageInfo {
  let bytes: number[];
  try {
    bytes = head(base64);
  } catch {
    return { mimeType: null, width: null, height: null };
  }
  const mimeType = sniff(bytes);
  const size = mimeType === 'image/png' ? pngSize(bytes) : mimeType === 'image/jpeg' ? jpegSize(bytes) : null;
  return { mimeType, width: size?.[0] ?? null, height: size?.[1] ?? null };
}

/** Decoded bytes of a base64 string, without decoding it. */
export function base64Bytes(base64: string): number {
  const clean = base64.replace(/[^A-Za-z0-9+/=]/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

export function extensionOf(mimeType: string): string {
  switch (mimeType) {
    case 'image/jpeg':
      return 'jpg';
    case 'image/png':
      return 'png';
    case 'image/webp':
      return 'webp';
    case 'image/gif':
      return 'gif';
    case 'image/heic':
      return 'heic';
    default:
      return 'img';
  }
}
