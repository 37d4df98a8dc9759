import { itemFrom, newBatch, sheetRows } from '../../../src/server/engine/batch';
import {
  activateRows,
  BUCKET_WAVES,
  claim,
  demandBytes,
  paces,
  RIDER_SHARE,
  waveSize,
} from '../../../src/server/engine/claim';
import { DEFAULT_CLAIM_LIMITS } from '../../../src/server/engine/claim';
import type { BatchState, JobType } from '../../../src/server/engine/types';
import { LEASE_MS, leaseMsFor } from '../../../src/server/engine/limits';
import { RATE_KEY, testJob } from '../../fixtures/engine/test-job';
import { lastTryMessage } from '../../../src/server/engine/outcome';
import { rows, settings } from './helpers';

const NOW = 5_000_000;

/** Two rows in progress: row 1's fetch is done and its work items are ready; row 2's fetch is ready. */
function state(job: JobType, rpm = 600): BatchState {
  const batch = newBatch({
    id: 'b',
    job,
    rows: rows('parts-3', 'parts-3'),
    settings: settings({ requestsPerMinute: { [RATE_KEY]: rpm } }),
    now: NOW,
  });
  for (const row of batch.rows) for (const item of row.items) if (item.id === 'folder') item.state = 'done';
  activateRows(batch, job, NOW);
  const [first] = sheetRows(batch);
  const fetch = first!.items.find((item) => item.id === 'fetch')!;
  fetch.state = 'done';
  for (let part = 0; part < 3; part++) {
    first!.items.push(
      itemFrom({ id: `work:${part}`, kind: 'work', deps: ['fetch'], rateKey: RATE_KEY, units: 1 }),
    );
  }
  return batch;
}

describe('claim: quick items before slow ones', () => {
  const slowWork: JobType = { ...testJob, isSlow: (item) => item.kind === 'work' };

  it('takes the quick items alone when any is ready, then the slow ones', () => {
    const batch = state(slowWork);
    expect(claim(batch, slowWork, 'a', NOW).map(({ item }) => item.kind)).toEqual(['fetch']);
    expect(claim(batch, slowWork, 'b', NOW).map(({ item }) => item.kind)).toEqual(['work', 'work', 'work']);
  });

  it('lets the quick items ride along with a whole wave of slow ones, and only then', () => {
    const withWave = (rpm: number) => {
      const batch = state(slowWork, rpm);
      const [first] = sheetRows(batch);
      for (let part = 3; part < 30; part++) {
        first!.items.push(
          itemFrom({ id: `work:${part}`, kind: 'work', deps: ['fetch'], rateKey: RATE_KEY, units: 1 }),
        );
      }
      return batch;
    };
    const limits = { ...DEFAULT_CLAIM_LIMITS, maxItems: 16 };
    const kinds = (batch: BatchState, owner: string) =>
      claim(batch, slowWork, owner, NOW, limits).map(({ item }) => item.kind);
    // Thirty ready; at 60 a minute (58 after the margin) a wave of at most 16 is 14: the fetch rides first.
    expect(kinds(withWave(60), 'a')).toEqual(['fetch', ...Array.from({ length: 14 }, () => 'work')]);
    // The same when the minute's window is full: the fetch goes alone, not held back for the tokens.
    const full = withWave(60);
    full.meta.sent[RATE_KEY] = Array.from({ length: 58 }, () => NOW - 1_000);
    expect(kinds(full, 'b')).toEqual(['fetch']);
    // A fetch tried before goes alone too: a wave whose slowest answer times out answers none of its
    // requests, and a short step must not keep failing for a slow one's sake.
    const retried = withWave(60);
    sheetRows(retried)[1]!.items.find((item) => item.id === 'fetch')!.attempts = 1;
    expect(kinds(retried, 'c')).toEqual(['fetch']);
  });

  it('keeps room in a wave for its slow items when many quick ones are ready', () => {
    const batch = state(slowWork, 60);
    const [first] = sheetRows(batch);
    for (let part = 3; part < 30; part++) {
      first!.items.push(
        itemFrom({ id: `work:${part}`, kind: 'work', deps: ['fetch'], rateKey: RATE_KEY, units: 1 }),
      );
    }
    // Forty quick items are ready besides row 2's fetch, each a tenth of the wave's bytes.
    for (let part = 0; part < 40; part++)
      first!.items.push(itemFrom({ id: `note:${part}`, kind: 'note', units: 0 }));
    const heavy: JobType = {
      ...slowWork,
      estimateBytes: (item) => (item.kind === 'work' ? 1 : DEFAULT_CLAIM_LIMITS.maxBytes / 10),
    };
    const limits = { ...DEFAULT_CLAIM_LIMITS, maxItems: 40 };
    const taken = claim(batch, heavy, 'a', NOW, limits).map(({ item }) => item.kind);
    // A quarter of the bytes for the riders (two of them), then a whole wave of work (29: half of 58).
    expect(taken.filter((kind) => kind !== 'work').length).toBe(Math.floor(10 * RIDER_SHARE));
    expect(taken.filter((kind) => kind === 'work').length).toBe(29);
  });

  it('mixes them in one wave for a job that has no slow items', () => {
    const batch = state(testJob);
    expect(
      claim(batch, testJob, 'a', NOW)
        .map(({ item }) => item.kind)
        .sort(),
    ).toEqual(['fetch', 'work', 'work', 'work']);
  });
});

