import vm from 'node:vm';
import { GasError, TestEnv } from '../../../emulator/core/env';
import { Utilities } from '../../../emulator/services/utilities';

const hex = (signed: number[]) => Buffer.from(signed.map((b) => b & 0xff)).toString('hex');

function make(env = new TestEnv()) {
  return { env, utilities: new Utilities(env) };
}

describe('Utilities base64', () => {
  const { utilities } = make();

  it('encodes strings as UTF-8 and byte arrays of either sign', () => {
    expect(utilities.base64Encode('hello')).toBe('aGVsbG8=');
    expect(utilities.base64Encode('é')).toBe('w6k=');
    expect(utilities.base64Encode([-5, -1])).toBe('+/8=');
    expect(utilities.base64Encode([251, 255])).toBe('+/8=');
  });

  it('encodes a string in the requested Charset', () => {
    expect(utilities.base64Encode('é', utilities.Charset.US_ASCII)).toBe('Pw==');
    expect(utilities.base64Encode('é', utilities.Charset.UTF_8)).toBe('w6k=');
  });

  it('uses - and _ but keeps the padding in the web-safe form', () => {
    expect(utilities.base64EncodeWebSafe([251, 255])).toBe('-_8=');
    expect(utilities.base64EncodeWebSafe('hello')).toBe('aGVsbG8=');
  });

  it('decodes to signed bytes, in either alphabet, with or without padding', () => {
    expect(utilities.base64Decode('aGVsbG8=')).toEqual([104, 101, 108, 108, 111]);
    expect(utilities.base64Decode('/w==')).toEqual([-1]);
    expect(utilities.base64DecodeWebSafe('-_8')).toEqual([-5, -1]);
    expect(utilities.base64Decode('aGVs\nbG8=')).toEqual([104, 101, 108, 108, 111]);
  });

  it('refuses text that is not base64', () => {
    expect(() => utilities.base64Decode('not base64!')).toThrow(new GasError('Could not decode string.'));
    expect(() => utilities.base64Decode('abcde')).toThrow('Could not decode string.');
    expect(() => utilities.base64Decode('ab=c')).toThrow('Could not decode string.');
  });

  it('round-trips arbitrary bytes', () => {
    const bytes = Array.from({ length: 256 }, (_, i) => (i > 127 ? i - 256 : i));
    expect(utilities.base64Decode(utilities.base64Encode(bytes))).toEqual(bytes);
    expect(utilities.base64DecodeWebSafe(utilities.base64EncodeWebSafe(bytes))).toEqual(bytes);
  });
});

