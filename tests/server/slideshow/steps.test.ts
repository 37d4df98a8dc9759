/**
 * Steps in isolation, with answers made up here: the fallback chain, a short link longer than a
 * wave's steps, an image try that looks before it writes, batch.json rewritten without a second copy.
 */
import { MAX_STEPS_PER_WAVE } from '../../../src/server/engine/limits';
import type { StepResult } from '../../../src/server/engine/types';
import { slideshowJob } from '../../../src/server/slideshow/job';
import {
  INGEST_MOBILE,
  INGEST_TIKWM,
  ingestItem,
  RESOLVE_MORE,
  resolveItem,
} from '../../../src/server/slideshow/plan';
import { answer, context, item, KEY, TOKEN } from './helpers';

const step = slideshowJob.step.bind(slideshowJob);

function sent(result: StepResult) {
  if (result.kind !== 'send') throw new Error(`expected send, got ${JSON.stringify(result)}`);
  return result;
}

const STUB = '<html><head><title>TikTok</title></head><body></body></html>';

describe('ingest routes', () => {
  const page = item(
    ingestItem({
      route: 'page',
      postId: '7312345678901234567',
      username: null,
      target: '7312345678901234567',
      tried: [],
    }),
  );

  it('hands a page that shows nothing to the mobile page, then tikwm, carrying what was tried', () => {
    const first = sent(step(page, context()));
    expect(first.requests[0]?.url).toBe('https://www.tiktok.com/@_/video/7312345678901234567');
    expect(first.requests[0]?.followRedirects).toBe(false);
    const handed = step(page, context(), { carry: first.carry, responses: [answer(200, STUB)] });
    expect(handed).toMatchObject({ kind: 'done', result: { fallback: 'stub-page' } });
    const mobile = handed.kind === 'done' ? handed.newItems?.[0] : undefined;
    expect(mobile).toMatchObject({
      id: INGEST_MOBILE,
      input: { route: 'mobile', tried: ["TikTok's page: empty page"] },
    });
    const mobileItem = item(mobile as NonNullable<typeof mobile>);
    const second = sent(step(mobileItem, context()));
    expect(second.requests[0]?.url).toBe('https://m.tiktok.com/v/7312345678901234567.html');
    const next = step(mobileItem, context(), { carry: second.carry, responses: [answer(200, STUB)] });
    const tikwm = next.kind === 'done' ? next.newItems?.[0] : undefined;
    expect(tikwm).toMatchObject({ id: INGEST_TIKWM, rateKey: 'tikwm' });
    const last = item(tikwm as NonNullable<typeof tikwm>);
    const third = sent(step(last, context()));
    const end = step(last, context(), {
      carry: third.carry,
      responses: [answer(200, { code: -1, msg: 'Url parsing is failed! Please check url.' })],
    });
    expect(end).toMatchObject({
      kind: 'fail',
      failure: {
        kind: 'fatal',
        message: expect.stringMatching(
          /\(tried: TikTok's page: empty page; TikTok's mobile page: empty page; tikwm\.com: not available\)$/,
        ),
      },
    });
  });

  it('stops at once when no other route can help', () => {
    const first = sent(step(page, context()));
    const body = `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${JSON.stringify({
      __DEFAULT_SCOPE__: { 'webapp.video-detail': { statusCode: 10216, itemInfo: {} } },
    })}</script>`;
    expect(step(page, context(), { carry: first.carry, responses: [answer(200, body)] })).toMatchObject({
      kind: 'fail',
      failure: { kind: 'fatal', message: expect.stringMatching(/^This post is private/) },
    });
  });
});

describe('short links', () => {
  it('follows hops by hand and goes on in resolve:2 when the wave has no steps left', () => {
    const resolve = item(resolveItem('https://vm.tiktok.com/ZMa/', 0));
    let result = step(resolve, context());
    for (let hop = 1; hop <= MAX_STEPS_PER_WAVE; hop++) {
      const request = sent(result);
      expect(request.requests[0]).toMatchObject({
        followRedirects: false,
        headers: { 'User-Agent': 'facebookexternalhit/1.1' },
      });
      result = step(resolve, context(), {
        carry: request.carry,
        responses: [answer(301, '', { Location: `https://vm.tiktok.com/ZMb${hop}/` })],
      });
    }
    expect(result).toMatchObject({
      kind: 'done',
      newItems: [
        {
          id: RESOLVE_MORE,
          input: { url: `https://vm.tiktok.com/ZMb${MAX_STEPS_PER_WAVE}/`, hops: MAX_STEPS_PER_WAVE },
        },
      ],
    });
  });
});

