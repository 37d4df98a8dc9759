/**
 * The JSON Schemas sent to Gemini are derived from the zod schemas that check the answers: they use
 * only keywords Gemini accepts, and what a model writes to them (the simulator's generator, which
 * follows a JSON Schema) passes the zod checks.
 */
import { generateFromSchema } from '../../../emulator/sim/gemini/json-gen';
import { readPrompt } from '../../../emulator/sim/gemini/prompt';
import { Rng } from '../../../emulator/sim/gemini/random';
import {
  AnalysisSchema,
  analysisJsonSchema,
  CopySchema,
  copyJsonSchema,
  GEMINI_SCHEMA_KEYWORDS,
  schemaKeywords,
  SLIDE_ROLES,
  toGeminiSchema,
} from '../../../src/server/slideshow/schemas';
import { z } from 'zod';

describe('analysis and copy schemas', () => {
  it.each([
    ['analysis', analysisJsonSchema],
    ['copy', copyJsonSchema],
  ])('the %s JSON Schema uses only keywords Gemini accepts', (_name, schema) => {
    const keywords = schemaKeywords(schema());
    expect([...keywords].filter((keyword) => !GEMINI_SCHEMA_KEYWORDS.has(keyword))).toEqual([]);
    expect(keywords.has('required')).toBe(true);
  });

  it('derives the JSON Schema from the zod schema (one source of truth)', () => {
    const schema = analysisJsonSchema() as {
      required: string[];
      properties: { slides: { items: { required: string[]; properties: { role: { enum: string[] } } } } };
    };
    expect(schema.required.sort()).toEqual(Object.keys(AnalysisSchema.shape).sort());
    expect(schema.properties.slides.items.required.sort()).toEqual(
      ['index', 'layout', 'productPlacement', 'role', 'style', 'text'].sort(),
    );
    expect(schema.properties.slides.items.properties.role.enum).toEqual([...SLIDE_ROLES]);
  });

  it('refuses a zod schema that would need a keyword Gemini does not take', () => {
    expect(() => toGeminiSchema(z.object({ at: z.string().regex(/^\d+$/) }))).toThrow(/pattern/);
  });

  it.each([1, 2, 3, 4])('what a model writes to the schemas passes the checks (seed %i)', (seed) => {
    const facts = readPrompt('Product: a vitamin C serum', seed);
    const analysis = generateFromSchema(analysisJsonSchema(), { facts, rng: new Rng(seed), slideCount: 5 });
    expect(AnalysisSchema.parse(analysis).slides).toHaveLength(5);
    const copy = generateFromSchema(copyJsonSchema(), { facts, rng: new Rng(seed), slideCount: 5 });
    expect(CopySchema.parse(copy).slides).toHaveLength(5);
  });

  it('rejects answers that miss a field or use an unknown role', () => {
    const slide = { index: 0, role: 'hook', text: '', layout: 'x', style: 'y', productPlacement: 'z' };
    expect(AnalysisSchema.safeParse({ summary: 's', slides: [slide] }).success).toBe(true);
    expect(AnalysisSchema.safeParse({ summary: 's', slides: [{ ...slide, role: 'meme' }] }).success).toBe(
      false,
    );
    expect(AnalysisSchema.safeParse({ slides: [slide] }).success).toBe(false);
    expect(
      CopySchema.safeParse({ slides: [{ index: 0, text: '' }], caption: 'c', hashtags: [] }).success,
    ).toBe(false);
  });
});