describe('Utilities digests', () => {
  const { utilities } = make();
  const A = utilities.DigestAlgorithm;

  it('computes the standard digests as signed bytes', () => {
    expect(hex(utilities.computeDigest(A.MD5, 'abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex(utilities.computeDigest(A.SHA_1, 'abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(utilities.computeDigest(A.SHA_256, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(utilities.computeDigest(A.SHA_512, 'abc')).slice(0, 16)).toBe('ddaf35a193617aba');
    expect(utilities.computeDigest(A.MD5, 'abc').every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  it('digests bytes and charset-encoded strings', () => {
    expect(utilities.computeDigest(A.SHA_256, [97, 98, 99])).toEqual(
      utilities.computeDigest(A.SHA_256, 'abc'),
    );
    expect(utilities.computeDigest(A.MD5, 'é', utilities.Charset.US_ASCII)).toEqual(
      utilities.computeDigest(A.MD5, '?'),
    );
  });

  it('reports MD2 as not emulated and rejects a non-algorithm', () => {
    expect(() => utilities.computeDigest(A.MD2, 'abc')).toThrow(/^not emulated/);
    expect(() => utilities.computeDigest('SHA3', 'abc')).toThrow(/don't match the method signature/);
  });

  it('computes HMAC-SHA256 over strings or bytes', () => {
    const expected = 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8';
    const message = 'The quick brown fox jumps over the lazy dog';
    expect(hex(utilities.computeHmacSha256Signature(message, 'key'))).toBe(expected);
    const bytes = (s: string) => [...Buffer.from(s)];
    expect(hex(utilities.computeHmacSha256Signature(bytes(message), bytes('key')))).toBe(expected);
    expect(() => utilities.computeHmacSha256Signature(message, bytes('key'))).toThrow(/don't match/);
  });

  it('computes other HMACs by MacAlgorithm', () => {
    expect(hex(utilities.computeHmacSignature(utilities.MacAlgorithm.HMAC_MD5, 'data', 'key'))).toBe(
      '9d5c73ef85594d34ec4438b7c97e51d8',
    );
  });
});

describe('Utilities.formatDate', () => {
  const { utilities } = make();
  const at = new Date(Date.UTC(2026, 0, 5, 14, 7, 9, 45));
  const fmt = (zone: string, pattern: string, date = at) => utilities.formatDate(date, zone, pattern);

  it('formats numeric fields with padding', () => {
    expect(fmt('UTC', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-01-05 14:07:09.045');
    expect(fmt('UTC', 'yy/M/d H:m:s S')).toBe('26/1/5 14:7:9 45');
  });

  it('formats names and the 12-hour clock in English', () => {
    expect(fmt('UTC', 'EEE, d MMM yy h:mm a')).toBe('Mon, 5 Jan 26 2:07 PM');
    expect(fmt('UTC', 'EEEE d MMMM yyyy')).toBe('Monday 5 January 2026');
    const justAfterMidnight = new Date(Date.UTC(2026, 0, 5, 0, 30));
    const justAfterNoon = new Date(Date.UTC(2026, 0, 5, 12, 30));
    expect(fmt('UTC', 'h K k a', justAfterMidnight)).toBe('12 0 24 AM');
    expect(fmt('UTC', 'h K k a', justAfterNoon)).toBe('12 0 12 PM');
  });

  it('shifts into the time zone, across midnight when needed', () => {
    expect(fmt('America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-01-05 09:07');
    expect(fmt('Asia/Kolkata', 'HH:mm')).toBe('19:37');
    expect(fmt('America/Los_Angeles', 'yyyy-MM-dd HH:mm', new Date(Date.UTC(2026, 0, 1, 2, 0)))).toBe(
      '2025-12-31 18:00',
    );
  });

  it('prints zone names and offsets as z, zzzz, Z and X do', () => {
    expect(fmt('America/New_York', 'z Z X XX XXX')).toBe('EST -0500 -05 -0500 -05:00');
    expect(fmt('America/New_York', 'z Z', new Date(Date.UTC(2026, 6, 1)))).toBe('EDT -0400');
    expect(fmt('Asia/Kolkata', 'z XXX X')).toBe('IST +05:30 +05');
    expect(fmt('Europe/Paris', 'z', new Date(Date.UTC(2026, 0, 1)))).toBe('CET');
    expect(fmt('Europe/Paris', 'z', new Date(Date.UTC(2026, 6, 1)))).toBe('CEST');
    expect(fmt('UTC', 'z X')).toBe('UTC Z');
    expect(fmt('America/New_York', 'zzzz')).toBe('Eastern Standard Time');
  });

  it('treats GMT offsets as fixed zones and an unknown zone as GMT, as Java does', () => {
    expect(fmt('GMT+2', 'HH:mm z')).toBe('16:07 GMT+02:00');
    expect(fmt('GMT-03:30', 'HH:mm Z')).toBe('10:37 -0330');
    expect(fmt('Mars/Olympus_Mons', 'HH:mm z')).toBe('14:07 GMT');
  });

  it('handles quoted text and escaped quotes', () => {
    expect(fmt('UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-01-05T14:07:09Z');
    expect(fmt('UTC', "h 'o''clock' ''")).toBe("2 o'clock '");
    expect(() => fmt('UTC', "'open")).toThrow(GasError);
  });

  it('computes day of year, day of week and US weeks', () => {
    expect(fmt('UTC', 'D u w W F')).toBe('5 1 2 2 1');
    expect(fmt('UTC', 'YYYY-ww yyyy', new Date(Date.UTC(2025, 11, 30)))).toBe('2026-01 2025');
  });

  it('rejects letters SimpleDateFormat does not know', () => {
    expect(() => fmt('UTC', 'yyyy q')).toThrow(new GasError("Illegal pattern character 'q'"));
  });

  it('accepts a Date from another realm (the script runs in a vm context)', () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2026, 0, 5, 14, 7, 9))') as Date;
    expect(fmt('UTC', 'yyyy-MM-dd HH:mm:ss', foreign)).toBe('2026-01-05 14:07:09');
  });

  it('rejects a non-date with the signature error', () => {
    expect(() => utilities.formatDate('2026-01-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities.parseCsv', () => {
  const { utilities } = make();

  it('splits rows and fields', () => {
    expect(utilities.parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(utilities.parseCsv('a,\r\n,b\r\n')).toEqual([
      ['a', ''],
      ['', 'b'],
    ]);
  });

  it('honours quotes, doubled quotes and line breaks inside quotes', () => {
    expect(utilities.parseCsv('"a,1","say ""hi"""\n"multi\nline",x\n')).toEqual([
      ['a,1', 'say "hi"'],
      ['multi\nline', 'x'],
    ]);
  });

  it('uses the given delimiter', () => {
    expect(utilities.parseCsv('a;b\tc', ';')).toEqual([['a', 'b\tc']]);
    expect(utilities.parseCsv('a;b\tc', '\t')).toEqual([['a;b', 'c']]);
  });

  it('returns no rows for empty text and keeps blank lines in the middle', () => {
    expect(utilities.parseCsv('')).toEqual([]);
    expect(utilities.parseCsv('a\n\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('throws on an unterminated quote', () => {
    expect(() => utilities.parseCsv('"abc')).toThrow(new GasError('Could not parse text.'));
  });
});

describe('Utilities with the environment', () => {
  it('takes uuids from env.newId, so they repeat with the same seed', () => {
    const first = make().utilities;
    const second = make().utilities;
    const a = [first.getUuid(), first.getUuid()];
    expect([second.getUuid(), second.getUuid()]).toEqual(a);
    expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a[0]).not.toBe(a[1]);
  });

  it('sleeps on the environment clock', () => {
    const { env, utilities } = make();
    const before = env.now();
    utilities.sleep(1500);
    utilities.sleep(0);
    expect(env.now() - before).toBe(1500);
  });

  it('makes blobs', () => {
    const { utilities } = make();
    const blob = utilities.newBlob('x,y', 'text/csv', 'd.csv');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName()]).toEqual([
      'x,y',
      'text/csv',
      'd.csv',
    ]);
  });

  it('exposes the enums under their Apps Script names', () => {
    const { utilities } = make();
    expect(String(utilities.DigestAlgorithm.SHA_256)).toBe('SHA_256');
    expect(utilities.Charset.UTF_8).toBe('UTF_8');
    expect(utilities.MacAlgorithm.HMAC_SHA_512).toBe('HMAC_SHA_512');
  });
});
