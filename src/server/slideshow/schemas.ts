/**
 * The JSON Gemini writes for the analysis and copy calls. One source of truth: the zod schemas check
 * the answers, and the JSON Schemas sent as `responseJsonSchema` are derived from them, cut down to
 * the keywords Gemini's structured output accepts (an unknown keyword would be refused with a 400).
 */
import { z } from 'zod';
import type { JsonSchema, JsonValue } from '../gemini/content';

/** At most 35 pictures in a TikTok photo post. */
export const MAX_SLIDES = 35;

export const SLIDE_ROLES = ['hook', 'problem', 'product', 'proof', 'tip', 'call to action', 'other'] as const;

export const SlideAnalysisSchema = z.object({
  index: z.number().int().min(0).max(MAX_SLIDES).describe('The slide number, from 0, in the order given.'),
  role: z.enum(SLIDE_ROLES).describe("The slide's job in the story."),
  text: z
    .string()
    .describe('The words written on the slide, exactly as they appear; an empty string if there are none.'),
  layout: z
    .string()
    .describe('Where the text sits, the framing and the main subject: enough to rebuild the composition.'),
  style: z.string().describe('Fonts, text colours and effects, colour palette, lighting, photo style.'),
  productPlacement: z
    .string()
    .describe("Where and how the advertised product should appear in this slide's picture."),
});
export type SlideAnalysis = z.infer<typeof SlideAnalysisSchema>;

export const AnalysisSchema = z.object({
  summary: z.string().describe('What the slideshow is about and why it works, in one or two sentences.'),
  slides: z.array(SlideAnalysisSchema).min(1).max(MAX_SLIDES),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

export const SlideCopySchema = z.object({
  index: z.number().int().min(0).max(MAX_SLIDES).describe('The slide number, from 0.'),
  text: z.string().min(1).describe('The new words for this slide: short enough to read at a glance.'),
});

export const CopySchema = z.object({
  slides: z.array(SlideCopySchema).min(1).max(MAX_SLIDES),
  caption: z.string().min(1).describe('The new post caption, without hashtags.'),
  hashtags: z.array(z.string()).max(10).describe('Hashtags for the post, without the # sign.'),
});
export type Copy = z.infer<typeof CopySchema>;

/** The keywords of Gemini's `responseJsonSchema` subset that these schemas may use. */
export const GEMINI_SCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'description',
]);

/** Keywords zod writes that Gemini does not need (and may refuse); dropped from the derived schema. */
const DROPPED = new Set(['$schema', 'additionalProperties', 'minLength', 'maxLength']);

function strip(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value as JsonValue;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, inner] of Object.entries(value)) {
    if (DROPPED.has(key)) continue;
    // Under `properties` the keys are field names, not keywords.
    out[key] = key === 'properties' ? stripProperties(inner) : strip(inner);
  }
  return out;
}

function stripProperties(value: unknown): JsonValue {
  const out: { [key: string]: JsonValue } = {};
  for (const [name, inner] of Object.entries(value as Record<string, unknown>)) out[name] = strip(inner);
  return out;
}

/** The keywords a JSON Schema uses, field names under `properties` excluded. */
export function schemaKeywords(schema: JsonValue): Set<string> {
  const found = new Set<string>();
  const walk = (value: JsonValue, underProperties: boolean) => {
    if (Array.isArray(value)) return value.forEach((inner) => walk(inner, false));
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (!underProperties) found.add(key);
      walk(inner, !underProperties && key === 'properties');
    }
  };
  walk(schema, false);
  return found;
}

export function toGeminiSchema(schema: z.ZodType): JsonSchema {
  const derived = strip(z.toJSONSchema(schema, { unrepresentable: 'throw' })) as JsonSchema;
  const unsupported = [...schemaKeywords(derived)].filter((key) => !GEMINI_SCHEMA_KEYWORDS.has(key));
  if (unsupported.length > 0) {
    throw new Error(`slideshow: schema keywords Gemini would refuse: ${unsupported.join(', ')}`);
  }
  return derived;
}

let analysisSchema: JsonSchema | undefined;
let copySchema: JsonSchema | undefined;

export function analysisJsonSchema(): JsonSchema {
  return (analysisSchema ??= toGeminiSchema(AnalysisSchema));
}

export function copyJsonSchema(): JsonSchema {
  return (copySchema ??= toGeminiSchema(CopySchema));
}
