import { parseFields } from '../../../../emulator/sim/drive-rest/fields';
import { boundaryOf, parseMultipart } from '../../../../emulator/sim/drive-rest/multipart';
import { parseQuery } from '../../../../emulator/sim/drive-rest/query';
import { childrenQuery } from '../../../../src/server/drive/query';

describe('the simulator’s q parser', () => {
  it('reads back what the client writes, escapes included', () => {
    const name = "it's a \\ test";
    expect(parseQuery(childrenQuery('P1', { name, mimeType: 'image/jpeg' }))).toEqual([
      { kind: 'in-parents', parentId: 'P1' },
      { kind: 'name', negated: false, value: name },
      { kind: 'mimeType', negated: false, value: 'image/jpeg' },
      { kind: 'trashed', negated: false, value: false },
    ]);
  });

  it('accepts != and any case for "and"', () => {
    expect(parseQuery("mimeType != 'application/vnd.google-apps.folder' AND trashed = true")).toEqual([
      { kind: 'mimeType', negated: true, value: 'application/vnd.google-apps.folder' },
      { kind: 'trashed', negated: false, value: true },
    ]);
  });

  it.each([
    "name contains 'x'",
    "name = 'x' or name = 'y'",
    "(name = 'x')",
    "name = 'unterminated",
    "'a' in parents and",
    'trashed = maybe',
    "fullText = 'x'",
  ])('refuses what it does not support: %s', (q) => {
    expect(parseQuery(q)).toBeNull();
  });
});

describe('the simulator’s fields parser', () => {
  it('reads nested selections', () => {
    const parsed = parseFields('nextPageToken,files(id,name, size)');
    expect(parsed && [...parsed.keys()]).toEqual(['nextPageToken', 'files']);
    const files = parsed?.get('files');
    expect(files instanceof Map ? [...files.keys()] : files).toEqual(['id', 'name', 'size']);
  });

  it.each(['files(id', 'id,,name', 'id)', ''])('refuses %j', (text) => {
    expect(parseFields(text)).toBeNull();
  });
});

describe('the simulator’s multipart reader', () => {
  const boundary = 'b0und';
  function body(media: Uint8Array, json = '{"name":"a.bin"}'): Uint8Array {
    return new Uint8Array(
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${json}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n`),
        Buffer.from(media),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    );
  }

  it('keeps every byte of the media, including line breaks and boundary look-alikes', () => {
    const media = new Uint8Array(
      Buffer.concat([
        Buffer.from([0, 255, 13, 10, 45, 45]),
        Buffer.from(`b0un\r\n--b0unX`),
        Buffer.from([13, 10, 13]),
      ]),
    );
    const parts = parseMultipart(body(media), boundary);
    expect(parts).toHaveLength(2);
    expect(parts?.[0]?.headers['content-type']).toBe('application/json');
    expect(Buffer.from(parts?.[1]?.body ?? []).equals(Buffer.from(media))).toBe(true);
  });

  it('decodes a base64 transfer-encoded part', () => {
    const raw = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n{}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n`),
      Buffer.from(Buffer.from([1, 2, 3, 250]).toString('base64')),
      Buffer.from(`\r\n--${boundary}--`),
    ]);
    expect([...(parseMultipart(new Uint8Array(raw), boundary)?.[1]?.body ?? [])]).toEqual([1, 2, 3, 250]);
  });

  it('refuses a body without its closing boundary or with the wrong boundary', () => {
    const whole = body(Uint8Array.from([1, 2]));
    expect(parseMultipart(whole.subarray(0, whole.length - 12), boundary)).toBeNull();
    expect(parseMultipart(whole, 'other')).toBeNull();
  });

  it('reads the boundary from the content type, quoted or not', () => {
    expect(boundaryOf('multipart/related; boundary=abc')).toBe('abc');
    expect(boundaryOf('Multipart/Related; type="application/json"; boundary="a b"')).toBe('a b');
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
  });
});
