/** How services that are not the Blob service itself (UrlFetchApp, HtmlService, ...) make and read blobs. */
export interface BlobBridge {
  create(bytes: Uint8Array, contentType: string | null, name: string | null): object;
  /** The blob's bytes, or null when `value` is not a blob. */
  bytesOf(value: unknown): Uint8Array | null;
  contentTypeOf(value: unknown): string | null;
}

const SIGNED_SOURCES = new WeakMap<readonly number[], Int8Array>();

/** Apps Script's Byte[]: a plain array of signed bytes. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const out = new Array<number>(signed.length);
  for (let i = 0; i < signed.length; i++) out[i] = signed[i] as number;
  SIGNED_SOURCES.set(out, signed);
  return out;
}

/**
 * The signed bytes a toSignedBytes array was made from, while nobody changed its length: lets a
 * transport copy the memory instead of reading the array element by element.
 */
export function signedSourceOf(values: readonly unknown[]): Int8Array | null {
  const source = SIGNED_SOURCES.get(values as readonly number[]);
  return source && source.length === values.length ? source : null;
}

const UNPACKED_SOURCES = new WeakMap<readonly number[], Int8Array>();

/**
 * Records that `values` holds exactly `source`: a transport rebuilt the array from it just now to hand it
 * to a service, which reads it (fromByteArray) without the element-by-element walk.
 */
export function rememberUnpackedSource(values: readonly number[], source: Int8Array): void {
  UNPACKED_SOURCES.set(values, source);
}

export function unpackedSourceOf(values: readonly unknown[]): Int8Array | null {
  const source = UNPACKED_SOURCES.get(values as readonly number[]);
  return source && source.length === values.length ? source : null;
}

export function fromByteArray(values: readonly number[]): Uint8Array {
  const source = unpackedSourceOf(values);
  if (source)
    return new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.length));
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] ?? 0) & 0xff;
  return out;
}
