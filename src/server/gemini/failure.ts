/**
 * The small, shared vocabulary of ways a Gemini call fails. Each kind fixes whether the item may be
 * tried again and what happens to the batch, and carries a sentence Jenny can act on.
 *
 * A 429 (`rate-limited`, `quota-day`) is never a failure of the item: the engine waits and goes on
 * without counting an attempt.
 */

/** `continue`: only this item is affected. `pause`: wait until `resumeAt`. `stop`: fix settings first. */
export type BatchEffect = 'continue' | 'pause' | 'stop';

export type SettingsCode =
  | 'KEY_INVALID'
  | 'KEY_MISSING'
  | 'PERMISSION_DENIED'
  | 'BILLING_REQUIRED'
  | 'REGION_UNSUPPORTED'
  | 'MODEL_NOT_FOUND';

interface FailureBase {
  /** What happened and what to do, for the person running the batch. */
  message: string;
  /** HTTP status of the response (200 for refusals inside a successful answer). */
  httpStatus: number;
  /** What Gemini itself said, shortened and cleared of anything key-like; for logs. */
  detail?: string;
}

export interface SettingsFailure extends FailureBase {
  kind: 'settings';
  code: SettingsCode;
  retryable: false;
  batch: 'stop';
}

export interface RateLimitedFailure extends FailureBase {
  kind: 'rate-limited';
  code: 'RATE_LIMITED';
  /** How long Gemini asks us to wait before the next request to this model. */
  retryAfterMs: number;
  retryable: true;
  batch: 'continue';
}

export interface QuotaDayFailure extends FailureBase {
  kind: 'quota-day';
  code: 'QUOTA_DAY';
  /** Epoch ms of the next midnight in Pacific time, when daily quotas reset. */
  resumeAt: number;
  retryable: true;
  batch: 'pause';
}

export interface TransientFailure extends FailureBase {
  kind: 'transient';
  code: 'SERVER_ERROR' | 'UNEXPECTED_RESPONSE';
  retryable: true;
  batch: 'continue';
}

export interface BlockedFailure extends FailureBase {
  kind: 'blocked';
  /** Gemini's reason: SAFETY, IMAGE_SAFETY, PROHIBITED_CONTENT, RECITATION, ... */
  code: string;
  /** `prompt`: the input was refused; `output`: what Gemini made was withheld. */
  source: 'prompt' | 'output';
  retryable: boolean;
  batch: 'continue';
}

export interface NoImageFailure extends FailureBase {
  kind: 'no-image';
  code: 'NO_IMAGE';
  retryable: true;
  batch: 'continue';
}

export interface BadOutputFailure extends FailureBase {
  kind: 'bad-output';
  code: 'BAD_OUTPUT';
  retryable: true;
  batch: 'continue';
}

/** An uploaded file is gone (files live 48 hours): upload it again, then retry. */
export interface FileMissingFailure extends FailureBase {
  kind: 'file-missing';
  code: 'FILE_MISSING';
  retryable: true;
  batch: 'continue';
}

/** Gemini refused this particular request as invalid (too large, unreadable image, ...). */
export interface RejectedFailure extends FailureBase {
  kind: 'rejected';
  code: 'REJECTED';
  retryable: false;
  batch: 'continue';
}

export type GeminiFailure =
  | SettingsFailure
  | RateLimitedFailure
  | QuotaDayFailure
  | TransientFailure
  | BlockedFailure
  | NoImageFailure
  | BadOutputFailure
  | FileMissingFailure
  | RejectedFailure;

export type FailureKind = GeminiFailure['kind'];

/** A successful read carries its own fields next to `kind: 'ok'`. */
export type Ok<T extends object> = { kind: 'ok' } & T;
export type GeminiOutcome<T extends object> = Ok<T> | GeminiFailure;

export function isFailure<T extends object>(outcome: GeminiOutcome<T>): outcome is GeminiFailure {
  return outcome.kind !== 'ok';
}

/** Gemini's key format; anything like it is hidden before text leaves this client. */
const API_KEY_PATTERN = /AIza[0-9A-Za-z_-]{35}/g;
const KEY_PARAMETER_PATTERN = /([?&]key=)[^&\s"']+/gi;
const DETAIL_LIMIT = 300;

/** Gemini's own words, safe to log: key-like strings removed, length bounded. */
export function safeDetail(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const clean = text
    .replace(API_KEY_PATTERN, '(hidden key)')
    .replace(KEY_PARAMETER_PATTERN, '$1(hidden)')
    .trim();
  if (!clean) return undefined;
  return clean.length > DETAIL_LIMIT ? `${clean.slice(0, DETAIL_LIMIT - 1)}…` : clean;
}

const SETTINGS_MESSAGES: Record<SettingsCode, string> = {
  KEY_INVALID:
    'Gemini did not accept the API key. Copy the key again from Google AI Studio (aistudio.google.com/apikey) and paste it in Settings.',
  KEY_MISSING: 'No Gemini API key was sent. Add your key in Settings.',
  PERMISSION_DENIED:
    'The API key is not allowed to use the Gemini API (it may be restricted to other APIs, or its project lacks access). Create a key for the Gemini API in Google AI Studio and paste it in Settings.',
  BILLING_REQUIRED:
    "This Gemini model needs billing: image models have no free tier. Turn on billing for the key's project in Google AI Studio, then start the batch again.",
  REGION_UNSUPPORTED:
    "Gemini's API refused to serve this key from here (unsupported region or missing billing). Turn on billing for the key's project in Google AI Studio, or use a key from a supported country.",
  MODEL_NOT_FOUND:
    'Gemini has no such model, or it cannot be used for this step. Pick another model in Settings.',
};

export function settingsFailure(
  code: SettingsCode,
  httpStatus: number,
  detail?: string,
  message = SETTINGS_MESSAGES[code],
): SettingsFailure {
  return {
    kind: 'settings',
    code,
    message,
    httpStatus,
    detail: safeDetail(detail),
    retryable: false,
    batch: 'stop',
  };
}

export function transientFailure(
  code: TransientFailure['code'],
  httpStatus: number,
  detail?: string,
): TransientFailure {
  const message =
    code === 'SERVER_ERROR'
      ? `Gemini had a temporary problem (HTTP ${httpStatus}). It will be tried again.`
      : `Gemini sent an answer that could not be read (HTTP ${httpStatus}). It will be tried again.`;
  return {
    kind: 'transient',
    code,
    message,
    httpStatus,
    detail: safeDetail(detail),
    retryable: true,
    batch: 'continue',
  };
}

export function noImageFailure(detail?: string): NoImageFailure {
  return {
    kind: 'no-image',
    code: 'NO_IMAGE',
    message: 'Gemini answered without an image this time. It will be tried again.',
    httpStatus: 200,
    detail: safeDetail(detail),
    retryable: true,
    batch: 'continue',
  };
}

export function badOutputFailure(message: string, detail?: string): BadOutputFailure {
  return {
    kind: 'bad-output',
    code: 'BAD_OUTPUT',
    message,
    httpStatus: 200,
    detail: safeDetail(detail),
    retryable: true,
    batch: 'continue',
  };
}
