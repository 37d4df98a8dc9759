/**
 * Turning a request's images into the simulated model's answer image: decode (cached, since the same
 * slide and product photo come back in every variation), pick the output size from the aspect ratio,
 * compose, encode as PNG.
 */
import { composeSlide, type ComposedSlide } from './image/compose';
import { decodeImage, encodePng } from './image/decode';
import { createRaster, drawCover, type Raster } from './image/raster';
import { createHash } from 'node:crypto';

export const ASPECT_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];

const CACHE_ENTRIES = 48;

function ratioValue(ratio: string): number {
  const [w = 1, h = 1] = ratio.split(':').map(Number);
  return w / h;
}

/** The listed ratio nearest an image's own, as the model picks when the request names none. */
function nearestListed(width: number, height: number): string {
  let best = '1:1';
  for (const ratio of ASPECT_RATIOS) {
    if (
      Math.abs(Math.log(ratioValue(ratio) * (height / width))) <
      Math.abs(Math.log(ratioValue(best) * (height / width)))
    ) {
      best = ratio;
    }
  }
  return best;
}

export function outputSize(
  aspectRatio: string | undefined,
  background: Raster | undefined,
  longSide: number,
) {
  const ratio = ratioValue(
    aspectRatio ?? (background ? nearestListed(background.width, background.height) : '1:1'),
  );
  return ratio >= 1
    ? { width: longSide, height: Math.round(longSide / ratio) }
    : { width: Math.round(longSide * ratio), height: longSide };
}

/**
 * Decoded inputs, reduced to the output's scale so a cache of dozens of slides stays small. `undefined`
 * marks a format that is valid but not decodable here (WebP, HEIC); corrupt bytes throw.
 */
export class ImageCache {
  private readonly entries = new Map<string, Raster | undefined>();

  constructor(private readonly longSide: number) {}

  get(bytes: Uint8Array): Raster | undefined {
    const key = createHash('sha1').update(bytes).digest('base64');
    if (this.entries.has(key)) return this.entries.get(key);
    const decoded = decodeImage(bytes);
    const reduced = decoded ? this.reduce(decoded) : undefined;
    if (this.entries.size >= CACHE_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, reduced);
    return reduced;
  }

  private reduce(raster: Raster): Raster {
    const scale = this.longSide / Math.max(raster.width, raster.height);
    if (scale >= 1) return raster;
    const small = createRaster(
      Math.max(1, Math.round(raster.width * scale)),
      Math.max(1, Math.round(raster.height * scale)),
    );
    drawCover(small, raster, { x: 0, y: 0, width: small.width, height: small.height });
    return small;
  }
}

/** A grey stand-in for an image the simulator cannot decode, so the output still shows something went in. */
export function standIn(): Raster {
  return createRaster(64, 64, [150, 150, 150]);
}

export interface RenderedImage {
  png: Buffer;
  width: number;
  height: number;
  composed: ComposedSlide;
}

export function renderAnswerImage(input: {
  background?: Raster;
  product?: Raster;
  headline: string;
  look: number;
  aspectRatio?: string;
  longSide: number;
}): RenderedImage {
  const { width, height } = outputSize(input.aspectRatio, input.background, input.longSide);
  const composed = composeSlide({
    width,
    height,
    background: input.background,
    product: input.product,
    headline: input.headline,
    look: input.look,
  });
  return { png: encodePng(composed.raster), width, height, composed };
}

/** A small draft for thinking models' thought parts: a blurred-looking block of the look's colour. */
export function renderDraft(look: number): Buffer {
  const shade = 90 + (look % 120);
  return encodePng(createRaster(18, 32, [shade, shade, 200]));
}
