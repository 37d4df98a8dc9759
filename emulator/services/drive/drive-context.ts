/**
 * What DriveApp's classes share: the environment, the store, the Apps Script error texts, and the
 * factories that turn ids into File and Folder objects (kept here so file.ts and folder.ts need not
 * import each other).
 */
import { GasError, type ServiceEnv } from '../../core/env';
import { signatureError } from '../blob/args';
import type { DriveStore } from './drive-store';
import type { File } from './file';
import type { Folder } from './folder';
import type { Role } from './drive-types';
import { ROLE_RANK } from './drive-types';

export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const ACCESS_DENIED = 'Access denied: DriveApp.';
export const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

export interface DriveContext {
  readonly env: ServiceEnv;
  readonly store: DriveStore;
  file(id: string): File;
  folder(id: string): Folder;
}

export function currentUser(context: DriveContext): string {
  return context.env.current().user;
}

/**
 * Checks the current user holds at least `needed` on the item and returns their role. Without any access
 * the item does not exist for them (Drive's "No item with the given ID"); with too little, access is denied.
 */
export function requireRole(context: DriveContext, id: string, needed: Role): Role {
  const role = context.store.roleOf(id, currentUser(context));
  if (role === null) throw new GasError(NOT_FOUND);
  if (ROLE_RANK[role] < ROLE_RANK[needed]) throw new GasError(ACCESS_DENIED);
  return role;
}

/** The id of a File or Folder argument; anything else is a signature mismatch for `method`. */
export function handleId(value: unknown, method: string, args: readonly unknown[]): string {
  const getId = (value as { getId?: unknown } | null)?.getId;
  if (typeof value !== 'object' || value === null || typeof getId !== 'function') {
    throw signatureError(method, args);
  }
  return String(getId.call(value));
}

/** The id of a Folder argument, for methods that take only folders. */
export function folderArgument(
  context: DriveContext,
  value: unknown,
  method: string,
  args: readonly unknown[],
): string {
  const id = handleId(value, method, args);
  if (context.store.has(id) && !context.store.isFolder(id)) throw signatureError(method, args);
  return id;
}