describe('writes look first on any try but the first', () => {
  const results = {
    folders: {
      rowFolderId: 'row',
      rowFolderName: 'Link_007',
      sourceFolderId: 'src',
      variationFolderIds: ['v1', 'v2'],
    },
    slides: {
      slides: [
        {
          index: 0,
          driveFileId: 's0',
          name: 'slide_0.jpg',
          mimeType: 'image/jpeg',
          bytes: 10,
          width: 1080,
          height: 1920,
        },
      ],
    },
    product: {
      file: {
        uri: 'https://generativelanguage.googleapis.com/v1beta/files/p',
        mimeType: 'image/jpeg',
        expiresAt: null,
      },
      source: { kind: 'drive', fileId: 'photo' },
      name: 'p.jpg',
      used: 'original',
      bytes: 10,
      originalBytes: 10,
      width: 10,
      height: 10,
    },
    files: {
      slides: [
        {
          uri: 'https://generativelanguage.googleapis.com/v1beta/files/s',
          mimeType: 'image/jpeg',
          expiresAt: null,
        },
      ],
      uploadedAt: 1,
    },
  };
  const spec = { id: 'image:p1:t2:s0', kind: 'image', input: { photo: 1, text: 2, slide: 0, variation: 2 } };

  it('reuses an image an earlier try saved, without asking Gemini again', () => {
    const retry = item(spec, { attempts: 1 });
    const look = sent(step(retry, context({ results })));
    expect(look.requests).toHaveLength(1);
    expect(decodeURIComponent(look.requests[0]?.url ?? '')).toContain(
      "'v2' in parents and name = 'slide_0.jpg'",
    );
    const found = step(retry, context({ results }), {
      carry: look.carry,
      responses: [
        answer(200, {
          files: [{ id: 'earlier', name: 'slide_0.jpg', size: '5', createdTime: '2026-11-22T00:00:00Z' }],
        }),
      ],
    });
    expect(found).toMatchObject({ kind: 'done', result: { driveFileId: 'earlier', route: 'found' } });
  });

  it('asks Gemini straight away on a first try, with the key in its header only', () => {
    const generate = sent(
      step(
        item(spec),
        context({
          results: {
            ...results,
            analysis: {
              analysis: {
                summary: 's',
                slides: [
                  {
                    index: 0,
                    role: 'hook',
                    text: 'Old',
                    layout: 'centred',
                    style: 'bold',
                    productPlacement: 'in hand',
                  },
                ],
              },
              at: 1,
              ms: 1,
            },
            'copy:t2': {
              copy: { slides: [{ index: 0, text: 'New words' }], caption: 'c', hashtags: [] },
              at: 1,
              ms: 1,
            },
          },
        }),
      ),
    );
    const request = generate.requests[0];
    expect(request?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-image:generateContent',
    );
    expect(request?.headers).toEqual({ 'x-goog-api-key': KEY });
    expect(request?.url).not.toContain(KEY);
    const body = JSON.parse(request?.payload ?? '{}') as {
      generationConfig: { imageConfig: { aspectRatio: string } };
      contents: { parts: object[] }[];
    };
    expect(body.generationConfig.imageConfig.aspectRatio).toBe('9:16');
    expect(body.contents[0]?.parts.slice(1)).toEqual([
      {
        fileData: {
          mimeType: 'image/jpeg',
          fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/s',
        },
      },
      {
        fileData: {
          mimeType: 'image/jpeg',
          fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/p',
        },
      },
    ]);
    expect(JSON.stringify(generate.carry)).not.toContain(KEY);
    expect(JSON.stringify(generate.carry)).not.toContain(TOKEN);
  });
});

describe('batch.json', () => {
  it('uploads the new one, then trashes every older copy', () => {
    const summary = item(
      { id: 'summary', kind: 'batch-summary', input: { counts: { links: 1 } } },
      { reruns: 1 },
    );
    const ctx = context({ results: { '@folder': { folderId: 'batch', name: 'TikTok Batch' } } });
    const look = sent(step(summary, ctx));
    const write = sent(
      step(summary, ctx, {
        carry: look.carry,
        responses: [answer(200, { files: [{ id: 'old1', name: 'batch.json' }] })],
      }),
    );
    expect(write.requests[0]?.url).toContain('/upload/drive/v3/files?uploadType=multipart');
    const trash = sent(
      step(summary, ctx, { carry: write.carry, responses: [answer(200, { id: 'new', name: 'batch.json' })] }),
    );
    expect(trash.requests.map((request) => [request.method, request.url.split('?')[0]])).toEqual([
      ['patch', 'https://www.googleapis.com/drive/v3/files/old1'],
    ]);
    expect(
      step(summary, ctx, { carry: trash.carry, responses: [answer(200, { id: 'old1', trashed: true })] }),
    ).toEqual({
      kind: 'done',
      result: { driveFileId: 'new' },
    });
  });
});

describe('secrets', () => {
  it('stops the batch when no key is saved', () => {
    expect(step(item({ id: 'product', kind: 'product' }), context({ missing: ['apiKey'] }))).toMatchObject({
      kind: 'fail',
      failure: { kind: 'settings', message: expect.stringMatching(/^No Gemini API key is saved/) },
    });
  });
});
