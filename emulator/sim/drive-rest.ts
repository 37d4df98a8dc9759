/**
 * A simulated Google Drive REST API (v3) for host www.googleapis.com, behind the emulator's UrlFetchApp
 * and backed by the world's own DriveStore: a file uploaded here is a file DriveApp finds, and the
 * other way round. It checks Bearer tokens (ScriptApp.getOAuthToken()), applies drive.file's rule
 * for writes and drive.readonly's for reads, speaks Drive's JSON and error shapes, and adds seeded
 * latency and faults.
 *
 * Endpoints: POST files (folder or empty file), POST upload/files?uploadType=multipart, GET files
 * (q subset, paging), GET files/{id}, GET files/{id}?alt=media, PATCH files/{id}.
 */
import type { HttpHandler, SimRequest, SimResponse } from '../core/http';
import { DRIVE_STORAGE_LIMIT_BYTES } from '../services/drive';
import { AppGrants } from './drive-rest/app-grants';
import type { SimContext } from './drive-rest/context';
import { authenticate } from './drive-rest/auth';
import {
  DEFAULT_APP_ID,
  latencyModel,
  type DriveFaultRates,
  type DriveRestSimOptions,
} from './drive-rest/options';
import { routeOf } from './drive-rest/routes';
import { emptyStats, type DriveRestSimStats } from './drive-rest/stats';
import * as wire from './drive-rest/wire';
import { seededRandom } from './seeded-random';

export { APP_GRANTS_FILE } from './drive-rest/app-grants';
export { userForTokenAmong } from './drive-rest/auth';
export { DEFAULT_LATENCY, DEFAULT_PER_MEGABYTE_MS } from './drive-rest/options';
export type { DriveCallKind, DriveFaultRates, DriveRestSimOptions, LatencySpec } from './drive-rest/options';
export type { DriveRequestKind, DriveRestSimStats } from './drive-rest/stats';

export const DRIVE_REST_HOST = 'www.googleapis.com';

export interface DriveRestSim {
  handlers: Record<string, HttpHandler>;
  /** Live counters: read them after (or during) a run. */
  stats: DriveRestSimStats;
  /** Gives the app drive.file access to an item, as the person picking it in the Google Picker would. */
  grant(fileId: string): void;
}

export function createDriveRestSim(options: DriveRestSimOptions): DriveRestSim {
  const stats = emptyStats();
  const context: SimContext = {
    store: options.store,
    grants: new AppGrants(options.store.dir),
    appId: options.appId ?? DEFAULT_APP_ID,
    storageLimitBytes: options.storageLimitBytes ?? DRIVE_STORAGE_LIMIT_BYTES,
    stats,
  };
  const latency = latencyModel(options);
  const faults: Required<DriveFaultRates> = {
    serverError: 0,
    rateLimit: 0,
    lostResponse: 0,
    ...options.faults,
  };
  const faultStream = seededRandom((options.seed ?? 1) ^ 0x27d4eb2f);
  const chance = (probability: number) => probability > 0 && faultStream() < probability;

  const respond = (request: SimRequest): SimResponse => {
    const url = new URL(request.url);
    const route = routeOf(context, request, url);
    if (!route) {
      stats.requests.other += 1;
      return { ...wire.notFoundPage(), latencyMs: latency('error') };
    }
    stats.requests[route.kind] += 1;
    const user = authenticate(request, options.userForToken);
    if (typeof user !== 'string') {
      stats.unauthorized += 1;
      return { ...user, latencyMs: latency('error') };
    }
    if (chance(faults.serverError)) {
      stats.faults.serverError += 1;
      return { ...wire.serverError(Math.floor(faultStream() * 3)), latencyMs: latency('error') };
    }
    if (chance(faults.rateLimit)) {
      stats.faults.rateLimited += 1;
      return { ...wire.rateLimited(faultStream() < 0.5), latencyMs: latency('error') };
    }
    const response = route.run(user);
    if (response.status >= 400) return { ...response, latencyMs: latency('error') };
    const moved = route.latency === 'upload' ? request.body.length : bodyLength(response);
    const latencyMs = latency(route.latency, moved);
    if (route.creates && chance(faults.lostResponse)) {
      stats.faults.lostResponse += 1;
      return { ...wire.serverError(2), latencyMs };
    }
    return { ...response, latencyMs };
  };

  const handler: HttpHandler = (request) => {
    stats.bytesUp += request.body.length;
    const response = respond(request);
    const status = String(response.status);
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    stats.bytesDown += bodyLength(response);
    return response;
  };

  return {
    handlers: { [DRIVE_REST_HOST]: handler },
    stats,
    grant: (fileId) => context.grants.grant(fileId),
  };
}

function bodyLength(response: SimResponse): number {
  if (response.body === undefined) return 0;
  return typeof response.body === 'string' ? Buffer.byteLength(response.body) : response.body.length;
}
