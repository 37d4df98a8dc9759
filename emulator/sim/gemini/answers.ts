/** 200 bodies of generateContent, in the shapes Gemini sends: answers, refusals, and image-less answers. */
import { hashString } from './random';

export interface Usage {
  promptTokenCount: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount: number;
}

type Part = Record<string, unknown>;

function envelope(model: string, seed: string, body: Record<string, unknown>): Record<string, unknown> {
  return {
    ...body,
    modelVersion: model,
    responseId: hashString(seed).toString(36) + hashString(seed, 7).toString(36),
  };
}

export function usage(promptTokens: number, answerTokens: number, thoughtTokens = 0): Usage {
  return {
    promptTokenCount: promptTokens,
    ...(answerTokens ? { candidatesTokenCount: answerTokens } : {}),
    ...(thoughtTokens ? { thoughtsTokenCount: thoughtTokens } : {}),
    totalTokenCount: promptTokens + answerTokens + thoughtTokens,
  };
}

export function answer(model: string, seed: string, parts: Part[], tokens: Usage, finishReason = 'STOP') {
  return envelope(model, seed, {
    candidates: [{ content: { role: 'model', parts }, finishReason, index: 0 }],
    usageMetadata: tokens,
  });
}

/** The input was refused: no candidates, only the reason. */
export function promptBlocked(model: string, seed: string, reason: string, tokens: Usage) {
  return envelope(model, seed, {
    promptFeedback: {
      blockReason: reason,
      safetyRatings: [
        { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
        { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
        { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
        {
          category: 'HARM_CATEGORY_DANGEROUS_CONTENT',
          probability: reason === 'SAFETY' ? 'MEDIUM' : 'NEGLIGIBLE',
        },
      ],
    },
    usageMetadata: tokens,
  });
}

/** The answer was withheld: a candidate with a finish reason and no content. */
export function outputWithheld(model: string, seed: string, finishReason: string, tokens: Usage) {
  return envelope(model, seed, { candidates: [{ finishReason, index: 0 }], usageMetadata: tokens });
}

export function textPart(text: string, thought = false): Part {
  return thought ? { text, thought: true } : { text };
}

export function imagePart(base64: string, thought = false): Part {
  return thought
    ? { inlineData: { mimeType: 'image/png', data: base64 }, thought: true }
    : { inlineData: { mimeType: 'image/png', data: base64 } };
}

/** Roughly Gemini's accounting: a quarter token per character, 258 per input image, 1290 per output image. */
export function promptTokens(prompt: string, images: number): number {
  return Math.ceil(prompt.length / 4) + images * 258;
}

export const IMAGE_TOKENS = 1290;
