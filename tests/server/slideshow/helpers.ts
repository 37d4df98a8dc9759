/** A job step's world without the engine: one row, a meta with the settings snapshot, fake answers. */
import type {
  BatchMeta,
  EngineResponse,
  ItemRecord,
  ItemSpec,
  Json,
  RowRecord,
  StepContext,
} from '../../../src/server/engine/types';
import { toJobSettings } from '../../../src/server/slideshow/job-settings';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

export const NOW = Date.UTC(2026, 10, 22, 20, 0, 0);
export const KEY = 'AIzaSyUnitTestKey-000000000000000000000';
export const TOKEN = 'ya29.unit-test-token';

export function row(overrides: Partial<RowRecord> = {}): RowRecord {
  return {
    rowId: 'r1',
    number: 7,
    link: 'https://www.tiktok.com/@someone/photo/7312345678901234567',
    photo: 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456/view',
    description: 'A vitamin C serum, 30 ml.',
    photoVariations: 2,
    textVariations: 3,
    state: 'active',
    items: [],
    ...overrides,
  };
}

export function meta(overrides: Partial<BatchMeta> = {}): BatchMeta {
  return {
    id: 'b1',
    job: 'slideshow',
    status: 'running',
    createdAt: NOW,
    settings: {
      rowsInProgress: 5,
      requestsPerMinute: {},
      job: { ...toJobSettings(DEFAULT_SETTINGS, 'Europe/Lisbon') },
    },
    sent: {},
    holdUntil: {},
    events: [],
    unitsDone: 0,
    shared: {},
    ...overrides,
  };
}

export function item(spec: ItemSpec, overrides: Partial<ItemRecord> = {}): ItemRecord {
  return { ...spec, deps: spec.deps ?? [], state: 'leased', attempts: 0, takeovers: 0, ...overrides };
}

export function context(
  options: { row?: RowRecord; meta?: BatchMeta; results?: Record<string, Json>; missing?: string[] } = {},
): StepContext {
  const results = options.results ?? {};
  return {
    row: options.row ?? row(),
    meta: options.meta ?? meta(),
    now: NOW,
    resultOf: (id) => results[id],
    secret: (name) => (options.missing?.includes(name) ? null : name === 'apiKey' ? KEY : TOKEN),
    convertImage: (base64) => base64,
  };
}

export function answer(
  status: number,
  body: string | object = '',
  headers: Record<string, string> = {},
): EngineResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    status,
    headers,
    size: text.length,
    text: () => text,
    base64: () => Buffer.from(text).toString('base64'),
  };
}
