/**
 * The first look at any Drive response: a readable JSON success, or one of the failures in failure.ts.
 * Drive explains a refusal in `error.errors[].reason`; the HTTP status alone does not tell a full Drive
 * (403) from a rate limit (also 403) from a missing permission (403 again).
 */
import {
  authFailure,
  badRequest,
  DEFAULT_RETRY_AFTER_MS,
  noAccess,
  notFound,
  rateLimited,
  storageFull,
  transient,
  type DriveFailure,
  type DriveOk,
} from './failure';
import { DriveErrorBodySchema } from './schemas';
import { firstLine, parseJson, retryAfterHeader } from '../http/body';

export type ClassifiedDriveResponse = DriveOk<{ json: unknown }> | DriveFailure;

const RATE_LIMIT_REASONS = new Set([
  'userRateLimitExceeded',
  'rateLimitExceeded',
  'sharingRateLimitExceeded',
  'dailyLimitExceeded',
]);
const STORAGE_REASONS = new Set(['storageQuotaExceeded', 'quotaExceeded', 'teamDriveFileLimitExceeded']);

export function classifyDriveResponse(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string | string[]>>,
  now: number,
): ClassifiedDriveResponse {
  if (status >= 200 && status < 300) {
    // A 204 (and some PATCH answers without `fields`) has no body: that is still a success.
    if (bodyText.trim() === '') return { kind: 'ok', json: {} };
    const json = parseJson(bodyText);
    if (json === undefined) return transient({ httpStatus: status, detail: firstLine(bodyText) }, true);
    return { kind: 'ok', json };
  }

  const parsed = DriveErrorBodySchema.safeParse(parseJson(bodyText));
  const error = parsed.success ? parsed.data.error : undefined;
  const reasons = (error?.errors ?? []).flatMap((item) => (item.reason ? [item.reason] : []));
  const facts = {
    httpStatus: status,
    reason: reasons[0],
    detail: error?.message || firstLine(bodyText) || undefined,
  };

  if (status === 401) return authFailure(facts);
  const limited = reasons.find((reason) => RATE_LIMIT_REASONS.has(reason));
  if (status === 429 || (status === 403 && limited)) {
    const wait = retryAfterHeader(headers, now) ?? DEFAULT_RETRY_AFTER_MS;
    return rateLimited({ ...facts, reason: limited ?? facts.reason }, wait);
  }
  // Status 0: no answer at all (the request timed out, or its fetchAll failed whole): try again later.
  if (status === 0 || status >= 500 || status === 408) return transient(facts);
  if (status === 403) {
    const full = reasons.find((reason) => STORAGE_REASONS.has(reason));
    return full ? storageFull({ ...facts, reason: full }) : noAccess(facts);
  }
  if (status === 404) return notFound(facts);
  return badRequest(facts);
}
