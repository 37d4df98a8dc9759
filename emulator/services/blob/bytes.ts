/**
 * Conversions between Node's Uint8Array and Apps Script's Byte[]: a plain JavaScript array of Java
 * bytes, so each element is signed (-128..127).
 */
import { signatureError } from './args';

import { unpackedSourceOf } from '../../core/blobs';

export { toSignedBytes } from '../../core/blobs';

/**
 * Reads a Byte[] a script passed in. Signed and unsigned values are both accepted; like Java's narrowing
 * conversion to byte, only the low 8 bits of each integer are kept (so 200 and -56 are the same byte).
 * Anything that is not an array of numbers is a signature mismatch for `method`.
 */
export function fromByteArray(data: unknown, method: string, args: readonly unknown[]): Uint8Array {
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (!Array.isArray(data)) throw signatureError(method, args);
  const source = unpackedSourceOf(data);
  if (source)
    return new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.length));
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v: unknown = data[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw signatureError(method, args);
    out[i] = Math.trunc(v) & 0xff;
  }
  return out;
}

/** True when the value can be read by fromByteArray. */
export function isByteArray(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (!Array.isArray(value)) return false;
  return unpackedSourceOf(value) !== null || value.every((v) => typeof v === 'number');
}
