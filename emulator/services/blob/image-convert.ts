/**
 * The image conversions Blob.getAs performs for real: PNG and JPEG, each way.
 *
 * Apps Script offers no quality setting for JPEG output; the emulator encodes at a fixed JPEG_QUALITY.
 * JPEG has no alpha channel, so a PNG's transparent pixels are composited over white first (what a
 * viewer shows for a transparent background) rather than left as whatever colour they carry.
 */
import { decode as decodeJpeg, encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { GasError } from '../../core/env';

/** Fixed quality (0-100) of JPEG output; Apps Script documents none and offers no setting. */
export const JPEG_QUALITY = 90;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/bmp';

/** The image format the bytes really are, from their signature, whatever the blob claims. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x42, 0x4d)) return 'image/bmp';
  return undefined;
}

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

function decodeImage(bytes: Uint8Array, type: 'image/png' | 'image/jpeg'): Rgba {
  try {
    if (type === 'image/png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: png.data };
    }
    const jpeg = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true });
    return { width: jpeg.width, height: jpeg.height, data: jpeg.data };
  } catch (e) {
    throw new GasError(`Invalid image data: could not decode the ${type} blob (${(e as Error).message})`);
  }
}

function toJpeg(image: Rgba): Uint8Array {
  const flat = new Uint8Array(image.data.length);
  for (let i = 0; i < image.data.length; i += 4) {
    const alpha = (image.data[i + 3] ?? 255) / 255;
    for (let c = 0; c < 3; c++)
      flat[i + c] = Math.round((image.data[i + c] ?? 0) * alpha + 255 * (1 - alpha));
    flat[i + 3] = 255;
  }
  return new Uint8Array(
    encodeJpeg({ width: image.width, height: image.height, data: flat }, JPEG_QUALITY).data,
  );
}

function toPng(image: Rgba, keepAlpha: boolean): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return new Uint8Array(PNG.sync.write(png, { colorType: keepAlpha ? 6 : 2 }));
}

/** Re-encodes a PNG or JPEG image as the other format. */
export function convertImage(
  bytes: Uint8Array,
  from: 'image/png' | 'image/jpeg',
  to: 'image/png' | 'image/jpeg',
): Uint8Array {
  const image = decodeImage(bytes, from);
  // A JPEG source has no transparency to keep, so its PNG is written as plain RGB.
  return to === 'image/jpeg' ? toJpeg(image) : toPng(image, from === 'image/png');
}

/** Width and height of a PNG or JPEG, for tests and the harness. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } {
  const type = sniffImageType(bytes);
  if (type !== 'image/png' && type !== 'image/jpeg') throw new GasError('Not a PNG or JPEG image.');
  const { width, height } = decodeImage(bytes, type);
  return { width, height };
}
