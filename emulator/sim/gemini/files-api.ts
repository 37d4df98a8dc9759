/** The Files API's wire protocol: resumable start, upload-and-finalize, get, delete. */
import type { SimRequest, SimResponse } from '../../core/http';
import type { SimState } from './state';
import * as wire from './wire';

export function startUpload(state: SimState, request: SimRequest, project: string): SimResponse {
  const headers = request.headers;
  if (headers['x-goog-upload-protocol'] !== 'resumable' || headers['x-goog-upload-command'] !== 'start') {
    return wire.invalidArgument(
      'Only the resumable upload protocol is simulated: send X-Goog-Upload-Protocol: resumable and X-Goog-Upload-Command: start.',
    );
  }
  let displayName: string | undefined;
  const text = new TextDecoder().decode(request.body).trim();
  if (text) {
    try {
      const body = JSON.parse(text) as { file?: { display_name?: unknown; displayName?: unknown } };
      const name = body.file?.display_name ?? body.file?.displayName;
      displayName = typeof name === 'string' ? name : undefined;
    } catch {
      return wire.invalidArgument('Invalid JSON payload received.');
    }
  }
  const declared = headers['x-goog-upload-header-content-length'];
  const uploadId = state.files.start({
    project,
    displayName,
    mimeType: headers['x-goog-upload-header-content-type'],
    declaredLength: declared === undefined ? undefined : Number(declared),
  });
  return {
    status: 200,
    headers: {
      'X-Goog-Upload-Status': 'active',
      'X-Goog-Upload-URL': state.files.uploadUrl(uploadId),
      'X-Goog-Upload-Chunk-Granularity': '8388608',
      'Content-Type': 'text/plain; charset=utf-8',
    },
    body: '',
  };
}

export function finishUpload(
  state: SimState,
  request: SimRequest,
  uploadId: string,
  now: number,
): SimResponse {
  const command = (request.headers['x-goog-upload-command'] ?? '').split(',').map((part) => part.trim());
  if (!command.includes('upload') || !command.includes('finalize')) {
    return wire.invalidArgument(
      'Only single-request uploads are simulated: send X-Goog-Upload-Command: upload, finalize.',
    );
  }
  if ((request.headers['x-goog-upload-offset'] ?? '0') !== '0')
    return wire.invalidArgument('Upload offset must be 0.');
  const stored = state.files.finalize(uploadId, request.body, request.headers['content-type'], now);
  if (typeof stored === 'string') return wire.invalidArgument(stored);
  return wire.json(200, { file: state.files.toJson(stored) }, { 'X-Goog-Upload-Status': 'final' });
}

export function getFile(state: SimState, id: string, project: string, now: number): SimResponse {
  const file = state.files.get(id, project, now);
  return file ? wire.json(200, state.files.toJson(file)) : wire.fileNotAccessible(id);
}

export function deleteFile(state: SimState, id: string, project: string, now: number): SimResponse {
  return state.files.delete(id, project, now) ? wire.json(200, {}) : wire.fileNotAccessible(id);
}
