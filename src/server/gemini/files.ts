/**
 * Reading the Files API's answers: an image uploaded once (the product photo, a slide) is then
 * referenced by uri from every request that needs it, instead of being sent inline each time.
 */
import { classifyResponse } from './errors';
import { transientFailure, type GeminiOutcome } from './failure';
import { GEMINI_HOST, headerValue, type HttpResult } from './http';
import { hostOf } from './request';
import { GeminiFileSchema, UploadResponseSchema, type GeminiFile } from './schemas';

/** The upload URL from the start step, which must stay on Gemini's host (the bytes are Jenny's photos). */
export function readUploadStart(result: HttpResult, now: number): GeminiOutcome<{ uploadUrl: string }> {
  const classified = classifyResponse(result.status, result.body || '{}', result.headers, now);
  if (classified.kind !== 'ok') return classified;
  const uploadUrl = headerValue(result.headers, 'X-Goog-Upload-URL');
  if (!uploadUrl || hostOf(uploadUrl) !== GEMINI_HOST) {
    return transientFailure(
      'UNEXPECTED_RESPONSE',
      result.status,
      "the upload start gave no upload URL on Gemini's host",
    );
  }
  return { kind: 'ok', uploadUrl };
}

export function readUploadedFile(result: HttpResult, now: number): GeminiOutcome<{ file: GeminiFile }> {
  const classified = classifyResponse(result.status, result.body, result.headers, now);
  if (classified.kind !== 'ok') return classified;
  const parsed = UploadResponseSchema.safeParse(classified.json);
  if (!parsed.success) return transientFailure('UNEXPECTED_RESPONSE', result.status, 'not an uploaded file');
  return { kind: 'ok', file: parsed.data.file };
}

export function readFile(result: HttpResult, now: number): GeminiOutcome<{ file: GeminiFile }> {
  const classified = classifyResponse(result.status, result.body, result.headers, now);
  if (classified.kind !== 'ok') return classified;
  const parsed = GeminiFileSchema.safeParse(classified.json);
  if (!parsed.success) return transientFailure('UNEXPECTED_RESPONSE', result.status, 'not a file');
  return { kind: 'ok', file: parsed.data };
}

/** A file can be used in requests once it is ACTIVE (images usually are at once). */
export function isFileReady(file: GeminiFile): boolean {
  return file.state === undefined || file.state === 'ACTIVE';
}

/** Deleting is idempotent: a file that is already gone (expired, or deleted by an earlier try) is fine. */
export function readDeleteFile(result: HttpResult, now: number): GeminiOutcome<{ deleted: true }> {
  const classified = classifyResponse(result.status, result.body || '{}', result.headers, now);
  if (classified.kind !== 'ok' && classified.kind !== 'file-missing') return classified;
  return { kind: 'ok', deleted: true };
}
