/** The image side of generateContent: which aspect ratio to ask for, and where the image is in the answer. */
import { noImageFailure, type GeminiOutcome } from './failure';
import { answerParts, answerText, readGenerateContent } from './generate';
import type { HttpResult } from './http';
import type { GenerateContentResponse } from './schemas';

/** The ratios Gemini's image models accept in `imageConfig.aspectRatio`. */
export const ASPECT_RATIOS = [
  '1:1',
  '2:3',
  '3:2',
  '3:4',
  '4:3',
  '4:5',
  '5:4',
  '9:16',
  '16:9',
  '21:9',
] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** TikTok photo posts are portrait; a slide whose size is unknown is most likely one. */
const UNKNOWN_SIZE_RATIO: AspectRatio = '9:16';

export function aspectRatioValue(ratio: AspectRatio): number {
  const [width = 1, height = 1] = ratio.split(':').map(Number);
  return width / height;
}

/**
 * The accepted ratio closest to width:height. Compared in log space so that, say, 2:1 and 1:2 are
 * equally far from 1:1 (a plain difference of quotients favours portrait ratios).
 */
export function nearestAspectRatio(width: number, height: number): AspectRatio {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height)))
    return UNKNOWN_SIZE_RATIO;
  const target = Math.log(width / height);
  let best: AspectRatio = ASPECT_RATIOS[0];
  let bestDistance = Infinity;
  for (const ratio of ASPECT_RATIOS) {
    const distance = Math.abs(Math.log(aspectRatioValue(ratio)) - target);
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return best;
}

export interface GeneratedImage {
  mimeType: string;
  base64: string;
}

/**
 * The final image of an answer. Thought parts are skipped (thinking models show draft images there),
 * and the last image part wins, because a model that revises within one answer ends with its result.
 */
export function extractImage(response: GenerateContentResponse): GeneratedImage | undefined {
  let found: GeneratedImage | undefined;
  for (const part of answerParts(response)) {
    const data = part.inlineData;
    if (data && data.mimeType.startsWith('image/') && data.data.length > 0) {
      found = { mimeType: data.mimeType, base64: data.data };
    }
  }
  return found;
}

/** A whole image call read: the image, or why there is none. */
export function readImage(
  result: HttpResult,
  now: number,
): GeminiOutcome<{ image: GeneratedImage; response: GenerateContentResponse }> {
  const read = readGenerateContent(result, now);
  if (read.kind !== 'ok') return read;
  const image = extractImage(read.response);
  if (!image) {
    const finishReason = read.response.candidates?.[0]?.finishReason;
    const said = answerText(read.response).trim();
    return noImageFailure(said ? `Gemini wrote instead: ${said}` : `finishReason ${finishReason ?? 'none'}`);
  }
  return { kind: 'ok', image, response: read.response };
}
