/**
 * Reading a 429 RESOURCE_EXHAUSTED: which quota ran out decides between waiting a few seconds, pausing
 * until the daily reset, and telling Jenny that the model needs billing.
 */
import {
  safeDetail,
  settingsFailure,
  type GeminiFailure,
  type QuotaDayFailure,
  type RateLimitedFailure,
} from './failure';
import { nextPacificMidnight } from './pacific-time';
import { QuotaFailureSchema, RetryInfoSchema, type GeminiErrorBody, type QuotaViolation } from './schemas';
import { retryAfterHeader } from '../http/body';

/** When Gemini gives no delay at all: half of the per-minute window, a middle ground. */
export const DEFAULT_RETRY_AFTER_MS = 30_000;

export function classifyQuotaError(
  error: GeminiErrorBody | undefined,
  headers: Readonly<Record<string, string | string[]>>,
  now: number,
): GeminiFailure {
  const details = error?.details ?? [];
  const violations = quotaViolations(details);
  const message = error?.message ?? '';
  const detail = safeDetail(message);

  if (needsBilling(violations, message)) return settingsFailure('BILLING_REQUIRED', 429, message);

  if (violations.some((violation) => /PerDay/i.test(violation.quotaId ?? ''))) {
    const resumeAt = nextPacificMidnight(now);
    const failure: QuotaDayFailure = {
      kind: 'quota-day',
      code: 'QUOTA_DAY',
      message:
        "Gemini's daily limit for this model is used up. The batch pauses and goes on by itself after midnight Pacific time, when the limit resets.",
      httpStatus: 429,
      detail,
      resumeAt,
      retryable: true,
      batch: 'pause',
    };
    return failure;
  }

  const retryAfterMs =
    retryInfoDelay(details) ??
    retryAfterHeader(headers, now) ??
    delayInMessage(message) ??
    DEFAULT_RETRY_AFTER_MS;
  const failure: RateLimitedFailure = {
    kind: 'rate-limited',
    code: 'RATE_LIMITED',
    message: `Gemini's per-minute limit was reached. Waiting ${Math.ceil(retryAfterMs / 1000)} s, then going on.`,
    httpStatus: 429,
    detail,
    retryAfterMs,
    retryable: true,
    batch: 'continue',
  };
  return failure;
}

function quotaViolations(details: readonly unknown[]): QuotaViolation[] {
  const violations: QuotaViolation[] = [];
  for (const entry of details) {
    const parsed = QuotaFailureSchema.safeParse(entry);
    if (parsed.success) violations.push(...(parsed.data.violations ?? []));
  }
  return violations;
}

/**
 * A quota whose limit is 0 cannot be waited out: the project has no access at its tier. Image models have
 * no free tier, so a free-tier quota on one also means "turn on billing".
 */
function needsBilling(violations: readonly QuotaViolation[], message: string): boolean {
  if (violations.some((violation) => violation.quotaValue === '0')) return true;
  if (/\blimit:\s*0\b/i.test(message)) return true;
  return violations.some(
    (violation) =>
      /FreeTier/i.test(violation.quotaId ?? '') &&
      /(^|[-./])image([-.]|$)/i.test(violation.quotaDimensions?.model ?? ''),
  );
}

function retryInfoDelay(details: readonly unknown[]): number | undefined {
  for (const entry of details) {
    const parsed = RetryInfoSchema.safeParse(entry);
    if (!parsed.success || parsed.data.retryDelay === undefined) continue;
    const ms = parseDuration(parsed.data.retryDelay);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/** A protobuf Duration in its JSON form ("47s", "0.5s"), in whole milliseconds, rounded up. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(text);
  if (!match?.[1]) return undefined;
  return Math.ceil(Number(match[1]) * 1000);
}

/** Gemini also writes the delay into its message ("Please retry in 20.04466179s."). */
function delayInMessage(message: string): number | undefined {
  const match = /retry in (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(message);
  if (!match?.[1]) return undefined;
  const value = Number(match[1]);
  return Math.ceil(match[2]?.toLowerCase() === 'ms' ? value : value * 1000);
}
