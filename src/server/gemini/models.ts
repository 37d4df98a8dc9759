/**
 * The models list, read for two purposes: checking a key when it is saved (a 200 means Gemini accepts
 * it), and filling the settings pickers with the models this key can actually use.
 */
import { classifyResponse } from './errors';
import { transientFailure, type GeminiOutcome } from './failure';
import type { HttpResult } from './http';
import { modelId } from './request';
import { ModelListSchema, type GeminiModel } from './schemas';

export interface ModelChoice {
  /** What settings store and requests use, without the `models/` prefix. */
  id: string;
  displayName: string;
  supportsGenerateContent: boolean;
  /** Gemini image models carry `image` as a word of their id; Imagen (`imagen-...`) uses another API. */
  isImageModel: boolean;
  inputTokenLimit?: number;
  outputTokenLimit?: number;
}

export interface ModelPickers {
  /** For analysis and copy: they must read images and write JSON to a schema. */
  textModels: ModelChoice[];
  imageModels: ModelChoice[];
}

/**
 * Models that take generateContent but are no use for analysis or copy: speech, audio and live models,
 * and Gemma, which has no JSON mode on this API.
 */
const NOT_FOR_ANALYSIS = /(tts|audio|live|embedding|aqa|robotics|computer-use|^gemma)/i;

export function toModelChoice(model: GeminiModel): ModelChoice {
  const id = modelId(model.name);
  return {
    id,
    displayName: model.displayName ?? id,
    supportsGenerateContent: (model.supportedGenerationMethods ?? []).includes('generateContent'),
    isImageModel: /(^|[-.])image([-.]|$)/i.test(id),
    inputTokenLimit: model.inputTokenLimit,
    outputTokenLimit: model.outputTokenLimit,
  };
}

export function readModelList(
  result: HttpResult,
  now: number,
): GeminiOutcome<{ models: ModelChoice[]; nextPageToken?: string }> {
  const classified = classifyResponse(result.status, result.body, result.headers, now);
  if (classified.kind !== 'ok') return classified;
  const parsed = ModelListSchema.safeParse(classified.json);
  if (!parsed.success) return transientFailure('UNEXPECTED_RESPONSE', result.status, 'not a models list');
  return {
    kind: 'ok',
    models: (parsed.data.models ?? []).map(toModelChoice),
    nextPageToken: parsed.data.nextPageToken || undefined,
  };
}

export function modelPickers(models: readonly ModelChoice[]): ModelPickers {
  const usable = models.filter((model) => model.supportsGenerateContent);
  return {
    textModels: usable.filter((model) => !model.isImageModel && !NOT_FOR_ANALYSIS.test(model.id)),
    imageModels: usable.filter((model) => model.isImageModel),
  };
}

/**
 * Checking a key on save: the models list answers 200 for a key Gemini accepts. A key that works but
 * lists no image model is accepted too; the settings screen says what it lacks.
 */
export function readKeyCheck(
  result: HttpResult,
  now: number,
): GeminiOutcome<ModelPickers & { nextPageToken?: string }> {
  const read = readModelList(result, now);
  if (read.kind !== 'ok') return read;
  return { kind: 'ok', ...modelPickers(read.models), nextPageToken: read.nextPageToken };
}
