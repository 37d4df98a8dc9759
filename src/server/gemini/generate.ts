/** Reading a generateContent response: the HTTP-level look, the envelope's shape, then refusals. */
import { findBlock } from './blocks';
import { classifyResponse } from './errors';
import { transientFailure, type GeminiOutcome } from './failure';
import type { HttpResult } from './http';
import { GenerateContentResponseSchema, type GenerateContentResponse, type ResponsePart } from './schemas';

export function readGenerateContent(
  result: HttpResult,
  now: number,
): GeminiOutcome<{ response: GenerateContentResponse }> {
  const classified = classifyResponse(result.status, result.body, result.headers, now);
  if (classified.kind !== 'ok') return classified;
  const parsed = GenerateContentResponseSchema.safeParse(classified.json);
  if (!parsed.success)
    return transientFailure('UNEXPECTED_RESPONSE', result.status, 'not a generateContent response');
  return findBlock(parsed.data) ?? { kind: 'ok', response: parsed.data };
}

/** The answer's parts, without the model's thinking (thought text and draft images are never the answer). */
export function answerParts(response: GenerateContentResponse): ResponsePart[] {
  return (response.candidates?.[0]?.content?.parts ?? []).filter((part) => part.thought !== true);
}

/** The answer's text: every non-thought text part, joined. */
export function answerText(response: GenerateContentResponse): string {
  return answerParts(response)
    .map((part) => part.text ?? '')
    .join('');
}
