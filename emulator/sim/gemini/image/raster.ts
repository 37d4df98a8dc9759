/** A bare RGBA raster and the few drawing operations the simulated image model needs. */

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  data: Uint8Array;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Rgb = readonly [number, number, number];

export function createRaster(width: number, height: number, color: Rgb = [0, 0, 0]): Raster {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = color[0];
    data[i + 1] = color[1];
    data[i + 2] = color[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

function clip(target: Raster, rect: Rect): Rect {
  const x = Math.max(0, Math.round(rect.x));
  const y = Math.max(0, Math.round(rect.y));
  const right = Math.min(target.width, Math.round(rect.x + rect.width));
  const bottom = Math.min(target.height, Math.round(rect.y + rect.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/**
 * Per-pixel loops avoid Math.*: under Jest every Math call crosses realms and costs ~100 ns, which made
 * one image take seconds. `(value + 0.5) | 0` rounds the non-negative channel values instead.
 */

/**
 * Draws `source` scaled (nearest neighbour: fast, and good enough to recognise) from `from` (a region of
 * the source) into `to`, blending by the source's alpha.
 */
function drawScaled(target: Raster, source: Raster, from: Rect, to: Rect): void {
  const area = clip(target, to);
  if (area.width === 0 || area.height === 0) return;
  const columns = new Int32Array(area.width);
  for (let i = 0; i < area.width; i++) {
    const sx = from.x + ((area.x + i - to.x + 0.5) * from.width) / to.width;
    columns[i] = Math.min(source.width - 1, Math.max(0, Math.floor(sx)));
  }
  for (let j = 0; j < area.height; j++) {
    const sy = from.y + ((area.y + j - to.y + 0.5) * from.height) / to.height;
    const sourceRow = Math.min(source.height - 1, Math.max(0, Math.floor(sy))) * source.width;
    let out = ((area.y + j) * target.width + area.x) * 4;
    for (let i = 0; i < area.width; i++, out += 4) {
      const inp = (sourceRow + (columns[i] ?? 0)) * 4;
      const alpha = (source.data[inp + 3] ?? 255) / 255;
      for (let c = 0; c < 3; c++) {
        const under = target.data[out + c] ?? 0;
        target.data[out + c] = ((source.data[inp + c] ?? 0) * alpha + under * (1 - alpha) + 0.5) | 0;
      }
      target.data[out + 3] = 255;
    }
  }
}

/** Fills `to` completely, cropping the source's overflow evenly (CSS object-fit: cover). */
export function drawCover(target: Raster, source: Raster, to: Rect): void {
  const scale = Math.max(to.width / source.width, to.height / source.height);
  const width = to.width / scale;
  const height = to.height / scale;
  drawScaled(
    target,
    source,
    { x: (source.width - width) / 2, y: (source.height - height) / 2, width, height },
    to,
  );
}

/** Fits the whole source inside `box`, centred (object-fit: contain); returns where it landed. */
export function drawContain(target: Raster, source: Raster, box: Rect): Rect {
  const scale = Math.min(box.width / source.width, box.height / source.height);
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  const to = {
    x: Math.round(box.x + (box.width - width) / 2),
    y: Math.round(box.y + (box.height - height) / 2),
    width,
    height,
  };
  drawScaled(target, source, { x: 0, y: 0, width: source.width, height: source.height }, to);
  return to;
}

/** Paints a colour over a region, `alpha` of the way (1 replaces, 0.2 tints). */
export function fillRect(target: Raster, rect: Rect, color: Rgb, alpha = 1): void {
  const area = clip(target, rect);
  for (let j = 0; j < area.height; j++) {
    let at = ((area.y + j) * target.width + area.x) * 4;
    for (let i = 0; i < area.width; i++, at += 4) {
      for (let c = 0; c < 3; c++) {
        const under = target.data[at + c] ?? 0;
        target.data[at + c] = ((color[c] ?? 0) * alpha + under * (1 - alpha) + 0.5) | 0;
      }
    }
  }
}

export function setPixel(target: Raster, x: number, y: number, color: Rgb): void {
  if (x < 0 || y < 0 || x >= target.width || y >= target.height) return;
  const at = (y * target.width + x) * 4;
  target.data[at] = color[0];
  target.data[at + 1] = color[1];
  target.data[at + 2] = color[2];
  target.data[at + 3] = 255;
}
