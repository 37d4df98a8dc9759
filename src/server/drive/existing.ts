/**
 * Idempotent writes. Drive lets a folder hold two files with the same name, so a retried upload (after
 * a timeout whose request did land, or a killed execution) would make a second copy. Every write looks
 * in the folder's listing first and reuses what is there.
 *
 * When copies already exist, the oldest wins (created first, then the smaller id), so every retry and
 * every execution running at the same time settles on the same file; the others can be trashed.
 */
import type { DriveFile } from './schemas';

export interface ExistingPick {
  /** The file to reuse, if the listing has one with that name (and type, when given). */
  existing?: DriveFile;
  /** Other files with the same name and type: duplicates an earlier run left behind. */
  duplicates: DriveFile[];
}

function olderFirst(a: DriveFile, b: DriveFile): number {
  const at = a.createdTime ?? '';
  const bt = b.createdTime ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function matches(file: DriveFile, name: string, mimeType: string | undefined): boolean {
  return file.name === name && (mimeType === undefined || file.mimeType === mimeType);
}

export function pickExisting(files: readonly DriveFile[], name: string, mimeType?: string): ExistingPick {
  const [existing, ...duplicates] = files.filter((file) => matches(file, name, mimeType)).sort(olderFirst);
  return existing ? { existing, duplicates } : { duplicates };
}

/**
 * One listing of a folder, turned into name → file to reuse: list once per folder and execution, then
 * look names up without another request.
 */
export function existingByName(files: readonly DriveFile[], mimeType?: string): Map<string, DriveFile> {
  const byName = new Map<string, DriveFile>();
  for (const file of [...files].sort(olderFirst)) {
    if (file.name === undefined || (mimeType !== undefined && file.mimeType !== mimeType)) continue;
    if (!byName.has(file.name)) byName.set(file.name, file);
  }
  return byName;
}
