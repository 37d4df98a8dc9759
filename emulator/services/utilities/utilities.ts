/** The Utilities global. */
import type { ServiceEnv } from '../../core/env';
import { GasError } from '../../core/env';
import { dateMillis, isDate, signatureError } from '../blob/args';
import type { Blob } from '../blob/blob';
import { newBlob } from '../blob/blob-source';
import { fromByteArray, toSignedBytes } from '../blob/bytes';
import { encodeText } from '../blob/charset';
import { decodeBase64, encodeBase64 } from './base64';
import { digest, digestName, hmac, macName } from './digest';
import { Charset, DigestAlgorithm, MacAlgorithm } from './enums';
import { formatDate } from './format-date';
import { parseCsv } from './parse-csv';

type PlainMethods = 'getUuid' | 'parseCsv' | 'sleep';

/** Bytes of a `Byte[] | string` argument; strings are encoded in `charset` (a Charset value, UTF-8 if omitted). */
function dataBytes(data: unknown, charset: unknown, method: string, args: readonly unknown[]): Uint8Array {
  if (typeof data === 'string') return encodeText(data, charset);
  if (charset !== undefined) throw signatureError(method, args);
  return fromByteArray(data, method, args);
}

export class Utilities implements Pick<GoogleAppsScript.Utilities.Utilities, PlainMethods> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(private readonly env: ServiceEnv) {}

  base64Encode(data: number[] | string, charset?: unknown): string {
    return encodeBase64(dataBytes(data, charset, 'Utilities.base64Encode', [data, charset]), false);
  }

  base64EncodeWebSafe(data: number[] | string, charset?: unknown): string {
    return encodeBase64(dataBytes(data, charset, 'Utilities.base64EncodeWebSafe', [data, charset]), true);
  }

  /** The charset overload exists in Apps Script but cannot change the result: base64 text is ASCII. */
  base64Decode(encoded: string, _charset?: unknown): number[] {
    if (typeof encoded !== 'string') throw signatureError('Utilities.base64Decode', [encoded, _charset]);
    return toSignedBytes(decodeBase64(encoded));
  }

  base64DecodeWebSafe(encoded: string, _charset?: unknown): number[] {
    if (typeof encoded !== 'string')
      throw signatureError('Utilities.base64DecodeWebSafe', [encoded, _charset]);
    return toSignedBytes(decodeBase64(encoded));
  }

  computeDigest(algorithm: unknown, value: number[] | string, charset?: unknown): number[] {
    const args = [algorithm, value, charset];
    const name = digestName(algorithm);
    if (!name) throw signatureError('Utilities.computeDigest', args);
    return toSignedBytes(digest(name, dataBytes(value, charset, 'Utilities.computeDigest', args)));
  }

  computeHmacSha256Signature(value: number[] | string, key: number[] | string, charset?: unknown): number[] {
    return this._hmacOf('sha256', 'Utilities.computeHmacSha256Signature', [value, key, charset]);
  }

  computeHmacSignature(
    algorithm: unknown,
    value: number[] | string,
    key: number[] | string,
    charset?: unknown,
  ): number[] {
    const name = macName(algorithm);
    if (!name) throw signatureError('Utilities.computeHmacSignature', [algorithm, value, key, charset]);
    return this._hmacOf(name, 'Utilities.computeHmacSignature', [value, key, charset], [algorithm]);
  }

  private _hmacOf(
    nodeName: string,
    method: string,
    [value, key, charset]: unknown[],
    prefix: unknown[] = [],
  ): number[] {
    const args = [...prefix, value, key, charset];
    // Both overloads take value and key of the same kind: two strings or two byte arrays.
    if ((typeof value === 'string') !== (typeof key === 'string')) throw signatureError(method, args);
    return toSignedBytes(
      hmac(nodeName, dataBytes(value, charset, method, args), dataBytes(key, charset, method, args)),
    );
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    const args = [date, timeZone, format];
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', args);
    }
    const ms = dateMillis(date);
    if (Number.isNaN(ms)) throw new GasError('Invalid argument: date');
    return formatDate(ms, timeZone, format);
  }

  getUuid(): string {
    return this.env.newId('uuid');
  }

  newBlob(data: number[] | string, contentType?: string | null, name?: string | null): Blob {
    return newBlob(data, contentType, name);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    if (typeof csv !== 'string' || (delimiter !== undefined && typeof delimiter !== 'string')) {
      throw signatureError('Utilities.parseCsv', [csv, delimiter]);
    }
    return parseCsv(csv, delimiter);
  }

  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || Number.isNaN(milliseconds)) {
      throw signatureError('Utilities.sleep', [milliseconds]);
    }
    if (milliseconds > 0) this.env.sleep(Math.floor(milliseconds));
  }
}
