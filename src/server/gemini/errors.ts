/**
 * The first look at any Gemini response: a readable JSON success, or one of the shared failures.
 * What a 200 means for a particular call (blocked, no image, bad JSON) is decided by the readers built
 * on top of this (generate.ts, images.ts, json-output.ts).
 */
import {
  safeDetail,
  settingsFailure,
  transientFailure,
  type FileMissingFailure,
  type GeminiFailure,
  type Ok,
  type RejectedFailure,
} from './failure';
import { classifyQuotaError } from './quota';
import { ErrorBodySchema, ErrorInfoSchema, type GeminiErrorBody } from './schemas';
import { firstLine, parseJson } from '../http/body';

export type ClassifiedResponse = Ok<{ json: unknown }> | GeminiFailure;

/** Gemini's wording when an uploaded file is unknown, expired, or belongs to another project. */
const MISSING_FILE_PATTERN = /\bFile\b.*\b(may not exist|does not exist|not found|expired)/i;

export function classifyResponse(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string | string[]>>,
  now: number,
): ClassifiedResponse {
  const json = parseJson(bodyText);

  if (status >= 200 && status < 300) {
    if (json === undefined) return transientFailure('UNEXPECTED_RESPONSE', status, firstLine(bodyText));
    return { kind: 'ok', json };
  }

  const parsed = ErrorBodySchema.safeParse(json);
  const error = parsed.success ? parsed.data.error : undefined;

  // A 429 is read even without a JSON body: a Retry-After header alone is enough to wait correctly.
  if (status === 429 || error?.status === 'RESOURCE_EXHAUSTED')
    return classifyQuotaError(error, headers, now);

  // 5xx, a timeout or an aborted call, and anything that is not Google's JSON error (an HTML page from a
  // proxy or the front end): all worth another try.
  const serverSide = status >= 500 || status === 408 || status === 499 || error?.status === 'ABORTED';
  if (!error) return transientFailure('UNEXPECTED_RESPONSE', status, firstLine(bodyText));
  if (serverSide) return transientFailure('SERVER_ERROR', status, error.message);

  return classifyClientError(status, error);
}

function classifyClientError(status: number, error: GeminiErrorBody): GeminiFailure {
  const message = error.message;
  const reasons = errorReasons(error.details ?? []);

  if (
    status === 401 ||
    reasons.some((reason) => reason.startsWith('API_KEY_')) ||
    /API key (not valid|expired)/i.test(message)
  ) {
    if (reasons.includes('API_KEY_SERVICE_BLOCKED'))
      return settingsFailure('PERMISSION_DENIED', status, message);
    return settingsFailure('KEY_INVALID', status, message);
  }
  if (MISSING_FILE_PATTERN.test(message)) return fileMissing(status, message);

  if (error.status === 'FAILED_PRECONDITION') {
    // "Free tier is not available in your country. Please enable billing": billing is the fix.
    return /billing/i.test(message)
      ? settingsFailure('BILLING_REQUIRED', status, message)
      : settingsFailure('REGION_UNSUPPORTED', status, message);
  }
  if (status === 403 || error.status === 'PERMISSION_DENIED') {
    if (/unregistered callers|API key (is )?missing/i.test(message)) {
      return settingsFailure('KEY_MISSING', status, message);
    }
    if (/leaked/i.test(message)) {
      return settingsFailure(
        'KEY_INVALID',
        status,
        message,
        'Google blocked this API key because it was reported as leaked. Create a new key in Google AI Studio and paste it in Settings.',
      );
    }
    return settingsFailure('PERMISSION_DENIED', status, message);
  }
  if (status === 404 || error.status === 'NOT_FOUND') {
    const model = /models\/([\w.-]+)/.exec(message)?.[1];
    const sentence = model
      ? `Gemini has no model named "${model}", or it cannot be used for this step. Pick another model in Settings.`
      : undefined;
    return settingsFailure('MODEL_NOT_FOUND', status, message, sentence);
  }
  return rejected(status, message);
}

function errorReasons(details: readonly unknown[]): string[] {
  const reasons: string[] = [];
  for (const entry of details) {
    const parsed = ErrorInfoSchema.safeParse(entry);
    if (parsed.success && parsed.data.reason) reasons.push(parsed.data.reason);
  }
  return reasons;
}

function fileMissing(status: number, message: string): FileMissingFailure {
  return {
    kind: 'file-missing',
    code: 'FILE_MISSING',
    message: 'An image uploaded to Gemini has expired (uploads last 48 hours). It will be uploaded again.',
    httpStatus: status,
    detail: safeDetail(message),
    retryable: true,
    batch: 'continue',
  };
}

function rejected(status: number, message: string): RejectedFailure {
  const tooLarge = /payload size|too large|exceeds the limit/i.test(message);
  return {
    kind: 'rejected',
    code: 'REJECTED',
    message: tooLarge
      ? 'The request was too large for Gemini (about 20 MB at most). Use smaller images, for example a smaller product photo.'
      : 'Gemini refused this request as invalid, for example an image it cannot read. Check the photo and the text of this row.',
    httpStatus: status,
    detail: safeDetail(message),
    retryable: false,
    batch: 'continue',
  };
}
