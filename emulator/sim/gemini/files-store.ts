/**
 * The simulated Files API: resumable uploads, files that live 48 hours, and that are visible only to
 * the project that uploaded them (as on the real service, where another project's key gets a 403).
 *
 * Kept in memory, or also in a folder (the local harness), so files outlive a restart of the process as
 * they outlive nothing on Google's side but their 48 hours:
 *   <dir>/files.json   the id counter and every file's metadata, rewritten on each change
 *   <dir>/<id>         each file's bytes
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GEMINI_HOST } from './hosts';

const LIFETIME_MS = 48 * 3_600_000;

export interface StoredFile {
  id: string;
  project: string;
  displayName?: string;
  mimeType: string;
  bytes: Uint8Array;
  createdAt: number;
  sha256: string;
}

interface PendingUpload {
  project: string;
  displayName?: string;
  mimeType?: string;
  declaredLength?: number;
}

export type FileLookup =
  { ok: true; file: StoredFile } | { ok: false; reason: 'bad-uri' | 'missing'; id: string };

interface SavedFiles {
  counter: number;
  files: Omit<StoredFile, 'bytes'>[];
}

const INDEX = 'files.json';

export class SimFileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly uploads = new Map<string, PendingUpload>();
  private counter = 0;

  constructor(
    private readonly seed: number,
    private readonly dir?: string,
  ) {
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const index = path.join(dir, INDEX);
    if (!fs.existsSync(index)) return;
    const saved = JSON.parse(fs.readFileSync(index, 'utf8')) as SavedFiles;
    this.counter = saved.counter;
    for (const meta of saved.files) {
      const bytes = path.join(dir, meta.id);
      if (fs.existsSync(bytes))
        this.files.set(meta.id, { ...meta, bytes: new Uint8Array(fs.readFileSync(bytes)) });
    }
  }

  start(upload: PendingUpload): string {
    const uploadId = `AHxI1n${this.nextToken(24)}`;
    this.uploads.set(uploadId, upload);
    this.persist();
    return uploadId;
  }

  uploadUrl(uploadId: string): string {
    return `https://${GEMINI_HOST}/upload/v1beta/files?upload_id=${uploadId}&upload_protocol=resumable`;
  }

  /** Stores the bytes of a started upload; a string says what was wrong. */
  finalize(
    uploadId: string,
    bytes: Uint8Array,
    contentType: string | undefined,
    now: number,
  ): StoredFile | string {
    const upload = this.uploads.get(uploadId);
    if (!upload) return 'Failed to upload: unknown upload id.';
    if (upload.declaredLength !== undefined && upload.declaredLength !== bytes.length) {
      return `Failed to upload: declared ${upload.declaredLength} bytes, received ${bytes.length}.`;
    }
    this.uploads.delete(uploadId);
    const file: StoredFile = {
      id: this.nextToken(12).toLowerCase(),
      project: upload.project,
      displayName: upload.displayName,
      mimeType: upload.mimeType ?? contentType ?? 'application/octet-stream',
      bytes,
      createdAt: now,
      sha256: createHash('sha256').update(bytes).digest('base64'),
    };
    this.files.set(file.id, file);
    if (this.dir) fs.writeFileSync(path.join(this.dir, file.id), bytes);
    this.persist();
    return file;
  }

  get(id: string, project: string, now: number): StoredFile | undefined {
    const file = this.files.get(id);
    if (!file) return undefined;
    if (now >= file.createdAt + LIFETIME_MS) {
      this.remove(id);
      return undefined;
    }
    return file.project === project ? file : undefined;
  }

  delete(id: string, project: string, now: number): boolean {
    if (!this.get(id, project, now)) return false;
    this.remove(id);
    return true;
  }

  private remove(id: string): void {
    this.files.delete(id);
    if (this.dir) fs.rmSync(path.join(this.dir, id), { force: true });
    this.persist();
  }

  /** The counter too, so a restarted store never issues an id it issued before. */
  private persist(): void {
    if (!this.dir) return;
    const saved: SavedFiles = {
      counter: this.counter,
      files: [...this.files.values()].map(({ bytes: _bytes, ...meta }) => meta),
    };
    const index = path.join(this.dir, INDEX);
    fs.writeFileSync(`${index}.tmp`, JSON.stringify(saved));
    fs.renameSync(`${index}.tmp`, index);
  }

  /** A `fileData.fileUri` from a request, resolved for the calling project. */
  resolve(uri: string, project: string, now: number): FileLookup {
    const match = new RegExp(
      `^https://${GEMINI_HOST.replace(/\./g, '\\.')}/v1beta/files/([a-z0-9-]{1,40})$`,
    ).exec(uri.trim());
    if (!match?.[1]) return { ok: false, reason: 'bad-uri', id: uri };
    const file = this.get(match[1], project, now);
    return file ? { ok: true, file } : { ok: false, reason: 'missing', id: match[1] };
  }

  toJson(file: StoredFile): Record<string, string> {
    const created = new Date(file.createdAt).toISOString();
    return {
      name: `files/${file.id}`,
      ...(file.displayName ? { displayName: file.displayName } : {}),
      mimeType: file.mimeType,
      sizeBytes: String(file.bytes.length),
      createTime: created,
      updateTime: created,
      expirationTime: new Date(file.createdAt + LIFETIME_MS).toISOString(),
      sha256Hash: file.sha256,
      uri: `https://${GEMINI_HOST}/v1beta/files/${file.id}`,
      state: 'ACTIVE',
      source: 'UPLOADED',
    };
  }

  /** Repeatable ids: the same seed and order of uploads give the same names. */
  private nextToken(length: number): string {
    this.counter += 1;
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let state = (Math.imul(this.counter, 2654435761) ^ this.seed) >>> 0;
    let out = '';
    for (let i = 0; i < length; i++) {
      state = (Math.imul(state ^ (state >>> 13), 1274126177) + i + 1) >>> 0;
      out += alphabet[state % alphabet.length];
    }
    return out;
  }
}
