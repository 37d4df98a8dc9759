/** What every endpoint of the simulated Drive REST API shares: the store, the app's grants, the rules. */
import type { DriveStore } from '../../services/drive';
import { ROLE_RANK, type Role } from '../../services/drive/drive-types';
import type { SimResponse } from '../../core/http';
import type { AppGrants } from './app-grants';
import type { DriveRestSimStats } from './stats';
import * as wire from './wire';

export interface SimContext {
  readonly store: DriveStore;
  readonly grants: AppGrants;
  readonly appId: string;
  readonly storageLimitBytes: number;
  readonly stats: DriveRestSimStats;
}

export type Checked = { ok: true; id: string } | { ok: false; response: SimResponse };

/** `root` is the caller's My Drive, as in every Drive API call that takes a file id. */
export function resolveId(context: SimContext, user: string, id: string): string {
  return id === 'root' ? context.store.rootId(user) : id;
}

/**
 * drive.readonly: the app may read whatever the person may open. Anything else does not exist for
 * them, so Drive answers 404 rather than 403 (it does not confirm that a private file exists).
 */
export function checkReadable(context: SimContext, user: string, rawId: string): Checked {
  const id = resolveId(context, user, rawId);
  if (!context.store.has(id) || context.store.roleOf(id, user) === null) {
    return { ok: false, response: wire.fileNotFound(rawId) };
  }
  return { ok: true, id };
}

/**
 * A write needs both the person's right (`needed` on the item) and the app's: with drive.file that is
 * an item the app created, one handed to it through the Picker, or the person's own My Drive folder
 * (new files may always go there).
 */
export function checkWritable(context: SimContext, user: string, rawId: string, needed: Role): Checked {
  const readable = checkReadable(context, user, rawId);
  if (!readable.ok) return readable;
  const { id } = readable;
  const role = context.store.roleOf(id, user);
  if (role === null || ROLE_RANK[role] < ROLE_RANK[needed]) {
    return { ok: false, response: wire.insufficientFilePermissions(rawId) };
  }
  const ownMyDrive = id === context.store.rootId(user);
  if (!ownMyDrive && !context.grants.has(id)) {
    context.stats.refusedByDriveFileScope += 1;
    return { ok: false, response: wire.appNotAuthorized(context.appId, rawId) };
  }
  return { ok: true, id };
}

/** Bytes of the files a user owns, trash included, as Drive counts storage. */
export function storageUsed(context: SimContext, user: string): number {
  let total = 0;
  for (const item of context.store.list()) if (item.owner === user) total += item.size;
  return total;
}
