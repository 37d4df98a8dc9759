/**
 * The small vocabulary of ways a Drive call fails. Each kind fixes whether the call may be tried again
 * and what happens to the batch, and carries a sentence Jenny can act on.
 *
 * - `auth`: the token was refused (it expires after about an hour): get a fresh one with
 *   ScriptApp.getOAuthToken() and try once more; a second refusal is final.
 * - `rate-limited`: wait `retryAfterMs` (see backoffDelayMs for later tries) without counting an attempt.
 * - `storage-full`: nothing more can be saved for anyone in this batch: stop and tell Jenny.
 */

/** `continue`: only this item is affected. `stop`: nothing else can succeed until Jenny acts. */
export type DriveBatchEffect = 'continue' | 'stop';

interface FailureBase {
  /** What happened and what to do, for the person running the batch. */
  message: string;
  httpStatus: number;
  /** Drive's reason (`notFound`, `storageQuotaExceeded`, ...), for logs and tests. */
  reason?: string;
  /** What Drive itself said, shortened and cleared of anything token-like; for logs. */
  detail?: string;
}

export interface NotFoundFailure extends FailureBase {
  kind: 'not-found';
  retryable: false;
  batch: 'continue';
}

export interface NoAccessFailure extends FailureBase {
  kind: 'no-access';
  retryable: false;
  batch: 'continue';
}

export interface AuthFailure extends FailureBase {
  kind: 'auth';
  retryable: true;
  batch: 'continue';
}

export interface RateLimitedFailure extends FailureBase {
  kind: 'rate-limited';
  /** How long to wait before the next Drive request. */
  retryAfterMs: number;
  retryable: true;
  batch: 'continue';
}

export interface StorageFullFailure extends FailureBase {
  kind: 'storage-full';
  retryable: false;
  batch: 'stop';
}

export interface TransientFailure extends FailureBase {
  kind: 'transient';
  retryable: true;
  batch: 'continue';
}

export interface BadRequestFailure extends FailureBase {
  kind: 'bad-request';
  retryable: false;
  batch: 'continue';
}

export type DriveFailure =
  | NotFoundFailure
  | NoAccessFailure
  | AuthFailure
  | RateLimitedFailure
  | StorageFullFailure
  | TransientFailure
  | BadRequestFailure;

export type DriveFailureKind = DriveFailure['kind'];

/** A successful read carries its own fields next to `kind: 'ok'`. */
export type DriveOk<T extends object> = { kind: 'ok' } & T;
export type DriveOutcome<T extends object> = DriveOk<T> | DriveFailure;

export function isDriveFailure<T extends object>(outcome: DriveOutcome<T>): outcome is DriveFailure {
  return outcome.kind !== 'ok';
}

/** OAuth access tokens start with `ya29.`; anything like one is hidden before text is logged. */
const TOKEN_PATTERN = /ya29\.[\w.-]+/g;
const BEARER_PATTERN = /(Bearer\s+)\S+/gi;
const DETAIL_LIMIT = 300;

export function safeDetail(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const clean = text.replace(TOKEN_PATTERN, '(hidden token)').replace(BEARER_PATTERN, '$1(hidden)').trim();
  if (!clean) return undefined;
  return clean.length > DETAIL_LIMIT ? `${clean.slice(0, DETAIL_LIMIT - 1)}…` : clean;
}

/** When Drive gives no delay: Google's advice is to start at about one second and double. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;
const MAX_BACKOFF_MS = 64_000;

/**
 * Exponential backoff with jitter, as Drive's documentation asks: 1 s, 2 s, 4 s, ... up to 64 s, plus
 * up to one random second so that many waiting uploads do not come back at the same instant.
 * `attempt` counts from 0 (the wait after the first rate-limited answer).
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, DEFAULT_RETRY_AFTER_MS * 2 ** Math.max(0, Math.floor(attempt)));
  return base + Math.floor(random() * 1000);
}

interface Facts {
  httpStatus: number;
  reason?: string;
  detail?: string;
}

function base(facts: Facts, message: string): FailureBase {
  return {
    message,
    httpStatus: facts.httpStatus,
    ...(facts.reason === undefined ? {} : { reason: facts.reason }),
    ...(facts.detail === undefined ? {} : { detail: safeDetail(facts.detail) }),
  };
}

export function notFound(facts: Facts): NotFoundFailure {
  return {
    kind: 'not-found',
    ...base(
      facts,
      'Drive could not find this file or folder: it may have been deleted, or it is not shared with your account. Check the link and its sharing.',
    ),
    retryable: false,
    batch: 'continue',
  };
}

const NO_ACCESS_MESSAGES: Readonly<Record<string, string>> = {
  appNotAuthorizedToFile:
    'The add-on may only save into folders it made itself. Leave the parent folder empty to save into My Drive, or pick a folder the add-on created.',
  insufficientPermissions:
    'The add-on was not allowed to use Google Drive. Open Extensions › Slideshow Remix again and allow access when Google asks.',
};

export function noAccess(facts: Facts): NoAccessFailure {
  const message =
    NO_ACCESS_MESSAGES[facts.reason ?? ''] ??
    'Your account may open this Drive item but not change it. Ask its owner for edit access, or choose a folder of your own.';
  return { kind: 'no-access', ...base(facts, message), retryable: false, batch: 'continue' };
}

export function authFailure(facts: Facts): AuthFailure {
  return {
    kind: 'auth',
    ...base(
      facts,
      "Google did not accept the add-on's sign-in for Drive. It will try again with a fresh sign-in; if this keeps happening, reload the spreadsheet.",
    ),
    retryable: true,
    batch: 'continue',
  };
}

export function rateLimited(facts: Facts, retryAfterMs: number): RateLimitedFailure {
  return {
    kind: 'rate-limited',
    ...base(
      facts,
      `Drive asked the add-on to slow down. Waiting ${Math.ceil(retryAfterMs / 1000)} s, then going on.`,
    ),
    retryAfterMs,
    retryable: true,
    batch: 'continue',
  };
}

export function storageFull(facts: Facts): StorageFullFailure {
  return {
    kind: 'storage-full',
    ...base(
      facts,
      'Your Google Drive is full, so no more images can be saved. Free up space (and empty the Drive trash) or get more storage, then start the batch again.',
    ),
    retryable: false,
    batch: 'stop',
  };
}

export function transient(facts: Facts, unreadable = false): TransientFailure {
  const message =
    facts.httpStatus === 0
      ? 'Drive did not answer in time. It will be tried again.'
      : unreadable
        ? `Drive sent an answer that could not be read (HTTP ${facts.httpStatus}). It will be tried again.`
        : `Drive had a temporary problem (HTTP ${facts.httpStatus}). It will be tried again.`;
  return { kind: 'transient', ...base(facts, message), retryable: true, batch: 'continue' };
}

export function badRequest(facts: Facts): BadRequestFailure {
  return {
    kind: 'bad-request',
    ...base(
      facts,
      'Drive refused to save or read this item as an invalid request. Try the row again; if it keeps failing, report it with the text in the Error column.',
    ),
    retryable: false,
    batch: 'continue',
  };
}
