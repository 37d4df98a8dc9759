/**
 * The simulated image model's "remake": the original slide as a tinted background, the product photo
 * pasted in a white-framed box, and a band with the new slide text. A person looking at it can tell
 * which slide and which product went in; the `look` number (from the request) moves the box and band
 * and changes the tint, so variations differ visibly.
 */
import { drawText, lineHeight, printable, textWidth, wrap } from './font';
import { createRaster, drawContain, drawCover, fillRect, type Raster, type Rect, type Rgb } from './raster';

export interface Composition {
  width: number;
  height: number;
  background?: Raster;
  product?: Raster;
  headline: string;
  look: number;
}

export interface ComposedSlide {
  raster: Raster;
  /** Where the product photo landed (for tests and debugging). */
  productRect?: Rect;
}

const TINTS: readonly Rgb[] = [
  [255, 94, 138],
  [64, 196, 255],
  [255, 196, 0],
  [120, 220, 120],
  [170, 120, 255],
  [255, 140, 60],
];
const BOX_SCALES = [0.42, 0.5, 0.36];
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [20, 20, 24];

export function composeSlide(composition: Composition): ComposedSlide {
  const { width, height, look } = composition;
  const tint = TINTS[look % TINTS.length] ?? WHITE;
  const bandAtTop = (look >>> 3) % 2 === 0;
  const boxScale = BOX_SCALES[(look >>> 4) % BOX_SCALES.length] ?? 0.42;
  const anchor = (look >>> 6) % 3;

  const raster = createRaster(width, height, tint);
  const whole = { x: 0, y: 0, width, height };
  if (composition.background) {
    drawCover(raster, composition.background, whole);
    fillRect(raster, whole, tint, 0.22);
  } else {
    fillRect(raster, { x: 0, y: height / 2, width, height: height / 2 }, INK, 0.25);
  }

  const scale = Math.max(2, Math.round(width / 144));
  const band = drawBand(raster, printable(composition.headline), scale, bandAtTop);

  let productRect: Rect | undefined;
  if (composition.product) {
    const margin = Math.round(width * 0.06);
    // The box goes in the part of the slide the band leaves free, away from the band.
    const free = bandAtTop ? { top: band.y + band.height, bottom: height } : { top: 0, bottom: band.y };
    const side = Math.min(Math.round(width * boxScale), Math.round((free.bottom - free.top) * 0.6));
    const x = anchor === 0 ? margin : anchor === 1 ? Math.round((width - side) / 2) : width - side - margin;
    const y = bandAtTop ? free.bottom - side - margin * 2 : free.top + margin * 2;
    const border = Math.max(3, Math.round(side * 0.03));
    fillRect(
      raster,
      { x: x - border, y: y - border, width: side + border * 2, height: side + border * 2 },
      WHITE,
    );
    productRect = drawContain(raster, composition.product, { x, y, width: side, height: side });
  }
  return { raster, productRect };
}

function drawBand(raster: Raster, text: string, scale: number, atTop: boolean): Rect {
  const padding = scale * 4;
  const maxChars = Math.max(4, Math.floor((raster.width - padding * 2) / ((5 + 1) * scale)));
  const lines = wrap(text, maxChars, 3);
  const gap = scale * 3;
  const height = padding * 2 + Math.max(1, lines.length) * (lineHeight(scale) + gap) - gap;
  const rect = {
    x: 0,
    y: atTop ? Math.round(raster.height * 0.08) : raster.height - height - Math.round(raster.height * 0.08),
    width: raster.width,
    height,
  };
  fillRect(raster, rect, INK, 0.72);
  lines.forEach((line, index) => {
    const x = Math.round((raster.width - textWidth(line, scale)) / 2);
    drawText(raster, line, x, rect.y + padding + index * (lineHeight(scale) + gap), scale, WHITE);
  });
  return rect;
}
