/**
 * `POST v1beta/models/{model}:generateContent`, in the order Gemini checks things: the body, the model,
 * billing, quotas, the referenced files and images; then faults drawn from the seed; then an answer
 * derived from the request (JSON that fits the request's schema, or an image made from its inputs).
 */
import type { SimRequest, SimResponse } from '../../core/http';
import * as answers from './answers';
import { paragraph } from './copy';
import { generateFromSchema } from './json-gen';
import { loadImages, type LoadedImages } from './inputs';
import { generationMethods, type SimModel } from './options';
import { checkQuota, type Caller } from './quota-check';
import { parseGenerateRequest, RequestError, type ParsedGenerateRequest } from './parse-request';
import { readPrompt, type PromptFacts } from './prompt';
import { Rng, hashString } from './random';
import { ASPECT_RATIOS, renderAnswerImage, renderDraft } from './render';
import { padPng } from './image/decode';
import type { SimState } from './state';
import * as wire from './wire';

const MAX_REQUEST_BYTES = 20 * 1024 * 1024;

export function handleGenerate(
  state: SimState,
  request: SimRequest,
  now: number,
  modelId: string,
  caller: Caller,
): SimResponse {
  const model = state.models.get(modelId);
  const fail = (response: SimResponse) => ({ ...response, latencyMs: state.latency('error') });

  if (request.body.length > MAX_REQUEST_BYTES) {
    countCall(state, modelId, model?.kind === 'image');
    return fail(wire.invalidArgument(`Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes.`));
  }
  let parsed: ParsedGenerateRequest;
  try {
    parsed = parseGenerateRequest(new TextDecoder().decode(request.body));
  } catch (error) {
    countCall(state, modelId, model?.kind === 'image');
    if (error instanceof RequestError) return fail(wire.invalidArgument(error.message));
    throw error;
  }
  const wantsImage = parsed.modalities ? parsed.modalities.includes('IMAGE') : model?.kind === 'image';
  countCall(state, modelId, wantsImage);

  if (!model || !generationMethods(model).includes('generateContent')) {
    return fail(wire.modelNotFound(modelId));
  }
  if (wantsImage && model.kind !== 'image') {
    return fail(wire.invalidArgument('Model does not support the requested response modalities: image'));
  }
  if (parsed.aspectRatio !== undefined && !ASPECT_RATIOS.includes(parsed.aspectRatio)) {
    return fail(
      wire.invalidArgument(
        `Unsupported aspect ratio: ${parsed.aspectRatio}. Supported: ${ASPECT_RATIOS.join(', ')}.`,
      ),
    );
  }

  const quotaRefusal = checkQuota(state, model, caller, now);
  if (quotaRefusal) return fail(quotaRefusal);

  // Only an image answer looks at pixels: the background (first image) and the product (last).
  const toDecode = wantsImage ? new Set([0, parsed.images.length - 1]) : new Set<number>();
  const inputs = loadImages(state, parsed.images, caller.project, now, toDecode);
  if ('status' in inputs) return fail(inputs);

  if (state.faultRng.chance(state.faults.serverError)) {
    state.stats.serverErrors += 1;
    const which = state.faultRng.int(0, 2);
    const response = wire.serverError(which);
    // A 504 means the model ran out of time: it arrives late.
    return {
      ...response,
      latencyMs:
        response.status === 504 ? state.latency(wantsImage ? 'image' : 'text') * 3 : state.latency('error'),
    };
  }

  const facts = readPrompt(parsed.prompt, state.seed);
  const seedText = `${parsed.prompt}\u0000${parsed.images.length}\u0000${JSON.stringify(parsed.schema ?? null)}`;
  const rng = new Rng(hashString(seedText, state.seed));
  const tokensIn = answers.promptTokens(parsed.prompt, parsed.images.length);
  const latencyMs = state.latency(wantsImage ? 'image' : 'text');

  const blocked = blockFor(state, parsed, wantsImage, model, seedText, tokensIn);
  if (blocked) return { ...wire.json(200, blocked), latencyMs };

  const body = wantsImage
    ? imageAnswer(state, parsed, inputs.decoded, model, facts, seedText, tokensIn)
    : textAnswer(parsed, model, facts, rng, seedText, tokensIn);
  return { ...wire.json(200, body), latencyMs };
}

