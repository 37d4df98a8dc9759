import { modelPickers, readKeyCheck, readModelList } from '../../../../src/server/gemini/models';
import { listModels } from '../../../../src/server/gemini/request';
import { DEFAULT_SIM_KEY } from '../../../../emulator/sim/gemini';
import { newSim, NOW, send } from './helpers';

describe('simulated models list', () => {
  it('validates the default key and offers its text and image models', () => {
    const read = readKeyCheck(send(newSim(), listModels(DEFAULT_SIM_KEY)), NOW);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.textModels.map((model) => model.id)).toContain('gemini-2.5-flash');
    expect(read.imageModels.map((model) => model.id)).toEqual([
      'gemini-2.5-flash-image',
      'gemini-3-pro-image-preview',
    ]);
    expect(read.textModels.map((model) => model.id)).not.toContain('gemini-2.5-flash-preview-tts');
  });

  it('pages with nextPageToken when asked for small pages', () => {
    const sim = newSim();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const spec = listModels(DEFAULT_SIM_KEY, token);
      const read = readModelList(
        send(sim, { ...spec, url: spec.url.replace('pageSize=1000', 'pageSize=3') }),
        NOW,
      );
      if (read.kind !== 'ok') throw new Error(read.message);
      seen.push(...read.models.map((model) => model.id));
      token = read.nextPageToken;
      pages++;
    } while (token && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(8);
    expect(sim.stats.calls.modelsList).toBe(3);
  });

  it('lists custom models', () => {
    const sim = newSim({
      models: [
        { id: 'gemini-9-image', kind: 'image' },
        { id: 'gemini-9', kind: 'text' },
      ],
    });
    const read = readModelList(send(sim, listModels(DEFAULT_SIM_KEY)), NOW);
    if (read.kind !== 'ok') throw new Error(read.message);
    expect(modelPickers(read.models).imageModels.map((model) => model.id)).toEqual(['gemini-9-image']);
  });

  it('refuses a bad key with the client’s settings failure', () => {
    expect(
      readKeyCheck(send(newSim(), listModels('AIzaSyWrongWrongWrongWrongWrong-000000')), NOW),
    ).toMatchObject({
      kind: 'settings',
      code: 'KEY_INVALID',
    });
  });

  it('answers an unknown model with 404, which the client reads as a settings problem', () => {
    const sim = newSim();
    const result = send(sim, {
      url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-0-nope:generateContent',
      method: 'post',
      headers: { 'x-goog-api-key': DEFAULT_SIM_KEY },
      contentType: 'application/json',
      payload: JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] }),
    });
    expect(result.status).toBe(404);
    expect(readModelList(result, NOW)).toMatchObject({ kind: 'settings', code: 'MODEL_NOT_FOUND' });
  });

  it('serves an HTML 404 for a path it does not know, which the client treats as transient', () => {
    const result = send(newSim(), {
      url: 'https://generativelanguage.googleapis.com/v1beta/modelz',
      method: 'get',
      headers: { 'x-goog-api-key': DEFAULT_SIM_KEY },
    });
    expect(result.status).toBe(404);
    expect(result.body).toContain('<!DOCTYPE html>');
    expect(readModelList(result, NOW)).toMatchObject({ kind: 'transient', code: 'UNEXPECTED_RESPONSE' });
  });
});
