/** Drive answers as the REST API sends them (shapes from Drive's "Resolve errors" guide). */
import type { HttpResult } from '../../../src/server/http/spec';

export const NOW = Date.UTC(2026, 10, 22, 20, 0, 0);

export function json(status: number, value: unknown, headers: Record<string, string> = {}): HttpResult {
  return { status, body: JSON.stringify(value), headers: { 'Content-Type': 'application/json', ...headers } };
}

export function driveError(
  status: number,
  reason: string,
  message: string,
  domain = 'global',
  headers: Record<string, string> = {},
): HttpResult {
  return json(status, { error: { code: status, message, errors: [{ domain, reason, message }] } }, headers);
}

export const notFound = driveError(404, 'notFound', 'File not found: 1AbC.');
export const insufficientFilePermissions = driveError(
  403,
  'insufficientFilePermissions',
  'The user does not have sufficient permissions for file 1AbC.',
);
export const appNotAuthorized = driveError(
  403,
  'appNotAuthorizedToFile',
  'The user has not granted the app 123 write access to the file 1AbC.',
);
export const insufficientScopes = driveError(
  403,
  'insufficientPermissions',
  'Request had insufficient authentication scopes.',
);
export const invalidCredentials = driveError(401, 'authError', 'Invalid Credentials');
export const userRateLimit = driveError(
  403,
  'userRateLimitExceeded',
  'User Rate Limit Exceeded',
  'usageLimits',
);
export const rateLimit429 = driveError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits', {
  'Retry-After': '7',
});
export const storageFull = driveError(
  403,
  'storageQuotaExceeded',
  "The user's Drive storage quota has been exceeded.",
  'usageLimits',
);
export const backendError = driveError(500, 'backendError', 'Backend Error');
export const badQuery = driveError(400, 'invalid', 'Invalid Value');
export const htmlBadGateway: HttpResult = {
  status: 502,
  body: '<html><body><h1>502.</h1> That’s an error.</body></html>',
  headers: { 'Content-Type': 'text/html' },
};
