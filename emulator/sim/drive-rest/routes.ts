/** Which endpoint a request is for, how it is counted and timed, and whether it creates something. */
import type { SimRequest, SimResponse } from '../../core/http';
import { FOLDER_MIME } from '../../services/drive/mime-type';
import type { SimContext } from './context';
import * as api from './files-api';
import type { DriveCallKind } from './options';
import type { DriveRequestKind } from './stats';

export interface Route {
  kind: DriveRequestKind;
  latency: DriveCallKind;
  /** Creations can land and lose their answer (faults.lostResponse). */
  creates: boolean;
  run: (user: string) => SimResponse;
}

export function routeOf(context: SimContext, request: SimRequest, url: URL): Route | undefined {
  const method = request.method.toUpperCase();
  const path = url.pathname;
  if (path === '/upload/drive/v3/files' && method === 'POST') {
    return {
      kind: 'upload',
      latency: 'upload',
      creates: true,
      run: (user) => api.uploadMultipart(context, user, request, url),
    };
  }
  if (path === '/drive/v3/files') {
    if (method === 'GET') {
      return {
        kind: 'list',
        latency: 'metadata',
        creates: false,
        run: (user) => api.listFiles(context, user, url),
      };
    }
    if (method === 'POST') {
      return {
        kind: isFolderCreation(request) ? 'createFolder' : 'createFile',
        latency: 'metadata',
        creates: true,
        run: (user) => api.createFromMetadata(context, user, request, url),
      };
    }
    return undefined;
  }
  const single = /^\/drive\/v3\/files\/([^/]+)$/.exec(path);
  const id = single?.[1] === undefined ? undefined : decodeURIComponent(single[1]);
  if (id === undefined) return undefined;
  if (method === 'GET' && url.searchParams.get('alt') === 'media') {
    return {
      kind: 'media',
      latency: 'media',
      creates: false,
      run: (user) => api.downloadFile(context, user, id),
    };
  }
  if (method === 'GET') {
    return {
      kind: 'get',
      latency: 'metadata',
      creates: false,
      run: (user) => api.getFile(context, user, id, url),
    };
  }
  if (method === 'PATCH') {
    return {
      kind: 'patch',
      latency: 'metadata',
      creates: false,
      run: (user) => api.patchFile(context, user, id, request, url),
    };
  }
  return undefined;
}

/** Only for the counters: the endpoint itself validates the body. */
function isFolderCreation(request: SimRequest): boolean {
  try {
    const metadata = JSON.parse(new TextDecoder().decode(request.body)) as { mimeType?: unknown };
    return metadata.mimeType === FOLDER_MIME;
  } catch {
    return false;
  }
}
