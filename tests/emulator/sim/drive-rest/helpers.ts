/**
 * Sends the Drive client's request descriptions to the simulated Drive REST API as the engine and the
 * emulated UrlFetchApp would (lower-cased headers, contentType as a header, base64 or Byte[] payloads
 * as bytes), and hands back what the engine would pass to the client's readers.
 */
import { fromByteArray } from '../../../../emulator/core/blobs';
import { TestEnv } from '../../../../emulator/core/env';
import type { SimRequest } from '../../../../emulator/core/http';
import { DriveStore } from '../../../../emulator/services/drive';
import { oauthTokenFor } from '../../../../emulator/services/script-app';
import {
  createDriveRestSim,
  DRIVE_REST_HOST,
  userForTokenAmong,
  type DriveRestSim,
  type DriveRestSimOptions,
} from '../../../../emulator/sim/drive-rest';
import { renderSlideJpeg } from '../../../../emulator/sim/jpeg-slides';
import { readFileList, readFolder, readUploadedFile } from '../../../../src/server/drive/read';
import {
  createFolderRequest,
  findChildrenRequest,
  multipartUploadRequest,
} from '../../../../src/server/drive/request';
import type { DriveFile } from '../../../../src/server/drive/schemas';
import type { HttpRequestSpec, HttpResult } from '../../../../src/server/http/spec';

export const ME = 'jenny@example.com';
export const OTHER = 'sam@example.com';
export const MY_TOKEN = oauthTokenFor(ME);
export const OTHER_TOKEN = oauthTokenFor(OTHER);
export const NOW = Date.UTC(2026, 10, 22, 20, 0, 0);

export interface Sent extends HttpResult {
  bytes: Uint8Array;
  latencyMs: number;
}

export function toSimRequest(spec: HttpRequestSpec): SimRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.headers)) headers[name.toLowerCase()] = value;
  if (spec.contentType) headers['content-type'] = spec.contentType;
  const body =
    spec.payloadBase64 !== undefined
      ? new Uint8Array(Buffer.from(spec.payloadBase64, 'base64'))
      : spec.payloadBytes !== undefined
        ? fromByteArray(spec.payloadBytes)
        : new TextEncoder().encode(spec.payload ?? '');
  return { url: spec.url, method: spec.method.toUpperCase(), headers, body };
}

export interface Setup {
  env: TestEnv;
  store: DriveStore;
  sim: DriveRestSim;
  send(spec: HttpRequestSpec | SimRequest): Sent;
}

export function setup(options: Partial<DriveRestSimOptions> & { dir?: string } = {}): Setup {
  const env = new TestEnv({ time: NOW });
  const store = options.store ?? new DriveStore(env, options.dir ? { dir: options.dir } : {});
  const sim = createDriveRestSim({
    seed: 5,
    userForToken: userForTokenAmong([ME, OTHER]),
    ...options,
    store,
  });
  const handler = sim.handlers[DRIVE_REST_HOST];
  if (!handler) throw new Error('the simulator registered no handler for www.googleapis.com');
  const send = (spec: HttpRequestSpec | SimRequest): Sent => {
    const request = 'body' in spec ? spec : toSimRequest(spec);
    const response = handler(request, { now: env.now() });
    const bytes =
      response.body === undefined
        ? new Uint8Array()
        : typeof response.body === 'string'
          ? new TextEncoder().encode(response.body)
          : response.body;
    return {
      status: response.status,
      body: Buffer.from(bytes).toString('utf8'),
      headers: response.headers ?? {},
      bytes,
      latencyMs: response.latencyMs ?? 0,
    };
  };
  return { env, store, sim, send };
}

/** A real JPEG, as the simulated TikTok serves slides. */
export const JPEG = renderSlideJpeg({
  width: 320,
  height: 568,
  seed: 11,
  number: 1,
  count: 3,
  text: 'HELLO',
});
export const JPEG_BASE64 = Buffer.from(JPEG).toString('base64');

/** A folder made through the client; its id. */
export function folder(s: Setup, name: string, parentId = 'root', token = MY_TOKEN): string {
  const read = readFolder(s.send(createFolderRequest(token, name, parentId)), NOW);
  if (read.kind !== 'ok') throw new Error(`folder failed: ${read.message}`);
  return read.folder.id;
}

export function upload(s: Setup, parentId: string, name: string, base64 = JPEG_BASE64, token = MY_TOKEN) {
  return readUploadedFile(
    s.send(multipartUploadRequest(token, { name, mimeType: 'image/jpeg', parentId }, { base64 })),
    NOW,
  );
}

/** The untrashed children of a folder (one page), optionally by name. */
export function list(s: Setup, parentId: string, name?: string): DriveFile[] {
  const read = readFileList(s.send(findChildrenRequest(MY_TOKEN, parentId, name)), NOW);
  if (read.kind !== 'ok') throw new Error(`list failed: ${read.message}`);
  return read.files;
}
