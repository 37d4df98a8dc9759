/**
 * The images of a request, checked as Gemini checks them (base64, MIME type, file references, readable
 * bytes) and decoded only where the answer needs pixels.
 */
import type { SimResponse } from '../../core/http';
import { sniffFormat } from './image/decode';
import type { Raster } from './image/raster';
import type { ImageRef } from './parse-request';
import { standIn } from './render';
import type { SimState } from './state';
import * as wire from './wire';

const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif'];
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export interface LoadedImages {
  /** In request order; undefined where not decoded, a stand-in for formats the simulator cannot decode. */
  decoded: (Raster | undefined)[];
}

export function loadImages(
  state: SimState,
  refs: readonly ImageRef[],
  project: string,
  now: number,
  toDecode: ReadonlySet<number>,
): LoadedImages | SimResponse {
  const decoded: LoadedImages['decoded'] = [];
  for (const [index, ref] of refs.entries()) {
    let bytes: Uint8Array;
    let mimeType: string;
    if (ref.source === 'inline') {
      if (!BASE64.test(ref.base64)) {
        return wire.invalidArgument(
          `Invalid value at '${ref.path}' (TYPE_BYTES), Base64 decoding failed for "${ref.base64.slice(0, 20)}"`,
        );
      }
      bytes = new Uint8Array(Buffer.from(ref.base64, 'base64'));
      mimeType = ref.mimeType;
    } else {
      const found = state.files.resolve(ref.uri, project, now);
      if (!found.ok) {
        return found.reason === 'bad-uri'
          ? wire.invalidArgument(`Invalid or unsupported file uri: ${ref.uri}`)
          : wire.fileNotAccessible(found.id);
      }
      bytes = found.file.bytes;
      mimeType = ref.mimeType ?? found.file.mimeType;
    }
    if (!ACCEPTED_IMAGE_TYPES.includes(mimeType.toLowerCase()))
      return wire.invalidArgument(`Unsupported MIME type: ${mimeType}`);
    if (sniffFormat(bytes) === 'unknown') return unreadable();
    if (!toDecode.has(index)) {
      decoded.push(undefined);
      continue;
    }
    try {
      decoded.push(state.images.get(bytes) ?? standIn());
    } catch {
      return unreadable();
    }
  }
  return { decoded };
}

function unreadable(): SimResponse {
  return wire.invalidArgument(
    'Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  );
}
