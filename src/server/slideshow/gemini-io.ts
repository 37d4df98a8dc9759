/**
 * The Gemini calls the job makes, as engine requests, and their answers read through the Gemini
 * client. The key only ever goes into the `x-goog-api-key` header (the client's builders see to it).
 */
import type { EngineRequest, EngineResponse } from '../engine/types';
import {
  generateContent,
  readUploadedFile,
  readUploadStart,
  startUpload,
  uploadBytes,
  API_KEY_HEADER,
  type GenerateContentRequest,
  type GeminiFailure,
  type GeminiFile,
} from '../gemini';
import { asResult, fromSpec } from './http';

export const gemini = {
  /** The request a model's requests-per-minute quota counts (metered: the engine notes when it went). */
  generate(apiKey: string, model: string, body: GenerateContentRequest): EngineRequest {
    return { ...fromSpec(generateContent(apiKey, model, body)), metered: true };
  },
  /**
   * Announces an upload. `byteLength` null: not known yet (a photo still downloading in the same step);
   * the resumable protocol then takes the length from the bytes themselves.
   */
  startUpload(
    apiKey: string,
    displayName: string,
    mimeType: string,
    byteLength: number | null,
  ): EngineRequest {
    const request = fromSpec(startUpload(apiKey, { displayName, mimeType, byteLength: byteLength ?? 0 }));
    if (byteLength === null) delete request.headers['X-Goog-Upload-Header-Content-Length'];
    return request;
  },
  uploadBytes(apiKey: string, uploadUrl: string, mimeType: string, base64: string): EngineRequest {
    return fromSpec(uploadBytes(apiKey, uploadUrl, { mimeType, base64 }));
  },
};

export type GeminiRead<T> = { ok: true; value: T } | { ok: false; failure: GeminiFailure };

export function readStart(response: EngineResponse, now: number): GeminiRead<string> {
  const read = readUploadStart(asResult(response), now);
  return read.kind === 'ok' ? { ok: true, value: read.uploadUrl } : { ok: false, failure: read };
}

export function readUploaded(response: EngineResponse, now: number): GeminiRead<GeminiFile> {
  const read = readUploadedFile(asResult(response), now);
  return read.kind === 'ok' ? { ok: true, value: read.file } : { ok: false, failure: read };
}

/** Epoch ms when Gemini drops the upload, if it said. */
export function expiresAt(file: GeminiFile): number | null {
  const at = file.expirationTime ? Date.parse(file.expirationTime) : NaN;
  return Number.isFinite(at) ? at : null;
}

/** Where an upload is sent; tests check that no request carries the key anywhere but this header. */
export { API_KEY_HEADER };

/** Gemini's files live 48 hours: a request naming an expired one is answered with this failure kind. */
export function isExpiredUpload(error: string | undefined): boolean {
  return !!error && /uploaded to Gemini has expired/i.test(error);
}

/** Uploads, requests for the Files API and their answers are not a model's requests: their own 429 key. */
export const FILES_RATE_KEY = 'gemini:files';
