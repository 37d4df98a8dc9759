/**
 * Drive REST uploads from inside an execution, with the project's appsscript.json: the scopes the
 * manifest asks for (drive.file, drive.readonly, script.external_request, script.scriptapp) are enough
 * to write outputs through UrlFetchApp with ScriptApp.getOAuthToken(), while DriveApp's writes are not.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { Runtime } from '../../../emulator/core/runtime';
import type { Manifest } from '../../../emulator/core/world';
import { createDriveRestSim, userForTokenAmong } from '../../../emulator/sim/drive-rest';
import { renderSlideJpeg } from '../../../emulator/sim/jpeg-slides';
import { World } from '../../../emulator/world';

const manifest = JSON.parse(fs.readFileSync('appsscript.json', 'utf8')) as Manifest;

function worldWith(code: string) {
  const world = new World({ project: { code, html: {}, manifest } });
  const sim = createDriveRestSim({
    store: world.drive,
    userForToken: userForTokenAmong([world.defaultUser]),
  });
  world.router.registerAll(sim.handlers);
  return { world, sim, runtime: new Runtime(world) };
}

const slides = [1, 2, 3, 4, 5, 6].map((number) => ({
  name: `slide_${number - 1}.jpg`,
  bytes: renderSlideJpeg({ width: 240, height: 426, seed: number, number, count: 6, text: 'DRIVE' }),
}));
const slideArgs = slides.map((slide) => ({
  name: slide.name,
  base64: Buffer.from(slide.bytes).toString('base64'),
}));

/** Multipart bodies put together by hand from Utilities blobs, as a script without our client would. */
const HAND_MADE = `
var API = 'https://www.googleapis.com';
function auth() { return { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() }; }
function makeFolder(name) {
  var response = UrlFetchApp.fetch(API + '/drive/v3/files?fields=id', {
    method: 'post', contentType: 'application/json', headers: auth(), muteHttpExceptions: true,
    payload: JSON.stringify({ name: name, mimeType: 'application/vnd.google-apps.folder', parents: ['root'] }),
  });
  return JSON.parse(response.getContentText()).id;
}
function uploadAll(folderId, images) {
  var boundary = 'hand_made_boundary_42';
  var requests = images.map(function (image) {
    var head = Utilities.newBlob('--' + boundary + '\\r\\nContent-Type: application/json; charset=UTF-8\\r\\n\\r\\n' +
      JSON.stringify({ name: image.name, parents: [folderId] }) +
      '\\r\\n--' + boundary + '\\r\\nContent-Type: image/jpeg\\r\\n\\r\\n').getBytes();
    var media = Utilities.newBlob(Utilities.base64Decode(image.base64), 'image/jpeg').getBytes();
    var tail = Utilities.newBlob('\\r\\n--' + boundary + '--').getBytes();
    return {
      url: API + '/upload/drive/v3/files?uploadType=multipart&fields=id,name,size,parents',
      method: 'post', contentType: 'multipart/related; boundary=' + boundary, headers: auth(),
      payload: head.concat(media, tail), muteHttpExceptions: true,
    };
  });
  return UrlFetchApp.fetchAll(requests).map(function (r) { return [r.getResponseCode(), r.getContentText()]; });
}
function readBack(id) {
  var file = DriveApp.getFileById(id);
  return [file.getName(), file.getParents().next().getId(), file.getBlob().getBytes().length];
}
function writeWithDriveApp(folderId) { DriveApp.getFolderById(folderId).createFile('x.txt', 'x'); }
`;

