/**
 * Real JPEG slides for the simulated TikTok: a coloured background, a few shapes, the slide number and a
 * band of text in a tiny bitmap font, so a person looking at the Drive output can tell slides apart and
 * Gemini (real or simulated) gets honest image bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';

import { encode } from 'jpeg-js';

import { seededRandom } from './seeded-random';
import { GLYPH_HEIGHT, GLYPH_WIDTH, GLYPHS } from './glyphs';

export interface SlideArt {
  readonly width: number;
  readonly height: number;
  /** Drives colours and shapes; the same seed draws the same picture. */
  readonly seed: number;
  /** 1-based. */
  readonly number: number;
  readonly count: number;
  /** Upper-cased; characters the font lacks are drawn as "?". */
  readonly text: string;
}

type Rgb = readonly [number, number, number];

/** One blank column between letters, one blank glyph row between lines. */
const ADVANCE = GLYPH_WIDTH + 1;
const LINE_ADVANCE = GLYPH_HEIGHT + 3;

class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  rect(x0: number, y0: number, w: number, h: number, color: Rgb): void {
    const left = Math.max(0, Math.floor(x0));
    const top = Math.max(0, Math.floor(y0));
    const right = Math.min(this.width, Math.floor(x0 + w));
    const bottom = Math.min(this.height, Math.floor(y0 + h));
    for (let y = top; y < bottom; y++) {
      let offset = (y * this.width + left) * 4;
      for (let x = left; x < right; x++) {
        this.pixels[offset] = color[0];
        this.pixels[offset + 1] = color[1];
        this.pixels[offset + 2] = color[2];
        this.pixels[offset + 3] = 255;
        offset += 4;
      }
    }
  }

  circle(cx: number, cy: number, radius: number, color: Rgb): void {
    const top = Math.max(0, Math.floor(cy - radius));
    const bottom = Math.min(this.height, Math.ceil(cy + radius));
    for (let y = top; y < bottom; y++) {
      const half = Math.sqrt(Math.max(0, radius * radius - (y - cy) * (y - cy)));
      this.rect(cx - half, y, half * 2, 1, color);
    }
  }

  verticalGradient(from: Rgb, to: Rgb): void {
    for (let y = 0; y < this.height; y++) {
      const t = y / Math.max(1, this.height - 1);
      const mix: Rgb = [
        Math.round(from[0] + (to[0] - from[0]) * t),
        Math.round(from[1] + (to[1] - from[1]) * t),
        Math.round(from[2] + (to[2] - from[2]) * t),
      ];
      this.rect(0, y, this.width, 1, mix);
    }
  }

  /** Draws one line of text with its top-left corner at (x, y), each font pixel `scale` pixels wide. */
  text(line: string, x: number, y: number, scale: number, color: Rgb): void {
    for (let i = 0; i < line.length; i++) {
      const glyph = GLYPHS[line[i] ?? ' '] ?? GLYPHS['?'] ?? [];
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        const bits = glyph[row] ?? '';
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if (bits[col] === '#')
            this.rect(x + (i * ADVANCE + col) * scale, y + row * scale, scale, scale, color);
        }
      }
    }
  }
}

function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

/** Greedy word wrap to at most `columns` characters a line; longer words are cut. */
function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = word.slice(0, columns);
    if (current === '') current = piece;
    else if (current.length + 1 + piece.length <= columns) current += ` ${piece}`;
    else {
      lines.push(current);
      current = piece;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

type RgbaImage = { data: Uint8Array; width: number; height: number };
type EncodeJpeg = (image: RgbaImage, quality: number) => Uint8Array;

/**
 * jpeg-js's `encode` builds a fresh encoder per call, and building one (65,535-entry Huffman lookup tables)
 * costs 20–30 ms, several times the encoding of a small slide; a 100-link batch draws some 650 slides. Its
 * `JPEGEncoder` is reusable but not exported, so it is taken from the library's own file once; if that
 * ever fails (another jpeg-js layout), the public `encode` still works, only slower.
 */
function reusableEncoder(): EncodeJpeg {
  try {
    // Under ESM loaders there is no __filename; resolving from the working directory is good enough there.
    const from = typeof __filename === 'string' ? __filename : `${process.cwd()}/`;
    const file = createRequire(from).resolve('jpeg-js/lib/encoder.js');
    const wrapped = `(function (module) {\n${readFileSync(file, 'utf8')}\nreturn JPEGEncoder;\n})`;
    const load = runInThisContext(wrapped, { filename: file }) as (module: object) => unknown;
    const Encoder = load({ exports: {} });
    if (typeof Encoder !== 'function') throw new Error('JPEGEncoder not found');
    const encoder = new (
      Encoder as new (quality: number) => { encode: (image: RgbaImage, q: number) => Uint8Array }
    )(80);
    return (image, quality) => new Uint8Array(encoder.encode(image, quality));
  } catch {
    return (image, quality) => new Uint8Array(encode(image, quality).data);
  }
}

let sharedEncoder: EncodeJpeg | null = null;

export function renderSlideJpeg(art: SlideArt, quality = 80): Uint8Array {
  const { width, height } = art;
  const next = seededRandom(art.seed);
  const canvas = new Canvas(width, height);
  const hue = Math.floor(next() * 360);
  canvas.verticalGradient(hsl(hue, 0.55, 0.62), hsl((hue + 40) % 360, 0.6, 0.38));

  const shapes = 2 + Math.floor(next() * 3);
  for (let i = 0; i < shapes; i++) {
    const color = hsl((hue + 120 + next() * 120) % 360, 0.5, 0.5 + next() * 0.2);
    const x = next() * width;
    const y = next() * height;
    const size = (0.1 + next() * 0.25) * width;
    if (next() < 0.5) canvas.circle(x, y, size / 2, color);
    else canvas.rect(x - size / 2, y - size / 2, size, size * 0.7, color);
  }

  // The slide number, big, on a dark tab at the top.
  const counter = `${art.number}/${art.count}`;
  const counterScale = Math.max(2, Math.floor(width / 45));
  const tabWidth = counter.length * ADVANCE * counterScale + counterScale * 4;
  canvas.rect(counterScale * 2, counterScale * 2, tabWidth, (GLYPH_HEIGHT + 4) * counterScale, [24, 24, 24]);
  canvas.text(counter, counterScale * 4, counterScale * 4, counterScale, [255, 255, 255]);

  // The "text on the slide", in a light band across the middle, as TikTok creators place it.
  const textScale = Math.max(2, Math.floor(width / 90));
  const columns = Math.max(4, Math.floor((width - textScale * 8) / (ADVANCE * textScale)));
  const lines = wrap(art.text.toUpperCase(), columns).slice(0, 4);
  const bandHeight = (lines.length * LINE_ADVANCE + 4) * textScale;
  const bandTop = Math.floor(height * 0.55 - bandHeight / 2);
  canvas.rect(0, bandTop, width, bandHeight, [250, 248, 240]);
  lines.forEach((line, index) => {
    const lineWidth = (line.length * ADVANCE - 1) * textScale;
    const x = Math.floor((width - lineWidth) / 2);
    canvas.text(line, x, bandTop + (3 + index * LINE_ADVANCE) * textScale, textScale, [20, 20, 20]);
  });

  sharedEncoder ??= reusableEncoder();
  return sharedEncoder({ data: canvas.pixels, width, height }, quality);
}
