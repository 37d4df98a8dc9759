/**
 * Responses in Gemini's wire format: JSON bodies, Google's error envelope with typed details, and the
 * HTML page Google's front end serves for paths it does not know.
 */
import type { SimResponse } from '../../core/http';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=UTF-8', Vary: 'Origin, X-Origin, Referer' };

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value, null, 2) };
}

export function googleError(code: number, status: string, message: string, details?: unknown[]): SimResponse {
  return json(code, { error: { code, message, status, ...(details ? { details } : {}) } });
}

/** A protobuf Duration as JSON writes it: whole seconds bare, otherwise with up to 3 decimals. */
export function duration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  return Number.isInteger(seconds) ? `${seconds}s` : `${seconds.toFixed(3).replace(/0+$/, '')}s`;
}

export function apiKeyInvalid(): SimResponse {
  return googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    {
      '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
      locale: 'en-US',
      message: 'API key not valid. Please pass a valid API key.',
    },
  ]);
}

export function keyMissing(): SimResponse {
  return googleError(
    403,
    'PERMISSION_DENIED',
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );
}

export function invalidArgument(message: string): SimResponse {
  return googleError(400, 'INVALID_ARGUMENT', message);
}

export function modelNotFound(model: string, method = 'generateContent'): SimResponse {
  return googleError(
    404,
    'NOT_FOUND',
    `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );
}

export function fileNotAccessible(id: string): SimResponse {
  return googleError(
    403,
    'PERMISSION_DENIED',
    `You do not have permission to access the File ${id} or it may not exist.`,
  );
}

const HELP = {
  '@type': 'type.googleapis.com/google.rpc.Help',
  links: [
    {
      description: 'Learn more about Gemini API quotas',
      url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
    },
  ],
};

export interface QuotaViolation {
  metric: string;
  quotaId: string;
  model: string;
  limit: number;
}

/** A 429 as Gemini sends it: the limits in the message, a QuotaFailure, and a RetryInfo delay. */
export function quotaExceeded(violations: QuotaViolation[], retryAfterMs: number): SimResponse {
  const lines = violations.map(
    (violation) =>
      `* Quota exceeded for metric: generativelanguage.googleapis.com/${violation.metric}, limit: ${violation.limit}, model: ${violation.model}`,
  );
  const message = [
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. ',
    ...lines,
    `Please retry in ${duration(retryAfterMs)}.`,
  ].join('\n');
  return googleError(429, 'RESOURCE_EXHAUSTED', message, [
    HELP,
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: violations.map((violation) => ({
        quotaMetric: `generativelanguage.googleapis.com/${violation.metric}`,
        quotaId: violation.quotaId,
        quotaDimensions: { location: 'global', model: violation.model },
        quotaValue: String(violation.limit),
      })),
    },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: duration(retryAfterMs) },
  ]);
}

const SERVER_ERRORS = [
  {
    code: 500,
    status: 'INTERNAL',
    message:
      'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  },
  { code: 503, status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
  { code: 504, status: 'DEADLINE_EXCEEDED', message: 'Deadline expired before operation could complete.' },
] as const;

export function serverError(which: number): SimResponse {
  const error = SERVER_ERRORS[Math.abs(which) % SERVER_ERRORS.length] ?? SERVER_ERRORS[0];
  return googleError(error.code, error.status, error.message);
}

export function htmlNotFound(path: string): SimResponse {
  return {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=UTF-8' },
    body: `<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>${path.replace(/[<>&]/g, '')}</code> was not found on this server.  <ins>That’s all we know.</ins>\n`,
  };
}
