/**
 * A simulated Gemini API behind the emulator's UrlFetchApp: the models list, generateContent (JSON for
 * analysis and copy, real PNGs for images) and the Files API, with keys, billing, per-minute and
 * per-day quotas, latency and faults, all repeatable from a seed.
 */
import type { HttpHandler, SimRequest, SimResponse } from '../../core/http';
import * as filesApi from './files-api';
import { handleGenerate } from './generate';
import { GEMINI_HOST } from './hosts';
import { getModel, listModels } from './models-api';
import type { GeminiSimOptions, SimKey } from './options';
import { createState, type SimState } from './state';
import type { GeminiSimStats } from './stats';
import * as wire from './wire';

export { DEFAULT_MODELS, DEFAULT_SIM_KEY } from './options';
export type { CallKind, FaultRates, GeminiSimOptions, LatencySpec, SimKey, SimModel } from './options';
export type { GeminiSimStats } from './stats';
export { GEMINI_HOST } from './hosts';

export interface GeminiSim {
  handlers: Record<string, HttpHandler>;
  /** Live counters: read them after (or during) a run. */
  stats: GeminiSimStats;
}

export function createGeminiSim(options: GeminiSimOptions = {}): GeminiSim {
  const state = createState(options);
  const handler: HttpHandler = (request, { now }) => {
    state.stats.bytesIn += request.body.length;
    const response = route(state, request, now);
    const status = String(response.status);
    state.stats.byStatus[status] = (state.stats.byStatus[status] ?? 0) + 1;
    state.stats.bytesOut +=
      typeof response.body === 'string' ? Buffer.byteLength(response.body) : (response.body?.length ?? 0);
    return response;
  };
  return { handlers: { [GEMINI_HOST]: handler }, stats: state.stats };
}

type Authenticated = { ok: true; key: SimKey; project: string } | { ok: false; response: SimResponse };

/** The key may come in the header or, as Google also accepts, in `?key=`; the latter is counted. */
function authenticate(state: SimState, request: SimRequest, url: URL): Authenticated {
  const fromUrl = url.searchParams.get('key');
  if (fromUrl !== null) state.stats.keyInUrl += 1;
  const presented = request.headers['x-goog-api-key'] ?? fromUrl ?? undefined;
  if (!presented) return { ok: false, response: wire.keyMissing() };
  const key = state.keys.get(presented);
  if (!key) {
    state.stats.badKey += 1;
    return { ok: false, response: wire.apiKeyInvalid() };
  }
  return { ok: true, key, project: key.project ?? 'default' };
}

function route(state: SimState, request: SimRequest, now: number): SimResponse {
  const url = new URL(request.url);
  const path = url.pathname;
  const method = request.method.toUpperCase();
  const calls = state.stats.calls;

  // The upload id authorizes the bytes on its own, as on Google's upload servers.
  const uploadId = url.searchParams.get('upload_id');
  if (method === 'POST' && path === '/upload/v1beta/files' && uploadId) {
    calls.upload += 1;
    return withLatency(
      filesApi.finishUpload(state, request, uploadId, now),
      state,
      'upload',
      request.body.length,
    );
  }

  const auth = authenticate(state, request, url);
  const generate = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(path);
  if (!auth.ok) {
    if (!generate) calls.other += 1;
    else if (state.models.get(decodeURIComponent(generate[1] ?? ''))?.kind === 'image') calls.image += 1;
    else calls.text += 1;
    return { ...auth.response, latencyMs: state.latency('error') };
  }

  if (generate && method === 'POST') {
    return handleGenerate(state, request, now, decodeURIComponent(generate[1] ?? ''), auth);
  }
  if (method === 'GET' && path === '/v1beta/models') {
    calls.modelsList += 1;
    return withLatency(listModels(state, url.searchParams), state, 'models');
  }
  const modelPath = /^\/v1beta\/models\/([^/:]+)$/.exec(path);
  if (method === 'GET' && modelPath) {
    calls.other += 1;
    return withLatency(getModel(state, decodeURIComponent(modelPath[1] ?? '')), state, 'models');
  }
  if (method === 'POST' && path === '/upload/v1beta/files') {
    calls.uploadStart += 1;
    return withLatency(filesApi.startUpload(state, request, auth.project), state, 'file');
  }
  const filePath = /^\/v1beta\/files\/([^/:]+)$/.exec(path);
  if (filePath && (method === 'GET' || method === 'DELETE')) {
    const id = decodeURIComponent(filePath[1] ?? '');
    if (method === 'GET') calls.fileGet += 1;
    else calls.fileDelete += 1;
    const response =
      method === 'GET'
        ? filesApi.getFile(state, id, auth.project, now)
        : filesApi.deleteFile(state, id, auth.project, now);
    return withLatency(response, state, 'file');
  }
  calls.other += 1;
  return { ...wire.htmlNotFound(path), latencyMs: state.latency('error') };
}

/** Success takes the call's own time; an error answers fast. Uploads also pay for their bytes (~5 MB/s). */
function withLatency(
  response: SimResponse,
  state: SimState,
  kind: 'models' | 'file' | 'upload',
  bytes = 0,
): SimResponse {
  const ok = response.status < 400;
  const transfer = kind === 'upload' ? Math.round(bytes / 5_000) : 0;
  return { ...response, latencyMs: ok ? state.latency(kind) + transfer : state.latency('error') };
}
