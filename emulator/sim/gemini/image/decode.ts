/**
 * Input images as the simulated model sees them. The format is read from the bytes, not the declared
 * MIME type, as a real decoder would. WebP and HEIC are accepted by Gemini but not decodable here; they
 * come back as `undefined` and the caller draws a stand-in.
 */
import * as zlib from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Raster } from './raster';

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'heic' | 'unknown';

export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const tag = String.fromCharCode(...bytes.subarray(8, 12));
  if (String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && tag === 'WEBP') return 'webp';
  if (
    String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp' &&
    /hei|mif|avif/.test(String.fromCharCode(...bytes.subarray(8, 12)))
  ) {
    return 'heic';
  }
  return 'unknown';
}

/** Decoded RGBA, undefined when the format is not decodable here, or throws when the bytes are corrupt. */
export function decodeImage(bytes: Uint8Array): Raster | undefined {
  const format = sniffFormat(bytes);
  if (format === 'png') {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return {
      width: png.width,
      height: png.height,
      data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength),
    };
  }
  if (format === 'jpeg') {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { width: image.width, height: image.height, data: image.data };
  }
  return undefined;
}

export function encodePng(raster: Raster): Buffer {
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data = Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength);
  // Fast settings: the simulator renders thousands of images per benchmark run.
  // RGBA in and out takes pngjs's copy-free path, and one fixed filter skips its per-row search.
  return PNG.sync.write(png, { deflateLevel: 1, filterType: 1 });
}

/** An ancillary, private chunk type ("paDd"): decoders skip it, so the image is unchanged. */
const PAD_CHUNK_TYPE = Buffer.from('paDd', 'latin1');

/**
 * The PNG grown to `targetBytes` with a filler chunk before IEND, so a small rendered image travels with
 * the byte size of a real one (Gemini's 1024-pixel PNGs weigh about 1.2–1.8 MB) without the cost of
 * rendering that many pixels. Already that large: returned as it is.
 */
export function padPng(png: Buffer, targetBytes: number): Buffer {
  const overhead = 12; // length, type, CRC
  const fill = targetBytes - png.length - overhead;
  if (fill <= 0) return png;
  const iend = png.length - 12;
  const chunk = Buffer.alloc(overhead + fill);
  chunk.writeUInt32BE(fill, 0);
  PAD_CHUNK_TYPE.copy(chunk, 4);
  // Pseudo-random filler, so a compressing transport could not make it vanish.
  let state = fill >>> 0 || 1;
  for (let offset = 8; offset + 4 <= 8 + fill; offset += 4) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    chunk.writeUInt32LE(state, offset);
  }
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + fill)) >>> 0, 8 + fill);
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}
