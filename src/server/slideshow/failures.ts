/**
 * Every failure the clients report, as the engine's failure kinds. The clients decide what happened
 * (and word it for Jenny); this decides what the batch does about it.
 */
import type { Failure, StepResult } from '../engine/types';
import type { DriveFailure } from '../drive/failure';
import type { GeminiFailure } from '../gemini/failure';
import type { FetchFailure } from '../tiktok/post';
import { DRIVE_RATE_KEY, TIKWM_RATE_KEY } from './job-settings';

export function fail(failure: Failure): StepResult {
  return { kind: 'fail', failure };
}

/** `rateKey`: the model's key, so a 429 holds back every request to that model, not just this one. */
export function geminiFailure(failure: GeminiFailure, rateKey: string): Failure {
  switch (failure.kind) {
    case 'settings':
      return { kind: 'settings', message: failure.message };
    case 'rate-limited':
      return { kind: 'rate-limited', message: failure.message, retryAfterMs: failure.retryAfterMs, rateKey };
    case 'quota-day':
      return { kind: 'quota-day', message: failure.message, resumeAt: failure.resumeAt };
    case 'transient':
    case 'no-image':
    case 'bad-output':
    case 'file-missing':
      return { kind: 'retry', message: failure.message };
    case 'blocked':
      // A refused input is refused again; a withheld output may come out differently next time.
      return failure.retryable
        ? { kind: 'retry', message: failure.message }
        : { kind: 'fatal', message: failure.message };
    case 'rejected':
      return { kind: 'fatal', message: failure.message };
  }
}

/** What a Drive failure means depends on what was being read or written (see `what`). */
export function driveFailure(
  failure: DriveFailure,
  what: { notFound?: string; noAccess?: string } = {},
): Failure {
  switch (failure.kind) {
    case 'storage-full':
      // Nothing more can be saved for any row: stop with one message, as for a settings problem.
      return { kind: 'settings', message: failure.message };
    case 'auth':
    case 'transient':
      return { kind: 'retry', message: failure.message };
    case 'rate-limited':
      return {
        kind: 'rate-limited',
        message: failure.message,
        retryAfterMs: failure.retryAfterMs,
        rateKey: DRIVE_RATE_KEY,
      };
    case 'not-found':
      return { kind: 'fatal', message: what.notFound ?? failure.message };
    case 'no-access':
      return { kind: 'fatal', message: what.noAccess ?? failure.message };
    case 'bad-request':
      return { kind: 'fatal', message: failure.message };
  }
}

/** The last route's failure, once every route was tried. */
export function tiktokFailure(failure: FetchFailure, tried: readonly string[]): Failure {
  const message = tried.length > 1 ? `${failure.message} (tried: ${tried.join('; ')})` : failure.message;
  if (failure.reason === 'rate-limited') {
    return { kind: 'rate-limited', message, retryAfterMs: 2_000, rateKey: TIKWM_RATE_KEY };
  }
  return failure.retryable ? { kind: 'retry', message } : { kind: 'fatal', message };
}
