/** `GET v1beta/models` (paged) and `GET v1beta/models/{id}`. */
import type { SimResponse } from '../../core/http';
import { generationMethods, type SimModel } from './options';
import type { SimState } from './state';
import * as wire from './wire';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

function describeModel(model: SimModel): Record<string, unknown> {
  return {
    name: `models/${model.id}`,
    version: '001',
    displayName: model.displayName ?? model.id,
    description: `Simulated ${model.displayName ?? model.id}`,
    ...(model.inputTokenLimit ? { inputTokenLimit: model.inputTokenLimit } : {}),
    ...(model.outputTokenLimit ? { outputTokenLimit: model.outputTokenLimit } : {}),
    supportedGenerationMethods: generationMethods(model),
    ...(model.kind === 'text' ? { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2 } : {}),
    ...(model.thinking ? { thinking: true } : {}),
  };
}

/** Page tokens are opaque to clients; here they carry the offset. */
export function listModels(state: SimState, query: URLSearchParams): SimResponse {
  const requested = Number(query.get('pageSize') ?? DEFAULT_PAGE_SIZE);
  const pageSize = Math.min(
    MAX_PAGE_SIZE,
    Number.isFinite(requested) && requested > 0 ? Math.floor(requested) : DEFAULT_PAGE_SIZE,
  );
  const token = query.get('pageToken');
  const offset = token
    ? Number(
        Buffer.from(token, 'base64')
          .toString('utf8')
          .replace(/^offset:/, ''),
      )
    : 0;
  if (!Number.isInteger(offset) || offset < 0) return wire.invalidArgument('Invalid page token.');
  const page = state.modelList.slice(offset, offset + pageSize);
  const next =
    offset + pageSize < state.modelList.length
      ? Buffer.from(`offset:${offset + pageSize}`).toString('base64')
      : undefined;
  return wire.json(200, { models: page.map(describeModel), ...(next ? { nextPageToken: next } : {}) });
}

export function getModel(state: SimState, id: string): SimResponse {
  const model = state.models.get(id);
  return model ? wire.json(200, describeModel(model)) : wire.modelNotFound(id, 'get');
}
