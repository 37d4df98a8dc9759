/**
 * The Drive store's directory:
 *   <dir>/drive-index.json   metadata of every item (see indexSchema), rewritten on each change
 *   <dir>/content/<hex id>   each file's bytes, as a plain file
 * Content files are named by the hex of the id because Drive ids differ by letter case alone and some
 * file systems (macOS, Windows) do not. Writes go to a temporary file first and are renamed into place,
 * so a crash never leaves half an index.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexSchema, type DriveIndex } from './drive-types';

export const INDEX_FILE = 'drive-index.json';
export const CONTENT_DIR = 'content';

function writeAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

export class DriveDisk {
  constructor(readonly dir: string) {
    mkdirSync(join(dir, CONTENT_DIR), { recursive: true });
  }

  contentPath(id: string): string {
    return join(this.dir, CONTENT_DIR, Buffer.from(id, 'utf8').toString('hex'));
  }

  /** The saved index, or null for a directory that holds none yet. */
  readIndex(): DriveIndex | null {
    const path = join(this.dir, INDEX_FILE);
    if (!existsSync(path)) return null;
    return indexSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  }

  writeIndex(index: DriveIndex): void {
    writeAtomically(join(this.dir, INDEX_FILE), `${JSON.stringify(index, null, 1)}\n`);
  }

  readContent(id: string): Uint8Array {
    const path = this.contentPath(id);
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : new Uint8Array(0);
  }

  writeContent(id: string, bytes: Uint8Array): void {
    writeAtomically(this.contentPath(id), bytes);
  }

  deleteContent(id: string): void {
    rmSync(this.contentPath(id), { force: true });
  }
}
