import { modelPickers, readKeyCheck, readModelList } from '../../../src/server/gemini/models';
import * as f from './fixtures';

describe('readModelList', () => {
  it('lists models with ids usable in requests and the page token for more', () => {
    const result = readModelList(f.modelsPage, f.NOON_PACIFIC);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.models.map((model) => model.id)).toContain('gemini-2.5-flash-image');
    expect(result.models.find((model) => model.id === 'gemini-2.5-flash')).toMatchObject({
      displayName: 'Gemini 2.5 Flash',
      supportsGenerateContent: true,
      isImageModel: false,
      inputTokenLimit: 1048576,
    });
    expect(result.nextPageToken).toBe('Ch5tb2RlbHMvZ2VtaW5pLWVtYmVkZGluZy0wMDE=');
  });

  it('reads an empty list (a project with no models) as no models', () => {
    const result = readModelList(f.json(200, {}), f.NOON_PACIFIC);
    expect(result).toEqual({ kind: 'ok', models: [], nextPageToken: undefined });
  });
});

describe('modelPickers', () => {
  it('offers image models for images and JSON-capable models for analysis', () => {
    const result = readModelList(f.modelsPage, f.NOON_PACIFIC);
    if (result.kind !== 'ok') throw new Error('models page did not read');
    const pickers = modelPickers(result.models);
    expect(pickers.imageModels.map((model) => model.id)).toEqual([
      'gemini-2.5-flash-image',
      'gemini-3-pro-image-preview',
    ]);
    // Imagen uses `predict`, TTS cannot write JSON, Gemma has no JSON mode, embeddings do not generate.
    expect(pickers.textModels.map((model) => model.id)).toEqual(['gemini-2.5-flash']);
  });
});

describe('readKeyCheck', () => {
  it('accepts a key when the models list answers 200', () => {
    const result = readKeyCheck(f.modelsPage, f.NOON_PACIFIC);
    expect(result.kind).toBe('ok');
    expect(result.kind === 'ok' && result.imageModels.length).toBe(2);
  });

  it('refuses a bad key with the settings sentence', () => {
    expect(readKeyCheck(f.apiKeyInvalid, f.NOON_PACIFIC)).toMatchObject({
      kind: 'settings',
      code: 'KEY_INVALID',
    });
  });
});