describe('claim: paced waves of a rate key', () => {
  it('sizes a wave to use the minute as well as even waves do, and larger when that costs nothing', () => {
    // 58 a minute: three waves of 19 use 57 (waves of 21 would use 42).
    expect(waveSize(58, 21)).toBe(19);
    expect(waveSize(58, 16)).toBe(14);
    // 291 a minute: 13 waves of 22 use 286, more than 14 even waves of 20 (280).
    expect(waveSize(291, 22)).toBe(22);
    expect(waveSize(145, 22)).toBe(20);
    expect(waveSize(10, 22)).toBe(10);
    expect(waveSize(Number.POSITIVE_INFINITY, 22)).toBe(22);
    // Never a size that uses less of the minute than the even division.
    for (let limit = 1; limit <= 600; limit++) {
      for (const capacity of [8, 16, 21, 22, 40]) {
        const size = waveSize(limit, capacity);
        const even = Math.floor(limit / Math.ceil(limit / capacity));
        expect(size).toBeLessThanOrEqual(capacity);
        expect(size).toBeGreaterThanOrEqual(even);
        expect(Math.floor(limit / size) * size).toBeGreaterThanOrEqual(Math.floor(limit / even) * even);
      }
    }
  });

  it("divides the minute's limit into even waves no larger than a wave holds", () => {
    // 60 a minute is 58 after the margin; a wave of 16 would fit three times in a minute, 14 four times.
    const batch = state(testJob, 60);
    const pace = paces(batch, testJob, NOW, { ...DEFAULT_CLAIM_LIMITS, maxItems: 16 });
    expect(pace.get(RATE_KEY)).toEqual({ burst: 14, need: 3, bucket: 14 * BUCKET_WAVES });
  });

  it('keeps the tokens of a quiet moment for the next lane, one wave per claim', () => {
    const job: JobType = { ...testJob, isSlow: (item) => item.kind === 'work' };
    const batch = state(job, 60);
    const [first] = sheetRows(batch);
    for (let part = 3; part < 50; part++) {
      first!.items.push(
        itemFrom({ id: `work:${part}`, kind: 'work', deps: ['fetch'], rateKey: RATE_KEY, units: 1 }),
      );
    }
    const limits = { ...DEFAULT_CLAIM_LIMITS, maxItems: 16 };
    const work = (owner: string, at: number) =>
      claim(batch, job, owner, at, limits).filter(({ item }) => item.kind === 'work').length;
    // A wave, with row 2's fetch riding along, and at once another from what the quiet minute left: no
    // lane sleeps for tokens that were there.
    expect(work('a', NOW)).toBe(14);
    expect(work('b', NOW + 100)).toBe(14);
    // The bucket is empty now: the next wave waits for a wave's worth to come back (14 of 58 a minute).
    expect(work('c', NOW + 200)).toBe(0);
    expect(work('c', NOW + 200 + Math.ceil((14 * 60_000) / 58))).toBe(14);
  });

  it('waits for a whole wave rather than sending part of one, and counts what comes free soon in the demand', () => {
    const batch = state(testJob, 60);
    // Fifty-six sent in the last minute: two may go now, but three are ready.
    batch.meta.sent[RATE_KEY] = Array.from({ length: 56 }, (_, index) => NOW - 50_000 + index * 100);
    expect(claim(batch, testJob, 'a', NOW).map(({ item }) => item.kind)).toEqual(['fetch']);
    // In 30 s the window frees: the demand counts the three.
    const later = state(testJob, 60);
    later.meta.sent[RATE_KEY] = batch.meta.sent[RATE_KEY]!.slice();
    const quick = demandBytes(later, testJob, NOW);
    later.meta.sent[RATE_KEY] = Array.from({ length: 58 }, () => NOW);
    expect(quick).toBeGreaterThan(demandBytes(later, testJob, NOW));
  });
});

describe("a row's error after its last try", () => {
  it('drops the promise of another try and keeps the advice', () => {
    expect(
      lastTryMessage('The product photo link had a problem (error 503); it will be tried again.', 3),
    ).toBe('The product photo link had a problem (error 503) (tried 3 times).');
    expect(
      lastTryMessage(
        "Gemini's safety filter withheld the answer. It will be tried again; if it keeps happening, reword the description.",
        3,
      ),
    ).toBe("Gemini's safety filter withheld the answer (tried 3 times). Reword the description.");
    expect(lastTryMessage('TikTok answered 503; the row will be tried again.', 3)).toBe(
      'TikTok answered 503 (tried 3 times).',
    );
    expect(lastTryMessage('Server error 503', 3)).toBe('Server error 503 (tried 3 times).');
  });
});

describe('claim: leases as long as the try can take', () => {
  it("leases each item for its job's step count, and for the most steps when the job does not say", () => {
    const twoSteps: JobType = { ...testJob, stepsOf: (item) => (item.kind === 'work' ? 2 : 3) };
    const batch = state(twoSteps);
    const taken = claim(batch, twoSteps, 'a', NOW);
    const work = taken.find(({ item }) => item.kind === 'work');
    const fetch = taken.find(({ item }) => item.kind === 'fetch');
    expect(work?.item.lease?.until).toBe(NOW + leaseMsFor(2));
    expect(leaseMsFor(2)).toBeLessThan(LEASE_MS);
    expect(fetch?.item.lease?.until).toBe(NOW + LEASE_MS);
    const plain = state(testJob);
    expect(claim(plain, testJob, 'b', NOW).every(({ item }) => item.lease?.until === NOW + LEASE_MS)).toBe(
      true,
    );
  });
});
