/** Digests and HMACs over Node's crypto, keyed by Utilities' enum names. */
import { createHash, createHmac } from 'node:crypto';
import { notEmulated } from '../../core/env';

const DIGESTS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

const MACS: Readonly<Record<string, string>> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Node's name for a DigestAlgorithm value, or undefined if the value is not one. */
export function digestName(algorithm: unknown): string | undefined {
  // MD2 is a real DigestAlgorithm value but Node's OpenSSL no longer ships it.
  if (String(algorithm) === 'MD2') notEmulated('Utilities.computeDigest (MD2)');
  return DIGESTS[String(algorithm)];
}

/** Node's hash name for a MacAlgorithm value, or undefined if the value is not one. */
export function macName(algorithm: unknown): string | undefined {
  return MACS[String(algorithm)];
}

export function digest(nodeName: string, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(nodeName).update(data).digest());
}

export function hmac(nodeName: string, data: Uint8Array, key: Uint8Array): Uint8Array {
  return new Uint8Array(createHmac(nodeName, key).update(data).digest());
}
