/**
 * Base64 and ASCII helpers for request bodies. Apps Script has no btoa, atob or TextEncoder in the
 * pure code's reach (Utilities is an Apps Script global, kept out of pure modules), and only short
 * pieces are ever converted here: a multipart frame and the last few bytes of an image.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  [...ALPHABET].map((char, index) => [char, index]),
);

/** Bytes of a string that must be ASCII (our multipart frames are, by construction). */
export function asciiBytes(text: string): number[] {
  const bytes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) throw new Error(`asciiBytes: character ${code} at ${i} is not ASCII`);
    bytes[i] = code;
  }
  return bytes;
}

/** Standard base64 with padding. Accepts Apps Script's signed bytes (-128..127) as well as 0..255. */
export function encodeBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = (bytes[i] ?? 0) & 0xff;
    const b = (bytes[i + 1] ?? 0) & 0xff;
    const c = (bytes[i + 2] ?? 0) & 0xff;
    const triple = (a << 16) | (b << 8) | c;
    out += ALPHABET[(triple >> 18) & 63];
    out += ALPHABET[(triple >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[triple & 63] : '=';
  }
  return out;
}

/** Decodes standard base64 (padding optional) to unsigned bytes; throws on any other character. */
export function decodeBase64(text: string): number[] {
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = VALUES[char];
    if (value === undefined) throw new Error(`decodeBase64: "${char}" is not a base64 character`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/**
 * A base64 string in the standard alphabet with padding: line breaks and spaces removed, the URL-safe
 * alphabet translated, missing padding added. Scans the string once when it is already clean, which a
 * Gemini image nearly always is.
 */
export function normalizeBase64(text: string): string {
  const dirty = /[^A-Za-z0-9+/=]/.test(text);
  let clean = dirty ? text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/') : text;
  if (dirty && /[^A-Za-z0-9+/=]/.test(clean)) {
    throw new Error('normalizeBase64: the media is not valid base64');
  }
  const padding = clean.indexOf('=');
  if (padding >= 0 && (clean.length - padding > 2 || /[^=]/.test(clean.slice(padding)))) {
    throw new Error('normalizeBase64: padding in the middle of the media base64');
  }
  const remainder = clean.length % 4;
  if (remainder === 1) throw new Error('normalizeBase64: the media base64 has a stray character');
  if (remainder > 0) clean += '='.repeat(4 - remainder);
  return clean;
}
