import {
  asciiJson,
  multipartBase64,
  multipartBytes,
  multipartFrame,
  MULTIPART_BOUNDARY,
} from '../../../src/server/drive/multipart';
import { decodeBase64, encodeBase64, normalizeBase64 } from '../../../src/server/drive/base64';

const META = { name: 'slide_0.jpg', mimeType: 'image/jpeg', parentId: 'folder123' };

function signed(bytes: Uint8Array): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}

function unsigned(values: readonly number[]): Buffer {
  return Buffer.from(values.map((value) => value & 0xff));
}

describe('multipart upload body', () => {
  it('is exactly the JSON part, the media part and the closing boundary', () => {
    const image = Uint8Array.from([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0xd9]);
    const body = unsigned(multipartBytes(multipartFrame(META, 'XyZ'), signed(image)));
    const json = '{"name":"slide_0.jpg","mimeType":"image/jpeg","parents":["folder123"]}';
    // 56 characters before the JSON, 70 of JSON, 37 after: 163; 2 spaces of padding make it 165 = 3 × 55.
    const expected = Buffer.concat([
      Buffer.from(`--XyZ\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${json}  `, 'latin1'),
      Buffer.from('\r\n--XyZ\r\nContent-Type: image/jpeg\r\n\r\n', 'latin1'),
      Buffer.from(image),
      Buffer.from('\r\n--XyZ--', 'latin1'),
    ]);
    expect(body.equals(expected)).toBe(true);
  });

  it('frames head lengths as a multiple of 3 whatever the name', () => {
    for (const name of ['a', 'ab', 'abc', 'slide_10.jpg', 'Café 😀.png']) {
      const frame = multipartFrame({ ...META, name });
      expect(frame.head.length % 3).toBe(0);
      expect(frame.contentType).toBe(`multipart/related; boundary=${MULTIPART_BOUNDARY}`);
    }
  });

  it('writes non-ASCII names as JSON escapes that decode to the same name', () => {
    const name = 'Café “Jenny” 😀';
    const frame = multipartFrame({ ...META, name, appProperties: { row: 'é' } });
    expect(/^[\x00-\x7f]*$/.test(frame.head)).toBe(true);
    const json = frame.head.split('\r\n\r\n')[1]?.split('\r\n')[0] ?? '';
    expect(JSON.parse(json)).toEqual({
      name,
      mimeType: 'image/jpeg',
      parents: ['folder123'],
      appProperties: { row: 'é' },
    });
    expect(asciiJson({ a: 'ü' })).toBe('{"a":"\\u00fc"}');
  });

  it('never lets a MIME type break the header lines', () => {
    const frame = multipartFrame({ ...META, mimeType: 'image/jpeg\r\nX-Evil: 1' });
    expect(frame.head).toContain('Content-Type: application/octet-stream\r\n');
    expect(frame.head).not.toContain('\r\nX-Evil');
  });

  // Lengths 0..5 cover every padding case of the image's base64 (none, "=", "==").
  it.each([0, 1, 2, 3, 4, 5, 1000, 1001, 1002])(
    'the base64 body decodes to the same bytes as the Byte[] body (%i-byte image)',
    (length) => {
      const image = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
      const frame = multipartFrame(META);
      const fromBase64 = Buffer.from(multipartBase64(frame, Buffer.from(image).toString('base64')), 'base64');
      const fromBytes = unsigned(multipartBytes(frame, signed(image)));
      expect(fromBase64.equals(fromBytes)).toBe(true);
      expect(
        fromBytes.subarray(frame.head.length, frame.head.length + length).equals(Buffer.from(image)),
      ).toBe(true);
    },
  );

  it('produces base64 with padding only at its end', () => {
    const body = multipartBase64(multipartFrame(META), Buffer.from([1, 2, 3, 4]).toString('base64'));
    expect(body).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  it('accepts URL-safe, unpadded and wrapped base64, and refuses anything else', () => {
    const image = Buffer.from([0xfb, 0xff, 0xfe, 0x01]);
    const frame = multipartFrame(META);
    const reference = multipartBase64(frame, image.toString('base64'));
    expect(multipartBase64(frame, image.toString('base64url'))).toBe(reference);
    expect(multipartBase64(frame, image.toString('base64').replace(/=+$/, ''))).toBe(reference);
    expect(
      multipartBase64(
        frame,
        `${image.toString('base64').slice(0, 4)}\r\n${image.toString('base64').slice(4)}`,
      ),
    ).toBe(reference);
    expect(() => multipartBase64(frame, 'ab$d')).toThrow(/not valid base64/);
    expect(() => multipartBase64(frame, 'ab=dabcd')).toThrow(/padding/);
    expect(() => multipartBase64(frame, 'abcde')).toThrow(/stray/);
  });
});

describe('base64 helpers', () => {
  it('match Node for every length and signed input', () => {
    for (let length = 0; length < 10; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 97 + 200) & 0xff));
      expect(encodeBase64(signed(bytes))).toBe(bytes.toString('base64'));
      expect(decodeBase64(bytes.toString('base64'))).toEqual([...bytes]);
    }
  });

  it('leave clean base64 as it is', () => {
    expect(normalizeBase64('QUJD')).toBe('QUJD');
    expect(normalizeBase64('QUI')).toBe('QUI=');
  });
});