function countCall(state: SimState, modelId: string, image: boolean): void {
  state.stats.calls[image ? 'image' : 'text'] += 1;
  state.stats.byModel[modelId] = (state.stats.byModel[modelId] ?? 0) + 1;
}

function blockFor(
  state: SimState,
  parsed: ParsedGenerateRequest,
  wantsImage: boolean,
  model: SimModel,
  seedText: string,
  tokensIn: number,
): Record<string, unknown> | undefined {
  const lower = parsed.prompt.toLowerCase();
  const aimed = state.blockPhrases.some((phrase) => lower.includes(phrase));
  if (!aimed && !state.faultRng.chance(state.faults.block)) return undefined;
  state.stats.blocks += 1;
  const tokens = answers.usage(tokensIn, 0);
  // Aimed blocks refuse the input; random ones alternate between refusing the input and withholding the output.
  if (aimed || state.faultRng.chance(0.5))
    return answers.promptBlocked(model.id, seedText, aimed ? 'PROHIBITED_CONTENT' : 'SAFETY', tokens);
  return answers.outputWithheld(model.id, seedText, wantsImage ? 'IMAGE_SAFETY' : 'SAFETY', tokens);
}

function imageAnswer(
  state: SimState,
  parsed: ParsedGenerateRequest,
  decoded: LoadedImages['decoded'],
  model: SimModel,
  facts: PromptFacts,
  seedText: string,
  tokensIn: number,
): Record<string, unknown> {
  if (state.faultRng.chance(state.faults.noImage)) {
    state.stats.noImage += 1;
    // Either the model explains itself in text instead, or it reports that no image came out.
    if (state.faultRng.chance(0.5)) {
      return answers.answer(
        model.id,
        seedText,
        [answers.textPart("I'm unable to create this image. Try rephrasing the request.")],
        answers.usage(tokensIn, 14),
      );
    }
    return answers.outputWithheld(model.id, seedText, 'NO_IMAGE', answers.usage(tokensIn, 0));
  }
  const look = (facts.baseHash + (facts.variation ?? 0) * 37) >>> 0;
  const rendered = renderAnswerImage({
    background: decoded[0],
    product: decoded.length > 1 ? decoded[decoded.length - 1] : undefined,
    headline: facts.headline ?? facts.productName,
    look,
    aspectRatio: parsed.aspectRatio,
    longSide: state.imageLongSide,
  });
  state.stats.imagesRendered += 1;

  const parts = [];
  let thoughtTokens = 0;
  if (model.thinking && parsed.includeThoughts) {
    parts.push(
      answers.textPart(
        '**Planning the composition**\nKeeping the original layout and placing the product in view.',
        true,
      ),
    );
    parts.push(answers.imagePart(renderDraft(look).toString('base64'), true));
    thoughtTokens = 180;
  }
  if (parsed.modalities?.includes('TEXT'))
    parts.push(answers.textPart(`Here is the slide with ${facts.productName}.`));
  parts.push(answers.imagePart(padPng(rendered.png, state.imageBytes).toString('base64')));
  return answers.answer(
    model.id,
    seedText,
    parts,
    answers.usage(tokensIn, answers.IMAGE_TOKENS, thoughtTokens),
  );
}

function textAnswer(
  parsed: ParsedGenerateRequest,
  model: SimModel,
  facts: PromptFacts,
  rng: Rng,
  seedText: string,
  tokensIn: number,
): Record<string, unknown> {
  const wantsJson = parsed.responseMimeType === 'application/json';
  let text: string;
  if (wantsJson && parsed.schema !== undefined) {
    const slideCount = parsed.images.length || facts.slideCount || rng.int(3, 6);
    text = JSON.stringify(generateFromSchema(parsed.schema, { facts, rng, slideCount }));
  } else if (wantsJson) {
    text = JSON.stringify({ text: paragraph(facts, rng) });
  } else {
    text = paragraph(facts, rng);
  }
  const parts = [];
  let thoughtTokens = 0;
  if (model.thinking && parsed.includeThoughts) {
    parts.push(answers.textPart(`**Reading the request**\nWriting for ${facts.productName}.`, true));
    thoughtTokens = 120;
  }
  parts.push(answers.textPart(text));
  return answers.answer(
    model.id,
    seedText,
    parts,
    answers.usage(tokensIn, Math.ceil(text.length / 4), thoughtTokens),
  );
}