describe('Drive REST from a script, under the project manifest', () => {
  it('uploads several files in one fetchAll into the right folder, visible to DriveApp', () => {
    const { world, sim, runtime } = worldWith(HAND_MADE);
    const folder = runtime.run<string>('makeFolder', ['TikTok Batch 2026-11-22 14.05']);
    expect(folder.status).toBe('completed');
    const folderId = folder.value ?? '';
    expect(world.drive.get(folderId)?.parents).toEqual([world.drive.rootId(world.defaultUser)]);

    const before = world.fetches.length;
    const uploaded = runtime.run<[number, string][]>('uploadAll', [folderId, slideArgs]);
    expect(uploaded.status).toBe('completed');
    const answers = (uploaded.value ?? []).map(([status, body]) => ({ status, ...JSON.parse(body) }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);

    const children = world.drive.children(folderId);
    expect(children.map((item) => item.name)).toEqual(slides.map((slide) => slide.name));
    for (const [index, slide] of slides.entries()) {
      const id = answers[index]?.id as string;
      expect(Buffer.from(world.drive.readBytes(id)).equals(Buffer.from(slide.bytes))).toBe(true);
      expect(world.drive.get(id)?.mimeType).toBe('image/jpeg');
    }
    expect(world.drive.formatTree(world.defaultUser)).toContain(
      'TikTok Batch 2026-11-22 14.05/\n    slide_0.jpg',
    );

    // All six went out together: one arrival time, and the call lasted about as long as the slowest.
    const uploads = world.fetches.slice(before);
    expect(new Set(uploads.map((record) => record.at)).size).toBe(1);
    expect(uploaded.durationMs).toBeLessThan(Math.max(...uploads.map((record) => record.latencyMs)) + 1000);
    expect(sim.stats.requests.upload).toBe(6);

    // drive.readonly lets DriveApp read what REST wrote.
    const firstId = answers[0]?.id as string;
    expect(runtime.run('readBack', [firstId]).value).toEqual([
      'slide_0.jpg',
      folderId,
      slides[0]?.bytes.length,
    ]);
  });

  it('DriveApp itself may not write under these scopes: that is why outputs go through REST', () => {
    const { runtime } = worldWith(HAND_MADE);
    const folderId = runtime.run<string>('makeFolder', ['out']).value ?? '';
    const report = runtime.run('writeWithDriveApp', [folderId]);
    expect(report.status).toBe('failed');
    expect(report.error?.message).toBe(
      'You do not have permission to call Folder.createFile. Required permissions: https://www.googleapis.com/auth/drive',
    );
  });
});

/** The project's own Drive client, bundled as Code.js would bundle it, running in the script realm. */
function clientBundle(): string {
  const result = esbuild.buildSync({
    stdin: {
      contents: "export * from './src/server/drive/index';",
      resolveDir: process.cwd(),
      loader: 'ts',
      sourcefile: 'drive-client-entry.ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'DriveClient',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** What the engine does with a request description (see src/server/http/spec.ts). */
const WITH_CLIENT = `
function toFetch(spec) {
  var params = { url: spec.url, method: spec.method, headers: spec.headers, muteHttpExceptions: true };
  if (spec.contentType) params.contentType = spec.contentType;
  if (spec.payload !== undefined) params.payload = spec.payload;
  if (spec.payloadBase64 !== undefined) params.payload = Utilities.newBlob(Utilities.base64Decode(spec.payloadBase64), spec.contentType);
  if (spec.payloadBytes !== undefined) params.payload = spec.payloadBytes;
  return params;
}
function toResult(response) {
  return { status: response.getResponseCode(), body: response.getContentText(), headers: response.getAllHeaders() };
}
function send(spec) {
  return toResult(UrlFetchApp.fetch(spec.url, toFetch(spec)));
}
function saveSlides(images, asBytes) {
  var token = ScriptApp.getOAuthToken();
  var now = Date.now();
  var folder = DriveClient.readFolder(send(DriveClient.createFolderRequest(token, 'Link_001_@café', 'root')), now);
  if (folder.kind !== 'ok') return folder;
  var listing = DriveClient.readFileList(send(DriveClient.findChildrenRequest(token, folder.folder.id)), now);
  if (listing.kind !== 'ok') return listing;
  var existing = DriveClient.existingByName(listing.files);
  var specs = images.filter(function (image) { return !existing.has(image.name); }).map(function (image) {
    var media = asBytes ? { bytes: Utilities.base64Decode(image.base64) } : { base64: image.base64 };
    return DriveClient.multipartUploadRequest(token, { name: image.name, mimeType: 'image/jpeg', parentId: folder.folder.id }, media);
  });
  var responses = UrlFetchApp.fetchAll(specs.map(toFetch));
  return {
    kind: 'ok',
    folderId: folder.folder.id,
    files: responses.map(function (response) { return DriveClient.readUploadedFile(toResult(response), now); }),
  };
}
`;

describe('the project Drive client inside an execution', () => {
  it.each([false, true])('builds uploads the script realm can send (Byte[] media: %s)', (asBytes) => {
    const { world, runtime } = worldWith(`${clientBundle()}\n${WITH_CLIENT}`);
    const report = runtime.run<{
      kind: string;
      folderId: string;
      files: { kind: string; file: { id: string } }[];
    }>('saveSlides', [slideArgs.slice(0, 3), asBytes]);
    expect(report.error).toBeUndefined();
    expect(report.value?.kind).toBe('ok');
    const folderId = report.value?.folderId ?? '';
    expect(world.drive.get(folderId)?.name).toBe('Link_001_@café');
    expect(report.value?.files.map((file) => file.kind)).toEqual(['ok', 'ok', 'ok']);
    for (const [index, item] of world.drive.children(folderId).entries()) {
      expect(item.name).toBe(slides[index]?.name);
      expect(
        Buffer.from(world.drive.readBytes(item.id)).equals(Buffer.from(slides[index]?.bytes ?? [])),
      ).toBe(true);
    }
  });
});
