/** The items a row and a batch get, their ids, dependencies, units and budgets. */
import {
  estimateBytes as estimateBytesOf,
  pumpsWanted,
  rowsWanted,
  slideshowJob,
  startLanes,
  stepsOf,
} from '../../../src/server/slideshow/job';
import {
  ANALYSIS,
  copyId,
  DRIVE_SOURCE,
  FILES,
  FOLDERS,
  imageId,
  INGEST,
  planRow,
  planWork,
  PRODUCT,
  RESOLVE,
  saveId,
  SLIDES,
  variationNumber,
} from '../../../src/server/slideshow/plan';
import { describeRow } from '../../../src/server/slideshow/describe';
import { imageRateKey, jobSettingsOf } from '../../../src/server/slideshow/job-settings';
import { MAX_PUMPS_IN_FLIGHT, MAX_STEPS_PER_WAVE, MAX_WAVE_BYTES } from '../../../src/server/engine/limits';
import { toJobSettings } from '../../../src/server/slideshow/job-settings';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { ItemRecord, ItemSpec } from '../../../src/server/engine/types';
import { item, meta, row } from './helpers';

describe('the row plan', () => {
  it('starts a long link with the page route and the product photo', () => {
    const items = planRow(row());
    expect(items.map((spec) => spec.id)).toEqual([INGEST, PRODUCT]);
    expect(items[0]?.input).toMatchObject({
      route: 'page',
      postId: '7312345678901234567',
      username: 'someone',
    });
  });

  it('resolves a short link first, and takes a Drive folder without any TikTok item', () => {
    expect(planRow(row({ link: 'https://vm.tiktok.com/ZMabc123/' })).map((spec) => spec.id)).toEqual([
      RESOLVE,
      PRODUCT,
    ]);
    const folder = 'https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456';
    expect(planRow(row({ link: folder })).map((spec) => spec.id)).toEqual([DRIVE_SOURCE, PRODUCT]);
    // A folder as well as a link: the folder is the source.
    expect(planRow(row({ link: `${row().link} ${folder}` }))[0]?.id).toBe(DRIVE_SOURCE);
  });

  it('plans no upload of the slides when the batch sends images inline', () => {
    const items = planWork(row(), jobSettingsOf(inlineMeta()), INGEST, 3);
    expect(items.map((spec) => spec.id)).not.toContain(FILES);
    expect(items.find((spec) => spec.id === ANALYSIS)?.deps).toEqual([SLIDES, INGEST]);
    const image = items.find((spec) => spec.kind === 'image');
    expect(image?.deps).not.toContain(FILES);
    expect(image?.deps).toEqual(expect.arrayContaining([PRODUCT, ANALYSIS, FOLDERS]));
  });

  it('plans the work after the source: one image per photo × text variation × slide, then a save per variation', () => {
    const settings = jobSettingsOf(meta());
    const items = planWork(row({ photoVariations: 2, textVariations: 3 }), settings, INGEST, 4);
    const ids = items.map((spec) => spec.id);
    expect(ids.slice(0, 4)).toEqual([FOLDERS, SLIDES, FILES, ANALYSIS]);
    expect(ids.filter((id) => id.startsWith('copy:'))).toEqual(['copy:t1', 'copy:t2', 'copy:t3']);
    expect(ids.filter((id) => id.startsWith('image:'))).toHaveLength(2 * 3 * 4);
    expect(ids.filter((id) => id.startsWith('save:'))).toEqual([
      'save:v1',
      'save:v2',
      'save:v3',
      'save:v4',
      'save:v5',
      'save:v6',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    const image = items.find((spec) => spec.id === imageId(2, 1, 3)) as ItemSpec;
    expect(image).toMatchObject({
      kind: 'image',
      units: 1,
      rateKey: 'gemini:gemini-2.5-flash-image',
      input: { photo: 2, text: 1, slide: 3, variation: 4 },
    });
    expect(image.deps).toEqual(expect.arrayContaining([copyId(1), PRODUCT, FILES, FOLDERS]));
    const save = items.find((spec) => spec.id === saveId(4)) as ItemSpec;
    expect(save.deps).toEqual(expect.arrayContaining([0, 1, 2, 3].map((slide) => imageId(2, 1, slide))));
    expect(items.filter((spec) => spec.kind !== 'image').every((spec) => spec.units === 0)).toBe(true);
    expect(items.find((spec) => spec.id === ANALYSIS)?.rateKey).toBe('gemini:gemini-2.5-flash');
    expect(items.find((spec) => spec.id === FOLDERS)?.deps).toEqual([INGEST, '@folder']);
  });

  it('numbers variation folders photo-major', () => {
    expect([1, 2].flatMap((photo) => [1, 2, 3].map((text) => variationNumber(photo, text, 3)))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });

  it('plans the batch folder first and batch.json last', () => {
    expect(slideshowJob.planBatch?.(meta()).map((spec) => spec.id)).toEqual(['folder']);
    const finish = slideshowJob.planFinish?.({ meta: meta(), rows: [row({ state: 'completed' })] }) ?? [];
    expect(finish.map((spec) => spec.id)).toEqual(['summary']);
    expect(finish[0]?.input).toMatchObject({ counts: { links: 1, completed: 1 } });
  });
});

describe('the Status while a row works', () => {
  const withItems = (states: Record<string, ItemRecord['state']>) =>
    row({
      items: Object.entries(states).map(([id, state]) =>
        item({ id, kind: id.split(':')[0] as string }, { state }),
      ),
    });

  it('goes Fetching, Analyzing, Writing text, Generating n/m, Saving', () => {
    expect(describeRow(withItems({ ingest: 'leased', product: 'queued' }))).toBe('Fetching');
    expect(describeRow(withItems({ files: 'queued', analysis: 'queued', 'image:a': 'queued' }))).toBe(
      'Fetching',
    );
    expect(
      describeRow(withItems({ files: 'done', analysis: 'leased', copy: 'queued', 'image:a': 'queued' })),
    ).toBe('Analyzing');
    expect(
      describeRow(withItems({ files: 'done', analysis: 'done', 'copy:1': 'leased', 'image:a': 'queued' })),
    ).toBe('Writing text');
    expect(
      describeRow(
        withItems({
          analysis: 'done',
          'copy:1': 'done',
          'image:a': 'done',
          'image:b': 'queued',
          'image:c': 'leased',
        }),
      ),
    ).toBe('Generating 1/3');
    expect(describeRow(withItems({ 'image:a': 'done', 'image:b': 'done', 'save:v1': 'queued' }))).toBe(
      'Saving',
    );
  });
});

const inlineMeta = () =>
  meta({
    settings: {
      rowsInProgress: 5,
      requestsPerMinute: {},
      job: { ...toJobSettings({ ...DEFAULT_SETTINGS, imageInputs: 'inline' }, 'Europe/Lisbon') },
    },
  });

describe('bytes per try', () => {
  it('fits many image tries in a wave, and the largest try alone', () => {
    const estimateBytes = (record: ItemRecord) => estimateBytesOf(record, meta());
    const image = item({ id: 'image:p1:t1:s0', kind: 'image' });
    // A 1.4 MB PNG is 1.9 MB of base64 in its JSON answer.
    expect(estimateBytes(image)).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(Math.floor(MAX_WAVE_BYTES / estimateBytes(image))).toBeGreaterThanOrEqual(14);
    const inline = item(
      { id: 'image:p1:t1:s0', kind: 'image' },
      {
        error: 'An image uploaded to Gemini has expired (uploads last 48 hours). It will be uploaded again.',
      },
    );
    expect(estimateBytes(inline)).toBeGreaterThan(estimateBytes(image));
    for (const kind of ['product', 'slides', 'files', 'analysis', 'copy', 'save']) {
      expect(estimateBytes(item({ id: kind, kind }))).toBeLessThan(MAX_WAVE_BYTES / 2);
    }
  });

  it("budgets an inline batch's image tries at their inputs too, so fewer fit a wave", () => {
    const image = item({ id: 'image:p1:t1:s0', kind: 'image' });
    expect(estimateBytesOf(image, inlineMeta())).toBeGreaterThan(estimateBytesOf(image, meta()));
    expect(pumpsWanted(withQuota(60, 'inline'))).toBeGreaterThan(pumpsWanted(withQuota(60)));
  });
});

function withQuota(imageRequestsPerMinute: number, imageInputs: 'files' | 'inline' = 'files') {
  const job = toJobSettings({ ...DEFAULT_SETTINGS, imageRequestsPerMinute, imageInputs }, 'Europe/Lisbon');
  return meta({
    settings: {
      rowsInProgress: 5,
      requestsPerMinute: { [imageRateKey(job)]: imageRequestsPerMinute },
      job: { ...job },
    },
  });
}

describe('executions and rows to keep the image quota busy', () => {
  it('asks for more pump calls and rows as the quota grows, within the caps', () => {
    const small = withQuota(60);
    const middle = withQuota(300);
    const large = withQuota(1_000);
    expect(pumpsWanted(small)).toBeGreaterThanOrEqual(1);
    expect(pumpsWanted(middle)).toBeGreaterThan(pumpsWanted(small));
    expect(pumpsWanted(large)).toBe(MAX_PUMPS_IN_FLIGHT);
    // At 60 a minute the quota is the limit, rows prepare in quick waves of their own: a few suffice.
    expect(rowsWanted(small)).toBeLessThanOrEqual(5);
    expect(rowsWanted(middle)).toBeGreaterThan(rowsWanted(small));
    expect(rowsWanted(large)).toBeGreaterThan(rowsWanted(middle));
  });

  it('keeps more rows preparing when the lanes are the limit: their short steps ride in image waves', () => {
    const quick = withQuota(300);
    quick.slowWaves = { count: 10, meanMs: 30_000 };
    const slow = withQuota(300);
    slow.slowWaves = { count: 10, meanMs: 60_000 };
    // Five images a second; a row of 36 prepares in six waves: 27 rows preparing at 32 s a wave (30 s
    // measured and the next call), 52 at 62 s.
    expect(rowsWanted(slow) - rowsWanted(quick)).toBeGreaterThanOrEqual(25);
  });

  it('counts the waves the minute is divided into, not what a wave could hold', () => {
    // 58 a minute in waves of at most 22 (the byte budget of measured answers) is three waves of 19: a
    // 42 s wave then needs three lanes, where waves of 22 would have made it look like two.
    const sixty = withQuota(60);
    sixty.tryBytes = { 'image:2621440': { most: 2_000_000, count: 100, mean: 2_000_000, m2: 0 } };
    sixty.slowWaves = { count: 5, meanMs: 40_000 };
    expect(Math.floor(MAX_WAVE_BYTES / 2_100_000)).toBe(22);
    expect(pumpsWanted(sixty)).toBe(3);
    // Waves of 36 s (38 s a lane's cycle) need exactly two lanes on average; two leave no room for a
    // wave longer than the mean, so a third is kept.
    sixty.slowWaves = { count: 5, meanMs: 36_000 };
    expect(pumpsWanted(sixty)).toBe(3);
  });

  it("sizes the lanes from this batch's own waves once a few were measured", () => {
    const modelled = pumpsWanted(withQuota(60));
    const slow = withQuota(60);
    slow.slowWaves = { count: 5, meanMs: 110_000 };
    expect(pumpsWanted(slow)).toBeGreaterThan(modelled);
    const quick = withQuota(60);
    quick.slowWaves = { count: 5, meanMs: 5_000 };
    expect(pumpsWanted(quick)).toBe(1);
    // Two waves are not yet a measure.
    slow.slowWaves = { count: 2, meanMs: 110_000 };
    expect(pumpsWanted(slow)).toBe(modelled);
  });

  it('holds enough images in flight for the quota: requests per second × a wave', () => {
    const perWave = Math.floor(
      MAX_WAVE_BYTES / estimateBytesOf(item({ id: 'image:p1:t1:s0', kind: 'image' }), meta()),
    );
    // 300 a minute for 25 s waves is 125 images in flight.
    expect(pumpsWanted(withQuota(300)) * perWave).toBeGreaterThanOrEqual(125);
  });
});

describe('lanes a batch starts with', () => {
  // 3 photo × 2 text variations of about 6 slides: 36 images a row; waves of about 17 before any answer.
  it("starts as many as the first rows' images fill, more than one per row for a few rows", () => {
    const quota = withQuota(300);
    expect(startLanes(quota, 4)).toBeGreaterThan(4);
    expect(startLanes(quota, 4)).toBeLessThanOrEqual(pumpsWanted(quota));
  });

  it('starts few for a single link, so a lone row does not keep nine executions waiting', () => {
    const quota = withQuota(300);
    expect(startLanes(quota, 1)).toBeGreaterThanOrEqual(2);
    expect(startLanes(quota, 1)).toBeLessThan(pumpsWanted(quota));
  });

  it('starts what the quota can use when there are rows enough, at any quota', () => {
    for (const rpm of [60, 300, 1_000]) {
      expect(startLanes(withQuota(rpm), 100)).toBe(pumpsWanted(withQuota(rpm)));
    }
  });
});

describe('fetchAll rounds a try can take (its lease)', () => {
  const image = { id: 'image:p1:t1:s0', kind: 'image' };

  it("gives an image's first try by URI two rounds, generate and upload", () => {
    expect(stepsOf(item(image), meta())).toBe(2);
  });

  it('gives every other try the most: it may look in the folder or read its inputs first', () => {
    expect(stepsOf(item(image, { attempts: 1 }), meta())).toBe(MAX_STEPS_PER_WAVE);
    expect(stepsOf(item(image, { takeovers: 1 }), meta())).toBe(MAX_STEPS_PER_WAVE);
    expect(stepsOf(item(image), inlineMeta())).toBe(MAX_STEPS_PER_WAVE);
    expect(stepsOf(item({ id: ANALYSIS, kind: 'analysis' }), meta())).toBe(MAX_STEPS_PER_WAVE);
  });
});
