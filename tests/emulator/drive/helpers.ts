import { TestEnv } from '../../../emulator/core/env';
import {
  DriveApp,
  DriveStore,
  type File,
  type FileIterator,
  type FolderIterator,
  type Folder,
} from '../../../emulator/services/drive';

export const ME = 'jenny@example.com';
export const OTHER = 'sam@example.com';

export function makeDrive(options: { dir?: string; env?: TestEnv } = {}) {
  const env = options.env ?? new TestEnv();
  const store = new DriveStore(env, { dir: options.dir });
  return { env, store, drive: new DriveApp(env, store) };
}

/** Runs the following calls as `user`. */
export function actAs(env: TestEnv, user: string): void {
  env.execution = { ...env.execution, user };
}

export function names(iterator: FileIterator | FolderIterator): string[] {
  const out: string[] = [];
  while (iterator.hasNext()) out.push((iterator.next() as File | Folder).getName());
  return out;
}

export function ids(iterator: FileIterator | FolderIterator): string[] {
  const out: string[] = [];
  while (iterator.hasNext()) out.push((iterator.next() as File | Folder).getId());
  return out;
}
