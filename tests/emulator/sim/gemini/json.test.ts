import { z } from 'zod';
import { imagePart, textPart, type JsonSchema } from '../../../../src/server/gemini/content';
import { jsonOutputConfig, readJsonOutput } from '../../../../src/server/gemini/json-output';
import { generateContent } from '../../../../src/server/gemini/request';
import { DEFAULT_SIM_KEY } from '../../../../emulator/sim/gemini';
import { newSim, NOW, send, solidPng } from './helpers';

const ROLES = ['hook', 'problem', 'product', 'proof', 'call_to_action'];

const analysisSchema: JsonSchema = {
  type: 'object',
  properties: {
    summary: { type: 'string', description: 'What the slideshow is about' },
    slides: {
      type: 'array',
      minItems: 1,
      maxItems: 10,
      items: {
        type: 'object',
        properties: {
          index: { type: 'integer', minimum: 0 },
          role: { type: 'string', enum: ROLES },
          text: { type: 'string' },
          layout: { type: 'string' },
          style: { type: 'string' },
          hasPerson: { type: 'boolean' },
        },
        required: ['index', 'role', 'text', 'layout', 'style'],
      },
    },
  },
  required: ['summary', 'slides'],
};

function copySchema(slides: number): JsonSchema {
  return {
    type: 'object',
    properties: {
      caption: { type: 'string', maxLength: 150 },
      hashtags: { type: 'array', items: { type: 'string' }, maxItems: 5 },
      slides: {
        type: 'array',
        minItems: slides,
        maxItems: slides,
        items: {
          type: 'object',
          properties: { index: { type: 'integer' }, text: { type: 'string', minLength: 3, maxLength: 80 } },
          required: ['index', 'text'],
        },
      },
    },
    required: ['caption', 'slides'],
  };
}

const slideImages = Array.from({ length: 6 }, (_, i) => ({
  mimeType: 'image/png',
  base64: solidPng(54, 96, [i * 40, 80, 120]),
}));

function analysisRequest(images = slideImages) {
  return generateContent(DEFAULT_SIM_KEY, 'gemini-2.5-flash', {
    contents: [
      {
        role: 'user',
        parts: [textPart('Describe each slide of this TikTok slideshow as JSON.'), ...images.map(imagePart)],
      },
    ],
    generationConfig: jsonOutputConfig(analysisSchema),
  });
}

function copyRequest(variation: number, slides = 4) {
  const prompt = [
    `Write new copy for text variation ${variation}.`,
    'Product description: Dew Drop hydrating serum with hyaluronic acid and cucumber extract',
    'Keep the structure of the original slideshow.',
  ].join('\n');
  return generateContent(DEFAULT_SIM_KEY, 'gemini-2.5-flash', {
    contents: [{ role: 'user', parts: [textPart(prompt)] }],
    generationConfig: jsonOutputConfig(copySchema(slides)),
  });
}

function value(result: ReturnType<typeof send>): Record<string, unknown> {
  const read = readJsonOutput(result, NOW, z.record(z.string(), z.unknown()));
  if (read.kind !== 'ok')
    throw new Error(`expected JSON, got ${read.kind}: ${read.message} ${read.detail ?? ''}`);
  return read.value;
}

