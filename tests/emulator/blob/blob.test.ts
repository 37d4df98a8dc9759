import { GasError } from '../../../emulator/core/env';
import {
  Blob,
  blobBridge,
  blobBytes,
  blobFromBytes,
  blobFromSource,
  JPEG_QUALITY,
  newBlob,
  sniffImageType,
} from '../../../emulator/services/blob';
import { firstPixel, solidJpeg, solidPng } from './images';

describe('newBlob', () => {
  it('stores a string as UTF-8 and reports signed bytes', () => {
    const blob = newBlob('é€');
    expect(blob.getBytes()).toEqual([-61, -87, -30, -126, -84]);
    expect(blob.getDataAsString()).toBe('é€');
  });

  it('types string data as text/plain unless told otherwise, and leaves byte data untyped', () => {
    expect(newBlob('x').getContentType()).toBe('text/plain');
    expect(newBlob('x', 'application/json', 'a.json').getContentType()).toBe('application/json');
    expect(newBlob([1, 2]).getContentType()).toBeNull();
    expect(newBlob([1, 2]).getName()).toBeNull();
    expect(newBlob([1], 'image/png', 'p.png').getName()).toBe('p.png');
  });

  it('accepts signed and unsigned byte values alike, keeping the low 8 bits', () => {
    expect(newBlob([200, 255, 0, 127]).getBytes()).toEqual([-56, -1, 0, 127]);
    expect(newBlob([-56, -1]).getBytes()).toEqual([-56, -1]);
    expect(newBlob([456]).getBytes()).toEqual([-56]);
  });

  it('rejects data that is neither a string nor a byte array with the signature error', () => {
    expect(() => newBlob(42)).toThrow(
      new GasError("The parameters (number) don't match the method signature for Utilities.newBlob."),
    );
    expect(() => newBlob(['a'])).toThrow(/\(String\[\]\) don't match the method signature/);
    expect(() => newBlob('x', 5)).toThrow(/\(String,number\) don't match/);
  });
});

describe('Blob data', () => {
  it('hands out a fresh array from getBytes so the caller cannot change the blob', () => {
    const blob = newBlob([1, 2, 3]);
    const bytes = blob.getBytes();
    bytes[0] = 99;
    expect(blob.getBytes()).toEqual([1, 2, 3]);
  });

  it('replaces its data with setBytes and setDataFromString, keeping type and name', () => {
    const blob = newBlob('a', 'text/csv', 'a.csv');
    expect(blob.setBytes([104, 105]).getDataAsString()).toBe('hi');
    blob.setDataFromString('ö', 'ISO-8859-1');
    expect(blob.getBytes()).toEqual([-10]);
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.getName()).toBe('a.csv');
  });

  it('decodes with the requested charset', () => {
    const blob = newBlob([0xe9, 0x41]);
    expect(blob.getDataAsString('ISO-8859-1')).toBe('éA');
    expect(blob.getDataAsString('US-ASCII')).toBe('\uFFFDA');
    expect(blob.getDataAsString('UTF-8')).toBe('\uFFFDA');
    expect(newBlob([0xfe, 0xff, 0, 0x41]).getDataAsString('UTF-16')).toBe('A');
    expect(newBlob([0x41, 0]).getDataAsString('UTF-16LE')).toBe('A');
    expect(newBlob([0x80]).getDataAsString('windows-1252')).toBe('€');
  });

  it('keeps a UTF-8 byte order mark as a character, as Java does', () => {
    expect(newBlob([0xef, 0xbb, 0xbf, 0x41]).getDataAsString()).toBe('\uFEFFA');
  });

  it('encodes characters a charset cannot hold as "?"', () => {
    expect(newBlob('').setDataFromString('a€😀', 'US-ASCII').getBytes()).toEqual([97, 63, 63]);
    expect(newBlob('').setDataFromString('€', 'windows-1252').getBytes()).toEqual([-128]);
    expect(newBlob('').setDataFromString('A', 'UTF-16').getBytes()).toEqual([-2, -1, 0, 65]);
  });

  it('rejects a charset it does not know', () => {
    expect(() => newBlob('x').getDataAsString('EBCDIC-XYZ')).toThrow(GasError);
  });

  it('copies independently with copyBlob', () => {
    const blob = newBlob('abc', 'text/plain', 'a.txt');
    const copy = blob.copyBlob();
    blob.setDataFromString('changed').setName('b.txt');
    expect(copy.getDataAsString()).toBe('abc');
    expect(copy.getName()).toBe('a.txt');
  });

  it('is its own getBlob', () => {
    const blob = newBlob('x');
    expect(blob.getBlob()).toBe(blob);
  });

  it('sets and clears content type and name', () => {
    const blob = newBlob('x');
    expect(blob.setContentType(null).getContentType()).toBeNull();
    expect(blob.setName('n.txt').getName()).toBe('n.txt');
  });

  it('knows Google Workspace types', () => {
    expect(newBlob([], 'application/vnd.google-apps.spreadsheet').isGoogleType()).toBe(true);
    expect(newBlob([], 'image/png').isGoogleType()).toBe(false);
    expect(newBlob([]).isGoogleType()).toBe(false);
  });

  it('takes its content type from the name extension on request', () => {
    expect(newBlob([], null, 'photo.JPG').setContentTypeFromExtension().getContentType()).toBe('image/jpeg');
    expect(() => newBlob([], null, 'noextension').setContentTypeFromExtension()).toThrow(GasError);
  });
});

describe('Blob.getAs', () => {
  it('converts PNG to a real JPEG of the same size and colour, renamed .jpg', () => {
    const png = newBlob([...solidPng(8, 6, [200, 30, 40, 255])], 'image/png', 'photo.png');
    const jpeg = png.getAs('image/jpeg');
    expect(jpeg.getContentType()).toBe('image/jpeg');
    expect(jpeg.getName()).toBe('photo.jpg');
    const bytes = blobBytes(jpeg);
    expect(sniffImageType(bytes)).toBe('image/jpeg');
    const { width, height, rgba } = firstPixel(bytes);
    expect([width, height]).toEqual([8, 6]);
    rgba.slice(0, 3).forEach((c, i) => expect(Math.abs(c - [200, 30, 40][i]!)).toBeLessThan(12));
  });

  it('converts JPEG to a real PNG of the same size, renamed .png', () => {
    const jpeg = newBlob([...solidJpeg(5, 7, [10, 120, 250])], 'image/jpeg', 'shot.jpeg');
    const png = jpeg.getAs('image/png');
    expect(png.getName()).toBe('shot.png');
    const { width, height, rgba } = firstPixel(blobBytes(png));
    expect(sniffImageType(blobBytes(png))).toBe('image/png');
    expect([width, height]).toEqual([5, 7]);
    expect(Math.abs(rgba[2]! - 250)).toBeLessThan(12);
  });

  it('puts transparent PNG pixels on white when making a JPEG', () => {
    const png = newBlob([...solidPng(4, 4, [0, 0, 0, 0])], 'image/png', 'clear.png');
    const { rgba } = firstPixel(blobBytes(png.getAs('image/jpeg')));
    rgba.slice(0, 3).forEach((c) => expect(c).toBeGreaterThan(245));
  });

  it('uses a fixed, documented JPEG quality', () => {
    expect(JPEG_QUALITY).toBe(90);
  });

  it('replaces only what follows the last period, and appends when there is none', () => {
    const png = [...solidPng(1, 1, [0, 0, 0, 255])];
    expect(newBlob(png, 'image/png', 'ShoppingList.12.25.2014').getAs('image/jpeg').getName()).toBe(
      'ShoppingList.12.25.jpg',
    );
    expect(newBlob(png, 'image/png', 'noext').getAs('image/jpeg').getName()).toBe('noext.jpg');
    expect(newBlob(png, 'image/png').getAs('image/jpeg').getName()).toBeNull();
  });

  it('copies an image already in the asked-for format byte for byte', () => {
    const bytes = solidPng(2, 2, [1, 2, 3, 255]);
    const same = newBlob([...bytes], 'image/png', 'a.png').getAs('image/png');
    expect(blobBytes(same)).toEqual(bytes);
  });

  it('refuses conversions Apps Script does not support', () => {
    const png = newBlob([...solidPng(1, 1, [0, 0, 0, 255])], 'image/png', 'a.png');
    expect(() => png.getAs('text/plain')).toThrow(
      new GasError('Converting from image/png to text/plain is not supported.'),
    );
    expect(() => newBlob('hello').getAs('image/png')).toThrow(
      'Converting from text/plain to image/png is not supported.',
    );
  });

  it('reports real-but-unemulated conversions as not emulated', () => {
    const png = newBlob([...solidPng(1, 1, [0, 0, 0, 255])], 'image/png', 'a.png');
    expect(() => png.getAs('application/pdf')).toThrow(/^not emulated: Blob\.getAs/);
    expect(() => png.getAs('image/gif')).toThrow(/^not emulated: Blob\.getAs/);
  });

  it('throws a GasError for image bytes that do not decode', () => {
    const broken = newBlob([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3], 'image/png', 'bad.png');
    expect(() => broken.getAs('image/jpeg')).toThrow(/Invalid image data/);
  });
});

describe('Node-side access', () => {
  it('reads and makes blobs without copying', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const blob = blobFromBytes(bytes, 'application/octet-stream', 'b.bin');
    expect(blobBytes(blob)).toBe(bytes);
    expect(blob.getName()).toBe('b.bin');
  });

  it('serves other services through the BlobBridge', () => {
    const made = blobBridge.create(new Uint8Array([7]), 'image/png', 'x.png');
    expect(made).toBeInstanceOf(Blob);
    expect(blobBridge.bytesOf(made)).toEqual(new Uint8Array([7]));
    expect(blobBridge.contentTypeOf(made)).toBe('image/png');
    expect(blobBridge.bytesOf('not a blob')).toBeNull();
    expect(blobBridge.contentTypeOf({})).toBeNull();
  });

  it('reads any BlobSource through getBlob', () => {
    const blob = newBlob('abc', 'text/plain', 'a.txt');
    expect(blobFromSource({ getBlob: () => blob }, 'X.y', [])).toBe(blob);
    const foreign = {
      getBlob: () => ({
        getBytes: () => [104, 105],
        getContentType: () => 'text/html',
        getName: () => 'f.html',
      }),
    };
    const read = blobFromSource(foreign, 'X.y', []);
    expect([read.getDataAsString(), read.getContentType(), read.getName()]).toEqual([
      'hi',
      'text/html',
      'f.html',
    ]);
    expect(() => blobFromSource('nope', 'DriveApp.createFile', ['nope'])).toThrow(
      "The parameters (String) don't match the method signature for DriveApp.createFile.",
    );
  });
});
