/**
 * Utilities' enums. Apps Script enum values print as their own name (String(Utilities.Charset.UTF_8) is
 * "UTF_8"), so the emulator represents each value by that name.
 */

export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);

export const DigestAlgorithm = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const);

export const MacAlgorithm = Object.freeze({
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const);

export type CharsetName = (typeof Charset)[keyof typeof Charset];
