/**
 * Sends the client's request descriptions to the simulated Gemini as the engine and the emulated
 * UrlFetchApp would (lower-cased headers, contentType as a header, base64 payloads as bytes), and
 * hands back what the engine would pass to the client's readers.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { SimRequest } from '../../../../emulator/core/http';
import {
  createGeminiSim,
  GEMINI_HOST,
  type GeminiSim,
  type GeminiSimOptions,
} from '../../../../emulator/sim/gemini';
import type { HttpRequestSpec, HttpResult } from '../../../../src/server/gemini/http';

export const NOW = Date.UTC(2026, 10, 22, 20, 0, 0);

export interface Sent extends HttpResult {
  latencyMs: number;
}

export function toSimRequest(spec: HttpRequestSpec): SimRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.headers)) headers[name.toLowerCase()] = value;
  if (spec.contentType) headers['content-type'] = spec.contentType;
  const body =
    spec.payloadBase64 !== undefined
      ? new Uint8Array(Buffer.from(spec.payloadBase64, 'base64'))
      : new TextEncoder().encode(spec.payload ?? '');
  return { url: spec.url, method: spec.method.toUpperCase(), headers, body };
}

export function send(sim: GeminiSim, spec: HttpRequestSpec | SimRequest, now = NOW): Sent {
  const request = 'body' in spec ? spec : toSimRequest(spec);
  const handler = sim.handlers[GEMINI_HOST];
  if (!handler) throw new Error('the simulator registered no handler for Gemini');
  const response = handler(request, { now });
  const body =
    response.body === undefined
      ? ''
      : typeof response.body === 'string'
        ? response.body
        : Buffer.from(response.body).toString('utf8');
  return {
    status: response.status,
    body,
    headers: response.headers ?? {},
    latencyMs: response.latencyMs ?? 0,
  };
}

export function newSim(options: GeminiSimOptions = {}): GeminiSim {
  return createGeminiSim({ seed: 7, ...options });
}

export function solidPng(
  width: number,
  height: number,
  color: [number, number, number],
  mark?: [number, number, number],
): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      // A mark in the top-left quarter, so orientation and cropping would show.
      const c = mark && x < width / 4 && y < height / 4 ? mark : color;
      png.data[i] = c[0];
      png.data[i + 1] = c[1];
      png.data[i + 2] = c[2];
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png).toString('base64');
}

export function solidJpeg(width: number, height: number, color: [number, number, number]): string {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = color[0];
    data[i + 1] = color[1];
    data[i + 2] = color[2];
    data[i + 3] = 255;
  }
  return jpeg.encode({ width, height, data }, 90).data.toString('base64');
}

export function decodePng(base64: string): PNG {
  return PNG.sync.read(Buffer.from(base64, 'base64'));
}

/** Channel distance without Math.abs, which is slow per pixel under Jest (a call across realms). */
function isNear(data: Uint8Array, at: number, color: [number, number, number], tolerance: number): boolean {
  for (let c = 0; c < 3; c++) {
    const d = (data[at + c] ?? 0) - (color[c] ?? 0);
    if (d > tolerance || -d > tolerance) return false;
  }
  return true;
}

/** The largest square of pixels within `tolerance` of `color` found on a coarse grid (side in pixels). */
export function largestPatch(png: PNG, color: [number, number, number], tolerance = 24): number {
  const near = (x: number, y: number) => isNear(png.data, (y * png.width + x) * 4, color, tolerance);
  // Dynamic programming over a 4-pixel grid: side of the largest all-matching square ending at each cell.
  const step = 4;
  const cols = Math.floor(png.width / step);
  const rows = Math.floor(png.height / step);
  let best = 0;
  let previous = new Array<number>(cols).fill(0);
  for (let r = 0; r < rows; r++) {
    const current = new Array<number>(cols).fill(0);
    for (let c = 0; c < cols; c++) {
      if (!near(c * step, r * step)) continue;
      current[c] =
        c === 0 || r === 0 ? 1 : 1 + Math.min(previous[c] ?? 0, previous[c - 1] ?? 0, current[c - 1] ?? 0);
      best = Math.max(best, current[c] ?? 0);
    }
    previous = current;
  }
  return best * step;
}

/** Share of pixels within `tolerance` of `color`. */
export function shareNear(png: PNG, color: [number, number, number], tolerance: number): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (isNear(png.data, i, color, tolerance)) count++;
  return count / (png.data.length / 4);
}
