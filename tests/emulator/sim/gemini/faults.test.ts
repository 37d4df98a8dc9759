import { imageGenerationConfig, imagePart, textPart } from '../../../../src/server/gemini/content';
import { readImage } from '../../../../src/server/gemini/images';
import { readJsonOutput, jsonOutputConfig } from '../../../../src/server/gemini/json-output';
import { generateContent } from '../../../../src/server/gemini/request';
import { z } from 'zod';
import { DEFAULT_SIM_KEY } from '../../../../emulator/sim/gemini';
import { newSim, NOW, send, solidPng } from './helpers';

const slide = solidPng(90, 160, [10, 20, 30]);

function imageCall(prompt = 'Remake the slide') {
  return generateContent(DEFAULT_SIM_KEY, 'gemini-2.5-flash-image', {
    contents: [{ parts: [textPart(prompt), imagePart({ mimeType: 'image/png', base64: slide })] }],
    generationConfig: imageGenerationConfig('9:16'),
  });
}

function jsonCall() {
  return generateContent(DEFAULT_SIM_KEY, 'gemini-2.5-flash', {
    contents: [{ parts: [textPart('Product: Lamp')] }],
    generationConfig: jsonOutputConfig({
      type: 'object',
      properties: { text: { type: 'string' } },
      required: ['text'],
    }),
  });
}

describe('simulated faults', () => {
  it('sends 500, 503 and 504, which the client retries as transient', () => {
    const sim = newSim({ faults: { serverError: 1 } });
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const result = send(sim, imageCall());
      statuses.add(result.status);
      expect(readImage(result, NOW)).toMatchObject({
        kind: 'transient',
        code: 'SERVER_ERROR',
        retryable: true,
      });
    }
    expect([...statuses].sort()).toEqual([500, 503, 504]);
    expect(sim.stats.serverErrors).toBe(30);
  });

  it('blocks at the configured rate, both ways Gemini does, and the client explains it', () => {
    const sim = newSim({ faults: { block: 1 } });
    const sources = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const read = readImage(send(sim, imageCall()), NOW);
      expect(read.kind).toBe('blocked');
      if (read.kind === 'blocked') {
        sources.add(`${read.source}:${read.code}`);
        expect(read.message.length).toBeGreaterThan(40);
      }
    }
    expect(sources).toEqual(new Set(['prompt:SAFETY', 'output:IMAGE_SAFETY']));
    expect(sim.stats.blocks).toBe(20);
  });

  it('blocks a prompt aimed at, and only that one', () => {
    const sim = newSim({ blockPromptsContaining: ['forbidden serum'] });
    expect(readImage(send(sim, imageCall('Remake it with the Forbidden Serum')), NOW)).toMatchObject({
      kind: 'blocked',
      source: 'prompt',
      retryable: false,
    });
    expect(readImage(send(sim, imageCall('Remake it with the lamp')), NOW).kind).toBe('ok');
  });

  it('answers without an image at the configured rate', () => {
    const sim = newSim({ faults: { noImage: 1 } });
    for (let i = 0; i < 6; i++)
      expect(readImage(send(sim, imageCall()), NOW)).toMatchObject({ kind: 'no-image' });
    expect(sim.stats.noImage).toBe(6);
  });

  it('lets a retry succeed where the first try failed (faults are drawn per call)', () => {
    const sim = newSim({ seed: 3, faults: { serverError: 0.5 } });
    const kinds = Array.from({ length: 40 }, () => readImage(send(sim, imageCall()), NOW).kind);
    expect(kinds).toContain('ok');
    expect(kinds).toContain('transient');
  });

  it('repeats exactly with the same seed', () => {
    const run = () => {
      const sim = newSim({ seed: 11, faults: { serverError: 0.3, block: 0.2 } });
      return Array.from({ length: 15 }, () => {
        const result = send(sim, jsonCall());
        return `${result.status}:${result.latencyMs}`;
      });
    };
    expect(run()).toEqual(run());
  });

  it('draws latencies around the configured medians, with a long tail for images', () => {
    const sim = newSim();
    const image = Array.from({ length: 60 }, () => send(sim, imageCall()).latencyMs).sort((a, b) => a - b);
    const text = Array.from({ length: 60 }, () => send(sim, jsonCall()).latencyMs).sort((a, b) => a - b);
    const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? 0;
    expect(median(image)).toBeGreaterThan(9_000);
    expect(median(image)).toBeLessThan(16_000);
    expect(image[image.length - 1]).toBeGreaterThan(median(image) * 1.4);
    expect(median(text)).toBeGreaterThan(2_000);
    expect(median(text)).toBeLessThan(4_500);
  });

  it('takes latencies as configured', () => {
    const sim = newSim({ latency: { image: 5, text: { medianMs: 100 } } });
    expect(send(sim, imageCall()).latencyMs).toBe(5);
    expect(send(sim, jsonCall()).latencyMs).toBe(100);
  });

  it('a JSON answer stays valid under faults when it does arrive', () => {
    const sim = newSim({ faults: { serverError: 0.3 } });
    for (let i = 0; i < 10; i++) {
      const read = readJsonOutput(send(sim, jsonCall()), NOW, z.object({ text: z.string() }));
      expect(['ok', 'transient']).toContain(read.kind);
    }
  });
});
