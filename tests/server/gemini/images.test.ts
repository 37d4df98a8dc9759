import fc from 'fast-check';
import { readGenerateContent } from '../../../src/server/gemini/generate';
import {
  ASPECT_RATIOS,
  extractImage,
  nearestAspectRatio,
  readImage,
  type AspectRatio,
} from '../../../src/server/gemini/images';
import type { HttpResult } from '../../../src/server/gemini/http';
import { GenerateContentResponseSchema } from '../../../src/server/gemini/schemas';
import * as f from './fixtures';

const read = (result: HttpResult) => readImage(result, f.NOON_PACIFIC);

describe('extractImage', () => {
  it('returns the image part of an answer', () => {
    const response = GenerateContentResponseSchema.parse(JSON.parse(f.imageOk.body));
    expect(extractImage(response)).toEqual({ mimeType: 'image/png', base64: f.TINY_PNG });
  });

  it('skips thought parts and takes the final image, not the draft', () => {
    const response = GenerateContentResponseSchema.parse(JSON.parse(f.imageWithThoughts.body));
    expect(extractImage(response)?.base64).toBe(f.TINY_PNG);
  });

  it('finds nothing when the only image is a thought', () => {
    const response = GenerateContentResponseSchema.parse(JSON.parse(f.onlyThoughtImage.body));
    expect(extractImage(response)).toBeUndefined();
  });
});

describe('readImage', () => {
  it('reads the image of a good answer', () => {
    const result = read(f.imageWithThoughts);
    expect(result.kind).toBe('ok');
    expect(result.kind === 'ok' && result.image.base64).toBe(f.TINY_PNG);
  });

  it('reports no image when Gemini answers with text only, quoting what it said', () => {
    const result = read(f.textInsteadOfImage);
    expect(result).toMatchObject({ kind: 'no-image', retryable: true, batch: 'continue', httpStatus: 200 });
    expect(result.kind === 'no-image' && result.detail).toContain("I can't edit this image");
  });

  it('reports no image for finishReason NO_IMAGE and for a thought-only answer', () => {
    expect(read(f.finishNoImage)).toMatchObject({ kind: 'no-image' });
    expect(read(f.onlyThoughtImage)).toMatchObject({ kind: 'no-image' });
  });

  it('reports a refused prompt as blocked, not retryable, with a sentence Jenny can act on', () => {
    const result = read(f.promptBlocked);
    expect(result).toMatchObject({
      kind: 'blocked',
      code: 'PROHIBITED_CONTENT',
      source: 'prompt',
      retryable: false,
    });
    expect(result.kind === 'blocked' && result.message).toMatch(/product photo/);
  });

  it.each([
    ['IMAGE_SAFETY', true],
    ['SAFETY', true],
    ['IMAGE_PROHIBITED_CONTENT', false],
    ['PROHIBITED_CONTENT', false],
    ['IMAGE_RECITATION', true],
    ['RECITATION', true],
    ['IMAGE_OTHER', true],
    ['OTHER', true],
    ['BLOCKLIST', false],
    ['SPII', false],
  ])('reports finishReason %s as a blocked output (retryable: %s)', (reason, retryable) => {
    expect(read(f.finishedWith(reason))).toMatchObject({
      kind: 'blocked',
      code: reason,
      source: 'output',
      retryable,
      batch: 'continue',
    });
  });

  it('passes HTTP failures through unchanged', () => {
    expect(read(f.perMinute)).toMatchObject({ kind: 'rate-limited' });
    expect(read(f.apiKeyInvalid)).toMatchObject({ kind: 'settings', code: 'KEY_INVALID' });
  });

  it('treats a 200 that is not a generateContent answer as transient', () => {
    expect(readGenerateContent(f.json(200, { candidates: 'nope' }), f.NOON_PACIFIC)).toMatchObject({
      kind: 'transient',
    });
  });
});

describe('nearestAspectRatio', () => {
  it.each<[number, number, AspectRatio]>([
    [1080, 1920, '9:16'],
    [1080, 1350, '4:5'],
    [1080, 1080, '1:1'],
    [1920, 1080, '16:9'],
    [1200, 900, '4:3'],
    [900, 1200, '3:4'],
    [1000, 1500, '2:3'],
    [2520, 1080, '21:9'],
    [1242, 2688, '9:16'],
    [1170, 1560, '3:4'],
    [4000, 1000, '21:9'],
    [1000, 4000, '9:16'],
  ])('%i×%i → %s', (width, height, expected) => {
    expect(nearestAspectRatio(width, height)).toBe(expected);
  });

  it('maps each accepted ratio to itself', () => {
    for (const ratio of ASPECT_RATIOS) {
      const [w = 0, h = 0] = ratio.split(':').map(Number);
      expect(nearestAspectRatio(w * 64, h * 64)).toBe(ratio);
    }
  });

  it('falls back to portrait 9:16 when the size is unknown', () => {
    expect(nearestAspectRatio(0, 0)).toBe('9:16');
    expect(nearestAspectRatio(Number.NaN, 100)).toBe('9:16');
  });

  it('does not depend on the scale of the image', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 2, max: 9 }),
        (w, h, k) => {
          expect(nearestAspectRatio(w * k, h * k)).toBe(nearestAspectRatio(w, h));
        },
      ),
    );
  });

  it('compares in log space: 2:1 picks a landscape ratio as far as 1:2 picks a portrait one', () => {
    // 1:2 is nearer 9:16 than 2:3 in log space (|ln .5625 - ln .5| < |ln .667 - ln .5|), and mirrored for 2:1.
    expect(nearestAspectRatio(100, 200)).toBe('9:16');
    expect(nearestAspectRatio(200, 100)).toBe('16:9');
  });
});
