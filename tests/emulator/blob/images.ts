/** Small real images for the Blob and Drive tests. */
import { decode as decodeJpeg, encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';

/** A width x height PNG filled with one RGBA colour. */
export function solidPng(width: number, height: number, rgba: [number, number, number, number]): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set(rgba, i * 4);
  return new Uint8Array(PNG.sync.write(png));
}

/** A width x height JPEG filled with one RGB colour. */
export function solidJpeg(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  return new Uint8Array(encodeJpeg({ width, height, data }, 95).data);
}

/** The RGBA of the first pixel, and the size, of a PNG or JPEG. */
export function firstPixel(bytes: Uint8Array): { width: number; height: number; rgba: number[] } {
  if (bytes[0] === 0x89) {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, rgba: [...png.data.subarray(0, 4)] };
  }
  const jpeg = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: jpeg.width, height: jpeg.height, rgba: [...jpeg.data.subarray(0, 4)] };
}
