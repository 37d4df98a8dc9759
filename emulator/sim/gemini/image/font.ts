/**
 * A 5×7 bitmap font (capitals, digits, common punctuation), drawn as scaled blocks, so simulated slides
 * show readable text without a font renderer.
 */
import { fillRect, type Raster, type Rgb } from './raster';
import { GLYPH_HEIGHT, GLYPH_WIDTH, GLYPHS } from '../../glyphs';

/** Upper case, accents dropped, curly quotes straightened, anything without a glyph left out. */
export function printable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .toUpperCase()
    .split('')
    .filter((ch) => ch in GLYPHS)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Width in pixels of `text` at `scale`, with one column of spacing between glyphs. */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
}

export function lineHeight(scale: number): number {
  return GLYPH_HEIGHT * scale;
}

export function drawText(
  target: Raster,
  text: string,
  x: number,
  y: number,
  scale: number,
  color: Rgb,
): void {
  let penX = x;
  for (const ch of text) {
    const glyph = GLYPHS[ch];
    if (glyph) {
      glyph.forEach((row, rowIndex) => {
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if (row[col] === '#')
            fillRect(
              target,
              { x: penX + col * scale, y: y + rowIndex * scale, width: scale, height: scale },
              color,
            );
        }
      });
    }
    penX += (GLYPH_WIDTH + 1) * scale;
  }
}

/** Greedy word wrap into at most `maxLines` lines of `maxChars`; what does not fit is dropped. */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const piece = word.slice(0, maxChars);
    if (!line) line = piece;
    else if (line.length + 1 + piece.length <= maxChars) line += ` ${piece}`;
    else {
      lines.push(line);
      if (lines.length === maxLines) return lines;
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines.slice(0, maxLines);
}
