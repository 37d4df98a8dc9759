/**
 * The simulated Files API: resumable uploads, files that live 48 hours, and that are visible only to
 * the project that uploaded them (as on the real service, where another project's key gets a 403).
 */
import { createHash } from 'node:crypto';
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

export class SimFileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly uploads = new Map<string, PendingUpload>();
  private counter = 0;

  constructor(private readonly seed: number) {}

  start(upload: PendingUpload): string {
    const uploadId = `AHxI1n${this.nextToken(24)}`;
    this.uploads.set(uploadId, upload);
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
    return file;
  }

  get(id: string, project: string, now: number): StoredFile | undefined {
    const file = this.files.get(id);
    if (!file) return undefined;
    if (now >= file.createdAt + LIFETIME_MS) {
      this.files.delete(id);
      return undefined;
    }
    return file.project === project ? file : undefined;
  }

  delete(id: string, project: string, now: number): boolean {
    if (!this.get(id, project, now)) return false;
    return this.files.delete(id);
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
