/** The small pure helpers: image headers, photo sizing, the batch folder's time, slide folders, the binding. */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { renderSlideJpeg } from '../../../emulator/sim/jpeg-slides';
import { formatBatchStart } from '../../../src/server/slideshow/batch-time';
import {
  createSlideshowBinding,
  estimateRow,
  rateLimits,
  TYPICAL_SLIDES,
} from '../../../src/server/slideshow/binding';
import { base64Bytes, imageInfo } from '../../../src/server/slideshow/image-info';
import {
  DOWNSCALE_ABOVE_BYTES,
  MAX_PHOTO_BYTES,
  planDrivePhoto,
  sizedThumbnail,
} from '../../../src/server/slideshow/product-photo';
import { naturalOrder } from '../../../src/server/slideshow/steps/drive-source';
import { utf8Bytes } from '../../../src/server/slideshow/utf8';
import { checkRows, STATUS_READY_SLIDE_FOLDER } from '../../../src/shared/row-check';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { findSlideFolder } from '../../../src/shared/slide-folder';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('image headers', () => {
  it('reads the format and size of JPEGs and PNGs from their first bytes', () => {
    const slide = renderSlideJpeg({ width: 360, height: 640, seed: 1, number: 1, count: 1, text: 'HI' });
    expect(imageInfo(b64(slide))).toEqual({ mimeType: 'image/jpeg', width: 360, height: 640 });
    const png = new PNG({ width: 33, height: 21 });
    expect(imageInfo(b64(PNG.sync.write(png)))).toEqual({ mimeType: 'image/png', width: 33, height: 21 });
    const big = jpeg.encode({ width: 1200, height: 900, data: new Uint8Array(1200 * 900 * 4) }, 80).data;
    expect(imageInfo(b64(big))).toMatchObject({ width: 1200, height: 900 });
    expect(imageInfo(Buffer.from('RIFF\0\0\0\0WEBPVP8 ').toString('base64')).mimeType).toBe('image/webp');
    expect(imageInfo(Buffer.from('<html>').toString('base64'))).toEqual({
      mimeType: null,
      width: null,
      height: null,
    });
    expect(base64Bytes(b64(slide))).toBe(slide.length);
  });
});

describe('product photo sizing', () => {
  const link = 'https://lh3.googleusercontent.com/drive-storage/AJQWtBN-abc=s220';
  it("keeps small photos, takes Drive's preview of large ones, refuses huge ones without a preview", () => {
    expect(planDrivePhoto({ id: 'a', size: String(DOWNSCALE_ABOVE_BYTES), thumbnailLink: link })).toEqual({
      kind: 'original',
    });
    expect(planDrivePhoto({ id: 'a', size: '4600000', thumbnailLink: link })).toEqual({
      kind: 'thumbnail',
      url: 'https://lh3.googleusercontent.com/drive-storage/AJQWtBN-abc=s1600',
    });
    expect(planDrivePhoto({ id: 'a', size: '4600000' })).toEqual({ kind: 'original' });
    expect(planDrivePhoto({ id: 'a', size: String(MAX_PHOTO_BYTES + 1) })).toMatchObject({ kind: 'refuse' });
  });
  it("only trusts Drive's preview host", () => {
    expect(sizedThumbnail('https://lh3.googleusercontent.com/d/x')).toBe(
      'https://lh3.googleusercontent.com/d/x=s1600',
    );
    expect(sizedThumbnail('https://evil.example/x=s220')).toBeNull();
    expect(sizedThumbnail(undefined)).toBeNull();
  });
});

describe('the batch folder name', () => {
  it("is the batch's start in the spreadsheet's time zone", () => {
    const at = Date.UTC(2026, 10, 22, 22, 5);
    expect(formatBatchStart(at, 'America/Los_Angeles')).toBe('2026-11-22 14.05');
    expect(formatBatchStart(at, 'Asia/Tokyo')).toBe('2026-11-23 07.05');
    expect(formatBatchStart(at, 'Not/AZone')).toBe('2026-11-22 22.05');
  });
});

describe('a Drive folder of slides in the Link cell', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456';
  it('is found in the shapes Drive hands out', () => {
    for (const cell of [
      `https://drive.google.com/drive/folders/${id}`,
      `https://drive.google.com/drive/u/1/folders/${id}?usp=sharing`,
      `drive.google.com/drive/folders/${id}`,
      `Slides: https://drive.google.com/drive/folders/${id}?resourcekey=0-abc`,
      `https://drive.google.com/folderview?id=${id}`,
    ]) {
      expect(findSlideFolder(cell)?.folderId).toBe(id);
    }
    expect(
      findSlideFolder(`https://drive.google.com/drive/folders/${id}?resourcekey=0-abc`)?.resourceKey,
    ).toBe('0-abc');
    expect(findSlideFolder(`https://drive.google.com/file/d/${id}/view`)).toBeNull();
    expect(findSlideFolder('https://www.tiktok.com/@a/photo/7312345678901234567')).toBeNull();
  });
  it('makes the row ready (the sheet layer accepts it in place of a link)', () => {
    const check = checkRows([
      {
        rowId: 'r',
        rowNumber: 2,
        link: `https://drive.google.com/drive/folders/${id}`,
        photo: id,
        description: 'A pan.',
        photoVariations: '',
        textVariations: '',
      },
    ]);
    expect(check.rows[0]).toMatchObject({ ready: true, status: STATUS_READY_SLIDE_FOLDER });
  });
  it('sorts slides the way people number them', () => {
    expect(['10.jpg', '2.png', '1.jpg', 'slide_11.jpg', 'slide_2.jpg'].sort(naturalOrder)).toEqual([
      '1.jpg',
      '2.png',
      '10.jpg',
      'slide_2.jpg',
      'slide_11.jpg',
    ]);
  });
});

describe('the binding', () => {
  it('budgets each model and tikwm, and estimates a row from its variations', () => {
    expect(rateLimits(DEFAULT_SETTINGS)).toEqual({
      'gemini:gemini-2.5-flash': 150,
      'gemini:gemini-2.5-flash-image': 60,
      tikwm: 50,
    });
    const estimate = estimateRow(
      { rowId: 'r', number: 1, link: '', photo: '', description: '', photoVariations: 3, textVariations: 2 },
      DEFAULT_SETTINGS,
    );
    expect(estimate.units).toBe(3 * 2 * TYPICAL_SLIDES);
    expect(estimate.calls).toEqual({ 'gemini:gemini-2.5-flash': 3, 'gemini:gemini-2.5-flash-image': 36 });
    expect(estimate.costUsd).toBeCloseTo(36 * 0.039 + 3 * 0.003);
  });
  it('keeps a snapshot of the settings without any secret', () => {
    const binding = createSlideshowBinding(() => 'Europe/Lisbon');
    expect(binding.jobSettings(DEFAULT_SETTINGS)).toEqual({
      textModel: 'gemini-2.5-flash',
      imageModel: 'gemini-2.5-flash-image',
      outputFormat: 'jpeg',
      imageInputs: 'files',
      parentFolderId: null,
      timeZone: 'Europe/Lisbon',
      photoVariations: 3,
      textVariations: 2,
      rowsInProgress: 5,
      textRequestsPerMinute: 150,
      imageRequestsPerMinute: 60,
    });
    expect(binding.requiredSecrets.map((secret) => secret.name)).toEqual(['apiKey']);
  });
});

describe('UTF-8', () => {
  it('encodes every character as TextEncoder does', () => {
    const text = 'Café ✨ 日本 😀 "quoted"';
    expect(utf8Bytes(text)).toEqual([...new TextEncoder().encode(text)]);
  });
});
