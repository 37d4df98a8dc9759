import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { imageGenerationConfig, imagePart, textPart } from '../../../../src/server/gemini/content';
import {
  readDeleteFile,
  readFile,
  readUploadedFile,
  readUploadStart,
} from '../../../../src/server/gemini/files';
import { readImage } from '../../../../src/server/gemini/images';
import {
  base64ByteLength,
  deleteFile,
  generateContent,
  getFile,
  startUpload,
  uploadBytes,
} from '../../../../src/server/gemini/request';
import type { GeminiFile } from '../../../../src/server/gemini/schemas';
import { decodePng, largestPatch, newSim, NOW, send, solidPng } from './helpers';
import type { GeminiSim } from '../../../../emulator/sim/gemini';

const KEY = 'AIzaSyFilesTestKey-0000000000000000000';
const OTHER_PROJECT_KEY = 'AIzaSyOtherProjectKey-0000000000000000';
const keys = [
  { key: KEY, project: 'shop' },
  { key: OTHER_PROJECT_KEY, project: 'elsewhere' },
];
const GREEN: [number, number, number] = [0, 200, 0];
const product = solidPng(200, 200, GREEN);

function upload(sim: GeminiSim, base64 = product, now = NOW): GeminiFile {
  const started = readUploadStart(
    send(
      sim,
      startUpload(KEY, {
        displayName: 'product.png',
        mimeType: 'image/png',
        byteLength: base64ByteLength(base64),
      }),
      now,
    ),
    now,
  );
  if (started.kind !== 'ok') throw new Error(`upload start failed: ${started.message}`);
  const uploaded = readUploadedFile(
    send(sim, uploadBytes(KEY, started.uploadUrl, { mimeType: 'image/png', base64 }), now),
    now,
  );
  if (uploaded.kind !== 'ok') throw new Error(`upload failed: ${uploaded.message}`);
  return uploaded.file;
}

function imageWithFile(uri: string, key = KEY) {
  return generateContent(key, 'gemini-2.5-flash-image', {
    contents: [
      { parts: [textPart('Put the product on a table'), imagePart({ mimeType: 'image/png', fileUri: uri })] },
    ],
    generationConfig: imageGenerationConfig('1:1'),
  });
}

describe('simulated Files API', () => {
  it('uploads with the resumable protocol and returns an active file with a uri', () => {
    const sim = newSim({ keys });
    const file = upload(sim);
    expect(file).toMatchObject({ displayName: 'product.png', mimeType: 'image/png', state: 'ACTIVE' });
    expect(file.uri).toMatch(/^https:\/\/generativelanguage\.googleapis\.com\/v1beta\/files\/[a-z0-9]+$/);
    expect(Number(file.sizeBytes)).toBe(Buffer.from(product, 'base64').length);
    expect(Date.parse(file.expirationTime ?? '') - NOW).toBe(48 * 3_600_000);
    expect(sim.stats.calls).toMatchObject({ uploadStart: 1, upload: 1 });
  });

  it('resolves a fileData part to the uploaded image (its pixels appear in the answer)', () => {
    const sim = newSim({ keys });
    const file = upload(sim);
    const read = readImage(send(sim, imageWithFile(file.uri)), NOW);
    if (read.kind !== 'ok') throw new Error(read.message);
    // With a single image, it is the background: the whole slide is green under the tint.
    expect(largestPatch(decodePng(read.image.base64), [40, 200, 40], 60)).toBeGreaterThan(300);
  });

  it('gets and deletes a file; after deletion it is missing', () => {
    const sim = newSim({ keys });
    const file = upload(sim);
    const got = readFile(send(sim, getFile(KEY, file.name)), NOW);
    expect(got.kind === 'ok' && got.file.uri).toBe(file.uri);
    expect(readDeleteFile(send(sim, deleteFile(KEY, file.uri)), NOW).kind).toBe('ok');
    expect(readFile(send(sim, getFile(KEY, file.name)), NOW)).toMatchObject({ kind: 'file-missing' });
    expect(readImage(send(sim, imageWithFile(file.uri)), NOW)).toMatchObject({ kind: 'file-missing' });
  });

  it('hides a file from another project, as the real service does', () => {
    const sim = newSim({ keys });
    const file = upload(sim);
    expect(readImage(send(sim, imageWithFile(file.uri, OTHER_PROJECT_KEY)), NOW)).toMatchObject({
      kind: 'file-missing',
    });
  });

  it('forgets files after 48 hours', () => {
    const sim = newSim({ keys });
    const file = upload(sim);
    const later = NOW + 48 * 3_600_000;
    expect(readImage(send(sim, imageWithFile(file.uri), later - 1), later - 1).kind).toBe('ok');
    expect(readImage(send(sim, imageWithFile(file.uri), later), later)).toMatchObject({
      kind: 'file-missing',
    });
  });

  it('rejects a uri that is not a Files API uri', () => {
    const sim = newSim({ keys });
    expect(readImage(send(sim, imageWithFile('https://example.com/product.png')), NOW)).toMatchObject({
      kind: 'rejected',
    });
  });

  it('rejects bytes that do not match the declared length', () => {
    const sim = newSim({ keys });
    const started = readUploadStart(
      send(sim, startUpload(KEY, { displayName: 'p.png', mimeType: 'image/png', byteLength: 5 })),
      NOW,
    );
    if (started.kind !== 'ok') throw new Error(started.message);
    const uploaded = readUploadedFile(
      send(sim, uploadBytes(KEY, started.uploadUrl, { mimeType: 'image/png', base64: product })),
      NOW,
    );
    expect(uploaded).toMatchObject({ kind: 'rejected' });
  });

  it('kept in a folder, its files outlive a restart, and a restarted store never reuses an id', () => {
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gemini-files-'));
    try {
      const before = upload(newSim({ keys, filesDir }));
      const gone = upload(newSim({ keys, filesDir }));
      const deleter = newSim({ keys, filesDir });
      expect(readDeleteFile(send(deleter, deleteFile(KEY, gone.uri)), NOW).kind).toBe('ok');

      const restarted = newSim({ keys, filesDir });
      const read = readImage(send(restarted, imageWithFile(before.uri)), NOW);
      if (read.kind !== 'ok') throw new Error(read.message);
      expect(largestPatch(decodePng(read.image.base64), [40, 200, 40], 60)).toBeGreaterThan(300);
      expect(readImage(send(restarted, imageWithFile(gone.uri)), NOW)).toMatchObject({
        kind: 'file-missing',
      });
      const after = upload(restarted);
      expect([before.uri, gone.uri]).not.toContain(after.uri);
      // Without a folder, a new simulator knows nothing of them (and memory is all the benchmark uses).
      expect(readImage(send(newSim({ keys }), imageWithFile(before.uri)), NOW)).toMatchObject({
        kind: 'file-missing',
      });
    } finally {
      fs.rmSync(filesDir, { recursive: true, force: true });
    }
  });
});
