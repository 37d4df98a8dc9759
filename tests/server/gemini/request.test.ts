import { imageGenerationConfig, imagePart, textPart } from '../../../src/server/gemini/content';
import { describeForLog } from '../../../src/server/gemini/http';
import {
  base64ByteLength,
  deleteFile,
  fileId,
  generateContent,
  getFile,
  listModels,
  startUpload,
  uploadBytes,
} from '../../../src/server/gemini/request';
import { TEST_KEY } from './fixtures';

const UPLOAD_URL =
  'https://generativelanguage.googleapis.com/upload/v1beta/files?upload_id=AHxI1nO3abc&upload_protocol=resumable';

describe('request builders', () => {
  it('lists models with a large page size and passes the page token encoded', () => {
    expect(listModels(TEST_KEY)).toEqual({
      url: 'https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000',
      method: 'get',
      headers: { 'x-goog-api-key': TEST_KEY },
    });
    expect(listModels(TEST_KEY, 'a+b/c=').url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000&pageToken=a%2Bb%2Fc%3D',
    );
  });

  it('posts generateContent as JSON to the model, with or without the models/ prefix', () => {
    const body = {
      contents: [
        {
          role: 'user' as const,
          parts: [
            textPart('Remake this slide'),
            imagePart({ mimeType: 'image/jpeg', base64: '/9j/4AAQ' }),
            imagePart({
              mimeType: 'image/png',
              fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc',
            }),
          ],
        },
      ],
      generationConfig: imageGenerationConfig('9:16'),
    };
    const spec = generateContent(TEST_KEY, 'models/gemini-2.5-flash-image', body);
    expect(spec.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-image:generateContent',
    );
    expect(generateContent(TEST_KEY, 'gemini-2.5-flash-image', body).url).toBe(spec.url);
    expect(spec).toMatchObject({ method: 'post', contentType: 'application/json' });
    expect(JSON.parse(spec.payload ?? '')).toEqual({
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'Remake this slide' },
            { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } },
            {
              fileData: {
                mimeType: 'image/png',
                fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc',
              },
            },
          ],
        },
      ],
      generationConfig: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '9:16' } },
    });
  });

  it('starts a resumable upload with the declared size and type', () => {
    const spec = startUpload(TEST_KEY, {
      displayName: 'product.jpg',
      mimeType: 'image/jpeg',
      byteLength: 48213,
    });
    expect(spec).toMatchObject({
      url: 'https://generativelanguage.googleapis.com/upload/v1beta/files',
      method: 'post',
      contentType: 'application/json',
      headers: {
        'x-goog-api-key': TEST_KEY,
        'X-Goog-Upload-Protocol': 'resumable',
        'X-Goog-Upload-Command': 'start',
        'X-Goog-Upload-Header-Content-Length': '48213',
        'X-Goog-Upload-Header-Content-Type': 'image/jpeg',
      },
    });
    expect(JSON.parse(spec.payload ?? '')).toEqual({ file: { display_name: 'product.jpg' } });
  });

  it('uploads the bytes as base64 for the engine to turn into a blob, and finalizes', () => {
    const spec = uploadBytes(TEST_KEY, UPLOAD_URL, { mimeType: 'image/jpeg', base64: '/9j/4AAQ' });
    expect(spec).toEqual({
      url: UPLOAD_URL,
      method: 'post',
      headers: {
        'x-goog-api-key': TEST_KEY,
        'X-Goog-Upload-Command': 'upload, finalize',
        'X-Goog-Upload-Offset': '0',
      },
      contentType: 'image/jpeg',
      payloadBase64: '/9j/4AAQ',
    });
    expect(spec.payload).toBeUndefined();
  });

  it('never sends the key to an upload URL on another host', () => {
    const spec = uploadBytes(TEST_KEY, 'https://uploads.example.com/x?upload_id=1', {
      mimeType: 'image/png',
      base64: 'AA==',
    });
    expect(JSON.stringify(spec)).not.toContain(TEST_KEY);
  });

  it('gets and deletes a file by id, name or uri', () => {
    const url = 'https://generativelanguage.googleapis.com/v1beta/files/abc-123';
    for (const ref of ['abc-123', 'files/abc-123', url]) {
      expect(getFile(TEST_KEY, ref)).toEqual({ url, method: 'get', headers: { 'x-goog-api-key': TEST_KEY } });
      expect(deleteFile(TEST_KEY, ref)).toEqual({
        url,
        method: 'delete',
        headers: { 'x-goog-api-key': TEST_KEY },
      });
    }
    expect(fileId(' files/xyz ')).toBe('xyz');
  });

  it('puts the key only in the x-goog-api-key header, never in a URL or a body', () => {
    const specs = [
      listModels(TEST_KEY, 'token'),
      generateContent(TEST_KEY, 'gemini-2.5-flash', { contents: [{ parts: [textPart('hi')] }] }),
      startUpload(TEST_KEY, { displayName: 'p.png', mimeType: 'image/png', byteLength: 1 }),
      uploadBytes(TEST_KEY, UPLOAD_URL, { mimeType: 'image/png', base64: 'AA==' }),
      getFile(TEST_KEY, 'files/abc'),
      deleteFile(TEST_KEY, 'files/abc'),
    ];
    for (const spec of specs) {
      expect(spec.url).not.toContain(TEST_KEY);
      expect(spec.url).not.toMatch(/[?&]key=/);
      expect(spec.payload ?? '').not.toContain(TEST_KEY);
      const headersWithKey = Object.entries(spec.headers).filter(([, value]) => value.includes(TEST_KEY));
      expect(headersWithKey).toEqual([['x-goog-api-key', TEST_KEY]]);
      expect(JSON.stringify(describeForLog(spec))).not.toContain(TEST_KEY);
    }
  });
});

describe('base64ByteLength', () => {
  it.each([
    ['', 0],
    ['QQ==', 1],
    ['QUI=', 2],
    ['QUJD', 3],
    ['QUJDRA', 4],
    ['QUJD\nRA==', 4],
  ])('%j decodes to %i bytes', (base64, bytes) => {
    expect(base64ByteLength(base64)).toBe(bytes);
  });
});
