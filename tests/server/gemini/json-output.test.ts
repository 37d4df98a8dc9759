import { z } from 'zod';
import { jsonOutputConfig, readJsonOutput } from '../../../src/server/gemini/json-output';
import type { HttpResult } from '../../../src/server/gemini/http';
import * as f from './fixtures';

const Copy = z.object({
  caption: z.string(),
  slides: z.array(z.object({ index: z.number().int(), text: z.string().min(1) })).min(1),
});

const read = (result: HttpResult) => readJsonOutput(result, f.NOON_PACIFIC, Copy);
const good = { caption: 'Glow all day #skincare', slides: [{ index: 0, text: 'POV: you found the serum' }] };

describe('jsonOutputConfig', () => {
  it('asks for JSON that follows the given schema', () => {
    const schema = { type: 'object', properties: { caption: { type: 'string' } }, required: ['caption'] };
    expect(jsonOutputConfig(schema)).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
  });
});

describe('readJsonOutput', () => {
  it('returns the validated value', () => {
    const result = read(f.textAnswer([JSON.stringify(good)]));
    expect(result.kind === 'ok' && result.value).toEqual(good);
  });

  it('joins text split across parts and ignores thoughts', () => {
    const text = JSON.stringify(good);
    const result = read(
      f.textAnswer([text.slice(0, 20), text.slice(20)], 'STOP', ['{"caption": "thinking"}']),
    );
    expect(result.kind === 'ok' && result.value).toEqual(good);
  });

  it('accepts JSON wrapped in a Markdown fence', () => {
    const result = read(f.textAnswer(['```json\n' + JSON.stringify(good) + '\n```']));
    expect(result.kind).toBe('ok');
  });

  it('reports text that is not JSON as bad output, retryable', () => {
    const result = read(f.textAnswer(['Sure! Here are your slides:']));
    expect(result).toMatchObject({ kind: 'bad-output', retryable: true, batch: 'continue' });
    expect(result.kind === 'bad-output' && result.detail).toContain('Sure! Here are');
  });

  it('says the answer was cut off when it stopped at MAX_TOKENS', () => {
    const result = read(f.textAnswer(['{"caption": "Glow all', ''], 'MAX_TOKENS'));
    expect(result.kind === 'bad-output' && result.message).toMatch(/cut off/);
  });

  it('says what is wrong when the JSON does not match the schema', () => {
    const result = read(
      f.textAnswer([JSON.stringify({ caption: 'x', slides: [{ index: 0 }, { index: 'one', text: 'b' }] })]),
    );
    expect(result.kind).toBe('bad-output');
    expect(result.kind === 'bad-output' && result.detail).toMatch(/slides\[0\]\.text/);
    expect(result.kind === 'bad-output' && result.detail).toMatch(/slides\[1\]\.index/);
  });

  it('reports an empty answer', () => {
    expect(read(f.textAnswer([]))).toMatchObject({ kind: 'bad-output' });
  });

  it('passes refusals and HTTP failures through', () => {
    expect(read(f.finishedWith('SAFETY'))).toMatchObject({ kind: 'blocked', code: 'SAFETY' });
    expect(read(f.overloaded)).toMatchObject({ kind: 'transient' });
  });
});
