/** How services that are not the Blob service itself (UrlFetchApp, HtmlService, ...) make and read blobs. */
export interface BlobBridge {
  create(bytes: Uint8Array, contentType: string | null, name: string | null): object;
  /** The blob's bytes, or null when `value` is not a blob. */
  bytesOf(value: unknown): Uint8Array | null;
  contentTypeOf(value: unknown): string | null;
}

/** Apps Script's Byte[]: a plain array of signed bytes. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    out[i] = byte > 127 ? byte - 256 : byte;
  }
  return out;
}

export function fromByteArray(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] ?? 0) & 0xff;
  return out;
}
