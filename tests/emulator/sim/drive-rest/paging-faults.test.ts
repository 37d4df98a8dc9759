/** Paging, latency, faults and counters of the simulated Drive REST API. */
import { readFileList, readFolder } from '../../../../src/server/drive/read';
import {
  createFolderRequest,
  findChildrenRequest,
  getFileRequest,
  getMediaRequest,
  multipartUploadRequest,
  trashRequest,
} from '../../../../src/server/drive/request';
import { folder, JPEG, list, ME, MY_TOKEN, NOW, setup, upload } from './helpers';

describe('simulated Drive REST API: paging, latency, faults and counters', () => {
  it('pages a listing with nextPageToken, and refuses a token from another query', () => {
    const s = setup();
    const parent = folder(s, 'many');
    for (let i = 0; i < 5; i++) upload(s, parent, `slide_${i}.jpg`, 'AAAA');
    const base = findChildrenRequest(MY_TOKEN, parent);
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const spec = findChildrenRequest(MY_TOKEN, parent, undefined, undefined, token);
      const read = readFileList(
        s.send({ ...spec, url: spec.url.replace('pageSize=1000', 'pageSize=2') }),
        NOW,
      );
      if (read.kind !== 'ok') throw new Error(read.message);
      names.push(...read.files.map((file) => file.name ?? ''));
      token = read.nextPageToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(names).toEqual(['slide_0.jpg', 'slide_1.jpg', 'slide_2.jpg', 'slide_3.jpg', 'slide_4.jpg']);

    const firstPage = readFileList(
      s.send({ ...base, url: base.url.replace('pageSize=1000', 'pageSize=2') }),
      NOW,
    );
    const stolen = firstPage.kind === 'ok' ? firstPage.nextPageToken : undefined;
    const other = findChildrenRequest(MY_TOKEN, 'root', undefined, undefined, stolen);
    expect(readFileList(s.send(other), NOW)).toMatchObject({ kind: 'bad-request', reason: 'invalid' });
  });

  it('takes 150-300 ms for metadata calls and about 400 ms + 0.15 s/MB for uploads, repeatably', () => {
    const s = setup();
    const parent = folder(s, 'timing');
    const metadata = Array.from(
      { length: 20 },
      () => s.send(findChildrenRequest(MY_TOKEN, parent)).latencyMs,
    );
    for (const ms of metadata) {
      expect(ms).toBeGreaterThanOrEqual(150);
      expect(ms).toBeLessThanOrEqual(300);
    }
    const fourMegabytes = Buffer.alloc(4 * 1024 * 1024, 7).toString('base64');
    const uploads = Array.from(
      { length: 5 },
      (_, i) =>
        s.send(
          multipartUploadRequest(
            MY_TOKEN,
            { name: `big${i}.bin`, mimeType: 'application/octet-stream', parentId: parent },
            { base64: fourMegabytes },
          ),
        ).latencyMs,
    );
    for (const ms of uploads) {
      expect(ms).toBeGreaterThanOrEqual(250 + 600);
      expect(ms).toBeLessThanOrEqual(1500 + 601);
    }
    const replay = setup();
    const replayParent = folder(replay, 'timing');
    expect(
      Array.from({ length: 20 }, () => replay.send(findChildrenRequest(MY_TOKEN, replayParent)).latencyMs),
    ).toEqual(metadata);
  });

  it('injects server errors and rate limits that change nothing', () => {
    const failing = setup({ faults: { serverError: 1 } });
    const serverError = readFolder(failing.send(createFolderRequest(MY_TOKEN, 'x', 'root')), NOW);
    expect(serverError).toMatchObject({ kind: 'transient', retryable: true });
    expect(failing.store.children(failing.store.rootId(ME))).toHaveLength(0);

    const limited = setup({ faults: { rateLimit: 1 } });
    const kinds = Array.from({ length: 10 }, () => limited.send(createFolderRequest(MY_TOKEN, 'x', 'root')));
    expect(new Set(kinds.map((sent) => sent.status))).toEqual(new Set([403, 429]));
    for (const sent of kinds) expect(readFolder(sent, NOW).kind).toBe('rate-limited');
    expect(limited.sim.stats.faults.rateLimited).toBe(10);
    expect(limited.store.children(limited.store.rootId(ME))).toHaveLength(0);
  });

  it('a lost response leaves the file in place, so a client that looks first does not duplicate it', () => {
    const s = setup({ faults: { lostResponse: 1 } });
    const parentId = s.store.rootId(ME);
    const lost = upload(s, 'root', 'slide_0.jpg');
    expect(lost.kind).toBe('transient');
    const found = list(s, 'root', 'slide_0.jpg');
    expect(found).toHaveLength(1);
    expect(s.store.children(parentId).map((item) => item.name)).toEqual(['slide_0.jpg']);
    expect(s.sim.stats.faults.lostResponse).toBe(1);
  });

  it('counts requests by kind and bytes each way', () => {
    const s = setup();
    const parent = folder(s, 'count');
    const file = upload(s, parent, 'slide_0.jpg');
    list(s, parent);
    if (file.kind !== 'ok') throw new Error(file.message);
    s.send(getMediaRequest(MY_TOKEN, file.file.id));
    s.send(getFileRequest(MY_TOKEN, file.file.id, 'id'));
    s.send(trashRequest(MY_TOKEN, file.file.id));
    expect(s.sim.stats.requests).toEqual({
      createFolder: 1,
      createFile: 0,
      upload: 1,
      list: 1,
      get: 1,
      media: 1,
      patch: 1,
      other: 0,
    });
    expect(s.sim.stats.bytesUp).toBeGreaterThan(JPEG.length);
    expect(s.sim.stats.bytesDown).toBeGreaterThan(JPEG.length);
    expect(s.sim.stats.byStatus).toEqual({ '200': 6 });
  });
});
