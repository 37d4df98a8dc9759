/**
 * Apps Script's Blob: bytes with an optional content type and name, shared by every service
 * (Utilities.newBlob, File.getBlob, UrlFetchApp responses, ...).
 *
 * Node-side code reads and makes blobs through blobBytes / blobFromBytes below, not through extra
 * methods, so a script cannot come to depend on something the real Blob lacks.
 */
import type { BlobBridge } from '../../core/blobs';
import { GasError, notEmulated } from '../../core/env';
import { fromByteArray, toSignedBytes } from './bytes';
import { decodeText, encodeText } from './charset';
import { renameForType, typeForName } from './content-types';
import { convertImage, sniffImageType } from './image-convert';

const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/bmp']);
const GOOGLE_TYPE_PREFIX = 'application/vnd.google-apps.';

/** The methods whose types can be checked against @types/google-apps-script (the others return Blob). */
type TypedMethods = 'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'isGoogleType';

export class Blob implements Pick<GoogleAppsScript.Base.Blob, TypedMethods> {
  static readonly gasName = 'Blob';

  // TypeScript-private rather than #private: the runtime calls methods through a Proxy, and a Proxy
  // cannot reach #private fields of its target.
  private content: Uint8Array;
  private contentType: string | null;
  private name: string | null;

  /** Takes ownership of `content` (no copy). Node-side; scripts get blobs from Utilities.newBlob etc. */
  constructor(content: Uint8Array, contentType: string | null = null, name: string | null = null) {
    this.content = content;
    this.contentType = contentType;
    this.name = name;
  }

  /** The blob's bytes without a copy: Node-side only, reached through blobBytes(). */
  static bytesOf(blob: Blob): Uint8Array {
    return blob.content;
  }

  copyBlob(): Blob {
    return new Blob(new Uint8Array(this.content), this.contentType, this.name);
  }

  getBlob(): Blob {
    return this;
  }

  getBytes(): number[] {
    return toSignedBytes(this.content);
  }

  setBytes(data: number[]): Blob {
    this.content = fromByteArray(data, 'Blob.setBytes', [data]);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.contentType = contentType === null || contentType === undefined ? null : String(contentType);
    return this;
  }

  setContentTypeFromExtension(): Blob {
    const type = this.name === null ? undefined : typeForName(this.name);
    if (!type)
      throw new GasError(`Could not determine a content type from the blob name "${this.name ?? ''}".`);
    this.contentType = type;
    return this;
  }

  getDataAsString(charset?: string): string {
    return decodeText(this.content, charset);
  }

  setDataFromString(text: string, charset?: string): Blob {
    this.content = encodeText(String(text), charset);
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = name === null || name === undefined ? null : String(name);
    return this;
  }

  isGoogleType(): boolean {
    return this.contentType !== null && this.contentType.startsWith(GOOGLE_TYPE_PREFIX);
  }

  /**
   * Converts to `contentType`, renaming the extension as the docs describe (see renameForType). PNG and
   * JPEG really convert into each other; an image already in the asked-for format is copied unchanged;
   * any other conversion Apps Script can do (to PDF, to GIF or BMP, Docs to Markdown) is reported as not
   * emulated; anything Apps Script itself refuses throws its "not supported" error.
   */
  getAs(contentType: string): Blob {
    const target = String(contentType).trim().toLowerCase();
    const source = this.contentType?.trim().toLowerCase() ?? null;
    const renamed = renameForType(this.name, target);
    if (IMAGE_TYPES.has(target) && source !== null && IMAGE_TYPES.has(source)) {
      const actual = sniffImageType(this.content) ?? source;
      if (actual === target) return new Blob(new Uint8Array(this.content), target, renamed);
      if (
        (actual === 'image/png' || actual === 'image/jpeg') &&
        (target === 'image/png' || target === 'image/jpeg')
      ) {
        return new Blob(convertImage(this.content, actual, target), target, renamed);
      }
      return notEmulated(`Blob.getAs (converting ${actual} to ${target})`);
    }
    if (target === source) return new Blob(new Uint8Array(this.content), target, renamed);
    if (
      target === 'application/pdf' ||
      (target === 'text/markdown' && source === `${GOOGLE_TYPE_PREFIX}document`)
    ) {
      return notEmulated(`Blob.getAs (converting ${source ?? 'untyped data'} to ${target})`);
    }
    throw new GasError(
      `Converting from ${source ?? 'application/octet-stream'} to ${target} is not supported.`,
    );
  }
}

/** The bytes of a blob, without a copy: for UrlFetchApp, the Drive store and other Node-side code. */
export function blobBytes(blob: Blob): Uint8Array {
  return Blob.bytesOf(blob);
}

/** A blob over the given bytes (taken, not copied), for Node-side code that hands blobs to scripts. */
export function blobFromBytes(
  bytes: Uint8Array,
  contentType: string | null = null,
  name: string | null = null,
): Blob {
  return new Blob(bytes, contentType, name);
}

/** The BlobBridge other services (UrlFetchApp, HtmlService) are given to make and read blobs. */
export const blobBridge: BlobBridge = {
  create: (bytes, contentType, name) => new Blob(bytes, contentType, name),
  bytesOf: (value) => (value instanceof Blob ? Blob.bytesOf(value) : null),
  contentTypeOf: (value) => (value instanceof Blob ? value.getContentType() : null),
};
