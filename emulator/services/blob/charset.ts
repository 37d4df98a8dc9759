/**
 * Text encodings as Apps Script's Java back end applies them: charset names are Java's (with their common
 * aliases), unmappable characters encode as '?', undecodable bytes decode as U+FFFD, and a UTF-8 byte
 * order mark is kept as a character rather than swallowed.
 */
import { GasError } from '../../core/env';

type CharsetId = 'utf8' | 'ascii' | 'latin1' | 'utf16' | 'utf16be' | 'utf16le' | 'cp1252';

const ALIASES: Record<string, CharsetId> = {
  'UTF-8': 'utf8',
  UTF8: 'utf8',
  'US-ASCII': 'ascii',
  ASCII: 'ascii',
  'ISO-8859-1': 'latin1',
  'ISO8859-1': 'latin1',
  'ISO-LATIN-1': 'latin1',
  LATIN1: 'latin1',
  L1: 'latin1',
  'UTF-16': 'utf16',
  UTF16: 'utf16',
  'UTF-16BE': 'utf16be',
  UTF16BE: 'utf16be',
  'UTF-16LE': 'utf16le',
  UTF16LE: 'utf16le',
  'WINDOWS-1252': 'cp1252',
  CP1252: 'cp1252',
};

/**
 * Resolves a charset name. Utilities' Charset enum values ("UTF_8", "US_ASCII") are accepted too, since
 * scripts pass them where a name is expected and Java's lookup is forgiving about '_' versus '-'.
 */
export function resolveCharset(name: unknown): CharsetId {
  if (name === undefined || name === null) return 'utf8';
  const key = String(name).trim().toUpperCase().replace(/_/g, '-');
  const id = ALIASES[key] ?? ALIASES[key.replace(/-/g, '')];
  if (!id) throw new GasError(`Invalid argument: charset (unsupported charset "${String(name)}")`);
  return id;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The bytes of `text` in `charset` (UTF-8 by default). */
export function encodeText(text: string, charset?: unknown): Uint8Array {
  switch (resolveCharset(charset)) {
    case 'utf8':
      return new TextEncoder().encode(text.replace(LONE_SURROGATE, '?'));
    case 'ascii':
      return encodeSingleByte(text, (code) => (code < 0x80 ? code : undefined));
    case 'latin1':
      return encodeSingleByte(text, (code) => (code < 0x100 ? code : undefined));
    case 'cp1252': {
      const table = cp1252Reverse();
      return encodeSingleByte(text, (code) => table.get(code));
    }
    case 'utf16':
      // Java's "UTF-16" encoder writes a big-endian byte order mark first.
      return encodeUtf16(text, false, true);
    case 'utf16be':
      return encodeUtf16(text, false, false);
    case 'utf16le':
      return encodeUtf16(text, true, false);
  }
}

/** The text that `bytes` encode in `charset` (UTF-8 by default). */
export function decodeText(bytes: Uint8Array, charset?: unknown): string {
  switch (resolveCharset(charset)) {
    case 'utf8':
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    case 'ascii': {
      let out = '';
      for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : '\uFFFD';
      return out;
    }
    case 'latin1':
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    case 'cp1252': {
      let out = '';
      for (const b of bytes)
        out += b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? '\uFFFD') : String.fromCharCode(b);
      return out;
    }
    case 'utf16': {
      if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), true);
      if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), false);
      return decodeUtf16(bytes, false);
    }
    case 'utf16be':
      return decodeUtf16(bytes, false);
    case 'utf16le':
      return decodeUtf16(bytes, true);
  }
}

function encodeSingleByte(text: string, map: (code: number) => number | undefined): Uint8Array {
  const out: number[] = [];
  // Iterating the string yields whole code points, so a surrogate pair becomes a single '?' as in Java.
  for (const ch of text) out.push(map(ch.codePointAt(0) ?? 0) ?? 0x3f);
  return Uint8Array.from(out);
}

function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const clean = text.replace(LONE_SURROGATE, '?');
  const offset = bom ? 2 : 0;
  const out = new Uint8Array(offset + clean.length * 2);
  if (bom) out.set([0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < clean.length; i++) view.setUint16(offset + i * 2, clean.charCodeAt(i), littleEndian);
  return out;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  const whole = bytes.length - (bytes.length % 2);
  for (let i = 0; i < whole; i += 2) out += String.fromCharCode(view.getUint16(i, littleEndian));
  if (whole < bytes.length) out += '\uFFFD';
  return out;
}

/**
 * windows-1252's bytes 0x80-0x9F (the rest is Latin-1). Written out because Node's TextDecoder treats
 * "windows-1252" as Latin-1; the five unassigned bytes decode to U+FFFD as in Java.
 */
const CP1252_HIGH: readonly (string | undefined)[] = [
  '\u20AC',
  undefined,
  '\u201A',
  '\u0192',
  '\u201E',
  '\u2026',
  '\u2020',
  '\u2021',
  '\u02C6',
  '\u2030',
  '\u0160',
  '\u2039',
  '\u0152',
  undefined,
  '\u017D',
  undefined,
  undefined,
  '\u2018',
  '\u2019',
  '\u201C',
  '\u201D',
  '\u2022',
  '\u2013',
  '\u2014',
  '\u02DC',
  '\u2122',
  '\u0161',
  '\u203A',
  '\u0153',
  undefined,
  '\u017E',
  '\u0178',
];

let cp1252Table: Map<number, number> | undefined;

/** Code point to byte for windows-1252. */
function cp1252Reverse(): Map<number, number> {
  if (!cp1252Table) {
    cp1252Table = new Map();
    for (let b = 0; b < 256; b++) {
      const ch = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
      if (ch !== undefined) cp1252Table.set(ch.codePointAt(0) ?? 0, b);
    }
  }
  return cp1252Table;
}
