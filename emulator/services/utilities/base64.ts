/** Base64 as Utilities does it: padded output in both alphabets, and a decoder that rejects junk. */
import { GasError } from '../../core/env';

export function encodeBase64(bytes: Uint8Array, webSafe: boolean): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  // Apps Script's web-safe form swaps the two symbols but keeps the '=' padding.
  return webSafe ? text.replace(/\+/g, '-').replace(/\//g, '_') : text;
}

/**
 * Decodes either alphabet (whitespace is ignored, padding optional). Characters outside base64, or a
 * length no base64 text can have, throw Apps Script's "Could not decode string." instead of being
 * skipped the way Node's own decoder skips them.
 */
export function decodeBase64(encoded: string): Uint8Array {
  const compact = encoded.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) throw new GasError('Could not decode string.');
  const body = compact.replace(/=+$/, '');
  if (body.length % 4 === 1 || (compact.length !== body.length && compact.length % 4 !== 0)) {
    throw new GasError('Could not decode string.');
  }
  return new Uint8Array(Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}
