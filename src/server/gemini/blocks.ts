/**
 * A 200 that Gemini refused to fill: the prompt was blocked (promptFeedback.blockReason) or the answer
 * was withheld (candidate finishReason). Each reason gets a sentence Jenny can act on, and a retry
 * decision: a refused input gets the same refusal again, a withheld output may come out differently.
 */
import { safeDetail, type BlockedFailure } from './failure';
import type { GenerateContentResponse } from './schemas';

interface BlockRule {
  message: string;
  retryable: boolean;
}

const PROMPT_BLOCK: BlockRule = {
  message:
    "Gemini's safety filter refused the input (the slide, the product photo or the text). Try another product photo or reword the description.",
  retryable: false,
};

/** Finish reasons that mean "withheld"; NO_IMAGE and MAX_TOKENS are read elsewhere (no image, bad output). */
const OUTPUT_BLOCKS: Record<string, BlockRule> = {
  SAFETY: {
    message:
      "Gemini's safety filter withheld the answer. It will be tried again; if it keeps happening, reword the description.",
    retryable: true,
  },
  IMAGE_SAFETY: {
    message:
      "Gemini's safety filter withheld the image it made. It will be tried again; if it keeps happening, try another product photo.",
    retryable: true,
  },
  PROHIBITED_CONTENT: {
    message: 'Gemini refused this as prohibited content. Try another product photo or description.',
    retryable: false,
  },
  IMAGE_PROHIBITED_CONTENT: {
    message:
      'Gemini refused to make this image as prohibited content. Try another product photo or description.',
    retryable: false,
  },
  RECITATION: {
    message:
      'Gemini stopped because the answer was too close to existing material. It will be tried again; if it keeps happening, reword the description.',
    retryable: true,
  },
  IMAGE_RECITATION: {
    message:
      'Gemini stopped because the image was too close to an existing one. It will be tried again; if it keeps happening, try another photo.',
    retryable: true,
  },
  BLOCKLIST: {
    message: 'The text contains a term Gemini does not allow. Reword the product description.',
    retryable: false,
  },
  SPII: {
    message:
      'Gemini stopped because the answer would contain personal information. Remove personal details from the description.',
    retryable: false,
  },
  LANGUAGE: {
    message:
      'Gemini does not support the language of this text. Write the description in a supported language.',
    retryable: false,
  },
  OTHER: {
    message:
      'Gemini stopped without saying why. It will be tried again; if it keeps happening, try another photo.',
    retryable: true,
  },
  IMAGE_OTHER: {
    message:
      'Gemini stopped making this image without saying why. It will be tried again; if it keeps happening, try another photo.',
    retryable: true,
  },
};

export function findBlock(response: GenerateContentResponse): BlockedFailure | undefined {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason && blockReason !== 'BLOCK_REASON_UNSPECIFIED') {
    return blocked(blockReason, 'prompt', PROMPT_BLOCK, response.promptFeedback?.blockReasonMessage);
  }
  const candidate = response.candidates?.[0];
  const finishReason = candidate?.finishReason;
  const rule = finishReason ? OUTPUT_BLOCKS[finishReason] : undefined;
  if (finishReason && rule) return blocked(finishReason, 'output', rule, candidate?.finishMessage);
  return undefined;
}

function blocked(
  code: string,
  source: 'prompt' | 'output',
  rule: BlockRule,
  detail: string | undefined,
): BlockedFailure {
  return {
    kind: 'blocked',
    code,
    source,
    message: rule.message,
    httpStatus: 200,
    detail: safeDetail(detail ?? `${source === 'prompt' ? 'blockReason' : 'finishReason'} ${code}`),
    retryable: rule.retryable,
    batch: 'continue',
  };
}