describe('simulated analysis and copy', () => {
  it('answers JSON that validates against the request schema (checked by an independent validator)', () => {
    const answer = value(send(newSim(), analysisRequest()));
    expect(z.fromJSONSchema(analysisSchema).safeParse(answer).success).toBe(true);
  });

  it('describes one slide per image sent, the first as the hook and the last as the call to action', () => {
    const answer = value(send(newSim(), analysisRequest()));
    const slides = answer.slides as { index: number; role: string }[];
    expect(slides).toHaveLength(6);
    expect(slides.map((slide) => slide.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(slides[0]?.role).toBe('hook');
    expect(slides[5]?.role).toBe('call_to_action');
  });

  it('follows a schema that fixes the number of slides, and passes the client’s own zod check', () => {
    const Copy = z.object({
      caption: z.string().max(150),
      hashtags: z.array(z.string().startsWith('#')).max(5),
      slides: z.array(z.object({ index: z.number().int(), text: z.string().min(3).max(80) })).length(4),
    });
    const read = readJsonOutput(send(newSim(), copyRequest(1)), NOW, Copy);
    expect(read.kind).toBe('ok');
    expect(z.fromJSONSchema(copySchema(4)).safeParse(read.kind === 'ok' && read.value).success).toBe(true);
  });

  it('writes copy that mentions the product', () => {
    const answer = value(send(newSim(), copyRequest(1)));
    const texts = (answer.slides as { text: string }[]).map((slide) => slide.text.toLowerCase()).join(' ');
    expect(texts).toMatch(/dew|drop|hydrating|serum|hyaluronic|cucumber/);
    expect(String(answer.caption).toLowerCase()).toMatch(/dew|drop|hydrating|serum/);
  });

  it('writes different copy for different variations, and the same for the same request', () => {
    const sim = newSim();
    const first = value(send(sim, copyRequest(1)));
    const second = value(send(sim, copyRequest(2)));
    const firstAgain = value(send(sim, copyRequest(1)));
    expect(firstAgain).toEqual(first);
    const texts = (answer: Record<string, unknown>) =>
      (answer.slides as { text: string }[]).map((slide) => slide.text);
    const differing = texts(first).filter((text, i) => text !== texts(second)[i]);
    expect(differing.length).toBe(4);
  });

  it('counts slides from an analysis embedded in the prompt when the schema leaves the number open', () => {
    const analysis = { slides: [{ text: 'a' }, { text: 'b, c' }, { text: 'd' }] };
    const open = copySchema(1);
    const slides = (open.properties as Record<string, Record<string, unknown>>).slides;
    if (slides) {
      delete slides.minItems;
      delete slides.maxItems;
    }
    const spec = generateContent(DEFAULT_SIM_KEY, 'gemini-2.5-flash', {
      contents: [{ parts: [textPart(`Product: Lamp\nOriginal analysis: ${JSON.stringify(analysis)}`)] }],
      generationConfig: jsonOutputConfig(open),
    });
    expect(value(send(newSim(), spec)).slides).toHaveLength(3);
  });

  it('handles $ref, anyOf, nullable types and numeric bounds', () => {
    const schema: JsonSchema = {
      type: 'object',
      $defs: { score: { type: 'number', minimum: 0, maximum: 1 } },
      properties: {
        confidence: { $ref: '#/$defs/score' },
        note: { anyOf: [{ type: 'null' }, { type: 'string' }] },
        count: { type: ['integer', 'null'], minimum: 2, maximum: 3 },
        tone: { const: 'playful' },
      },
      required: ['confidence', 'note', 'count', 'tone'],
    };
    const spec = generateContent(DEFAULT_SIM_KEY, 'gemini-2.5-flash', {
      contents: [{ parts: [textPart('Rate it')] }],
      generationConfig: jsonOutputConfig(schema),
    });
    const answer = value(send(newSim(), spec));
    expect(z.fromJSONSchema(schema).safeParse(answer).success).toBe(true);
    expect(typeof answer.note).toBe('string');
  });

  it('refuses a misspelt generation option like the real API, instead of ignoring it', () => {
    const spec = analysisRequest();
    const body = JSON.parse(spec.payload ?? '{}');
    body.generationConfig.responseJsonSchemaa = body.generationConfig.responseJsonSchema;
    const result = send(newSim(), { ...spec, payload: JSON.stringify(body) });
    expect(result.status).toBe(400);
    expect(result.body).toContain('Unknown name \\"responseJsonSchemaa\\"');
  });

  it('accepts snake_case field names, as the REST API does', () => {
    const spec = generateContent(DEFAULT_SIM_KEY, 'gemini-2.5-flash', { contents: [] });
    const body = {
      contents: [
        {
          parts: [
            { text: 'Describe' },
            { inline_data: { mime_type: 'image/png', data: slideImages[0]?.base64 } },
          ],
        },
      ],
      generation_config: { response_mime_type: 'application/json', response_json_schema: analysisSchema },
    };
    const answer = value(send(newSim(), { ...spec, payload: JSON.stringify(body) }));
    expect(answer.slides).toHaveLength(1);
  });

  it('shows a thought part only when asked, and the client ignores it', () => {
    const spec = copyRequest(1);
    const body = JSON.parse(spec.payload ?? '{}');
    body.generationConfig.thinkingConfig = { includeThoughts: true };
    const result = send(newSim(), { ...spec, payload: JSON.stringify(body) });
    expect(JSON.parse(result.body).candidates[0].content.parts[0].thought).toBe(true);
    expect(value(result).slides).toHaveLength(4);
  });

  it('counts text calls separately from image calls', () => {
    const sim = newSim();
    send(sim, analysisRequest());
    send(sim, copyRequest(1));
    expect(sim.stats.calls).toMatchObject({ text: 2, image: 0 });
    expect(sim.stats.byModel['gemini-2.5-flash']).toBe(2);
  });
});
