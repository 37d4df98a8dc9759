/** Bearer tokens: the ones ScriptApp.getOAuthToken() hands out, mapped back to their users. */
import type { SimRequest, SimResponse } from '../../core/http';
import { oauthTokenFor } from '../../services/script-app';
import * as wire from './wire';

/** The token → user lookup for a set of users, with the tokens ScriptApp.getOAuthToken() hands them. */
export function userForTokenAmong(users: readonly string[]): (token: string) => string | undefined {
  const table = new Map(users.map((user) => [oauthTokenFor(user), user]));
  return (token) => table.get(token);
}

/** The caller, or the 401 Drive gives for a missing or unknown token. */
export function authenticate(
  request: SimRequest,
  userForToken: (token: string) => string | undefined,
): string | SimResponse {
  const header = request.headers.authorization;
  const token = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (token === undefined) return wire.missingCredentials();
  return userForToken(token) ?? wire.invalidCredentials();
}
