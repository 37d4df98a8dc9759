/**
 * Drive REST API v3's wire format: JSON bodies and the classic Google error envelope, where
 * `errors[].reason` tells the client what happened (notFound, storageQuotaExceeded, ...).
 */
import type { SimResponse } from '../../core/http';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=UTF-8', Vary: 'Origin, X-Origin' };

export function json(status: number, value: unknown): SimResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(value, null, 1) };
}

interface ErrorItem {
  reason: string;
  message?: string;
  domain?: string;
  location?: string;
  locationType?: 'parameter' | 'header';
}

export function driveError(code: number, message: string, item: ErrorItem, status?: string): SimResponse {
  const entry = { message: item.message ?? message, domain: item.domain ?? 'global', reason: item.reason };
  const located = item.location
    ? { ...entry, location: item.location, locationType: item.locationType }
    : entry;
  return json(code, { error: { code, message, errors: [located], ...(status ? { status } : {}) } });
}

export function missingCredentials(): SimResponse {
  return driveError(
    401,
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    { reason: 'required', message: 'Login Required.', location: 'Authorization', locationType: 'header' },
    'UNAUTHENTICATED',
  );
}

export function invalidCredentials(): SimResponse {
  return driveError(
    401,
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    {
      reason: 'authError',
      message: 'Invalid Credentials',
      location: 'Authorization',
      locationType: 'header',
    },
    'UNAUTHENTICATED',
  );
}

export function fileNotFound(id: string): SimResponse {
  return driveError(404, `File not found: ${id}.`, {
    reason: 'notFound',
    location: 'fileId',
    locationType: 'parameter',
  });
}

export function insufficientFilePermissions(id: string): SimResponse {
  return driveError(403, `The user does not have sufficient permissions for file ${id}.`, {
    reason: 'insufficientFilePermissions',
  });
}

/** What drive.file answers for an item the app neither created nor was given through the Picker. */
export function appNotAuthorized(appId: string, id: string): SimResponse {
  return driveError(403, `The user has not granted the app ${appId} write access to the file ${id}.`, {
    reason: 'appNotAuthorizedToFile',
    location: 'fileId',
    locationType: 'parameter',
  });
}

export function storageQuotaExceeded(): SimResponse {
  return driveError(403, "The user's Drive storage quota has been exceeded.", {
    reason: 'storageQuotaExceeded',
    domain: 'usageLimits',
  });
}

export function notDownloadable(): SimResponse {
  return driveError(
    403,
    'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
    { reason: 'fileNotDownloadable', location: 'alt', locationType: 'parameter' },
  );
}

export function invalidValue(location: string, message = 'Invalid Value'): SimResponse {
  return driveError(400, message, { reason: 'invalid', location, locationType: 'parameter' });
}

export function badRequest(message: string): SimResponse {
  return driveError(400, message, { reason: 'badRequest' });
}

export function notFoundPage(): SimResponse {
  return { status: 404, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: 'Not Found' };
}

/** A per-user rate limit comes as a 403, the project-wide one as a 429: clients must read both. */
export function rateLimited(perUser: boolean): SimResponse {
  return perUser
    ? driveError(403, 'User rate limit exceeded.', { reason: 'userRateLimitExceeded', domain: 'usageLimits' })
    : driveError(429, 'Rate Limit Exceeded', { reason: 'rateLimitExceeded', domain: 'usageLimits' });
}

const SERVER_ERRORS = [
  { code: 500, message: 'Internal Error', reason: 'backendError' },
  { code: 502, message: 'Bad Gateway', reason: 'backendError' },
  { code: 503, message: 'Service Unavailable', reason: 'backendError' },
] as const;

export function serverError(which: number): SimResponse {
  const error = SERVER_ERRORS[Math.abs(which) % SERVER_ERRORS.length] ?? SERVER_ERRORS[0];
  return driveError(error.code, error.message, { reason: error.reason });
}
