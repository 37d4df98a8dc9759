import { MAX_WAVE_BYTES, RATE_GUARD_MS, SEND_JITTER_MS } from '../../../src/server/engine/limits';
import { seededRandom } from '../../../emulator/core/random';
import { noteSlowWave, slowWaveMs } from '../../../src/server/engine/cycle';
import { allowance, nextAllowedAt, noteLanded, recordSend } from '../../../src/server/engine/rate';
import {
  budgetBytes,
  MEAN_MARGIN,
  noteTryBytes,
  OBSERVED_MARGIN,
  OBSERVED_TRIES,
} from '../../../src/server/engine/bytes';
import type { BatchMeta, ItemRecord, JobType } from '../../../src/server/engine/types';

const KEY = 'gemini:image';
const T0 = 1_000_000;

function meta(rpm: number): BatchMeta {
  return {
    id: 'b',
    job: 'test',
    status: 'running',
    createdAt: T0,
    settings: { rowsInProgress: 5, requestsPerMinute: { [KEY]: rpm }, job: null },
    sent: {},
    holdUntil: {},
    events: [],
    unitsDone: 0,
    shared: {},
  };
}

function send(state: BatchMeta, count: number, at: number): void {
  for (let i = 0; i < count; i++) recordSend(state, KEY, at);
}

describe('rate: the minute window and the pacing bucket', () => {
  it('lets a burst of at most `burst` go at once, refilled at the rate of the limit', () => {
    const state = meta(300); // 291 a minute after the safety margin: 4.85 a second
    expect(allowance(state, KEY, T0, 16)).toBe(16);
    send(state, 16, T0);
    expect(allowance(state, KEY, T0, 16)).toBe(0);
    // Without the bucket the window alone would let 275 more go at once.
    expect(allowance(state, KEY, T0)).toBe(291 - 16);
    const full = nextAllowedAt(state, KEY, T0, 16, 16);
    expect(full - T0).toBeGreaterThan(3_000);
    expect(full - T0).toBeLessThan(3_400);
    expect(allowance(state, KEY, full, 16)).toBe(16);
    expect(allowance(state, KEY, full - 10, 16)).toBeLessThan(16);
  });

  it('never lets more than the limit go in any minute, however often the executions come', () => {
    const state = meta(60); // 58 a minute
    const times: number[] = [];
    // Executions come by every 700 ms and each takes a full wave whenever one is allowed: 14 at a time,
    // as the claim paces 58 a minute (four waves; waves of 16 would fit only three in a minute).
    for (let now = T0; now < T0 + 10 * 60_000; now += 700) {
      const take = allowance(state, KEY, now, 14);
      if (take < 14) continue;
      send(state, take, now);
      for (let i = 0; i < take; i++) times.push(now);
    }
    for (const start of times) {
      expect(times.filter((time) => time >= start && time < start + 60_000).length).toBeLessThanOrEqual(58);
    }
    // Paced, nearly the whole limit is used: ten minutes at 58 a minute is 580.
    expect(times.length).toBeGreaterThanOrEqual(540);
  });

  it('waits for a 429 hold and for the window, whichever is later', () => {
    const state = meta(60);
    send(state, 58, T0);
    expect(allowance(state, KEY, T0 + 1_000)).toBe(0);
    expect(nextAllowedAt(state, KEY, T0 + 1_000)).toBe(T0 + 60_000 + RATE_GUARD_MS);
    state.holdUntil[KEY] = T0 + 90_000;
    expect(nextAllowedAt(state, KEY, T0 + 1_000)).toBe(T0 + 90_000);
  });

  it('counts a recorded request from when it went, with the send jitter instead of the claim guard', () => {
    const state = meta(60);
    send(state, 58, T0);
    // 40 of the 58 went 400 ms after their claim; the other 18 are not known to have gone.
    noteLanded(
      state,
      KEY,
      T0,
      Array.from({ length: 40 }, () => T0 + 400),
      T0 + 30_000,
    );
    expect(state.sent[KEY]).toHaveLength(18);
    expect(state.landed?.[KEY]).toHaveLength(40);
    // 20 slots come free when the landed ones leave, 1.35 s before the claims' guard would have let them.
    expect(nextAllowedAt(state, KEY, T0 + 30_000, 20)).toBe(T0 + 400 + 60_000 + SEND_JITTER_MS);
    expect(allowance(state, KEY, T0 + 400 + 60_000 + SEND_JITTER_MS)).toBe(40);
    expect(allowance(state, KEY, T0 + 60_000 + RATE_GUARD_MS)).toBe(58);
    // A claim of another time, or more landings than claims, never takes away other claims.
    noteLanded(state, KEY, T0 + 5, [T0 + 500], T0 + 30_000);
    expect(state.sent[KEY]).toHaveLength(18);
  });

  it('never lets more than the limit arrive in any minute when sends lag their claims by up to 2 s', () => {
    const random = seededRandom(11);
    const state = meta(60); // 58 a minute
    const arrivals: number[] = [];
    const pending: { claimedAt: number; sentAt: number; count: number; recordAt: number }[] = [];
    for (let now = T0; now < T0 + 20 * 60_000; now += 300 + Math.floor(random() * 900)) {
      // Waves recorded by now: their requests count from when they went.
      for (const wave of pending.filter((entry) => entry.recordAt <= now)) {
        noteLanded(
          state,
          KEY,
          wave.claimedAt,
          Array.from({ length: wave.count }, () => wave.sentAt),
          now,
        );
        pending.splice(pending.indexOf(wave), 1);
      }
      const take = allowance(state, KEY, now, 19);
      if (take < 19) continue;
      send(state, take, now);
      const sentAt = now + Math.floor(random() * 2_000);
      pending.push({ claimedAt: now, sentAt, count: take, recordAt: sentAt + 10_000 + random() * 70_000 });
      for (let i = 0; i < take; i++) arrivals.push(sentAt);
    }
    arrivals.sort((a, b) => a - b);
    for (const start of arrivals) {
      expect(arrivals.filter((time) => time >= start && time < start + 60_000).length).toBeLessThanOrEqual(
        58,
      );
    }
    // Twenty minutes at 58 a minute is 1,160: nearly all of it is used.
    expect(arrivals.length).toBeGreaterThanOrEqual(1_080);
  });
});

describe('bytes: the wave budget learns the size of real answers', () => {
  const job = { estimateBytes: () => 2_500_000 } as unknown as JobType;
  const image = { id: 'image:p1:t1:s0', kind: 'image' } as ItemRecord;

  it('keeps the prior until a wave of tries was seen, then budgets their mean plus a margin', () => {
    const state = meta(300);
    for (let i = 0; i < OBSERVED_TRIES - 1; i++) noteTryBytes(state, image, 2_500_000, 1_900_000);
    expect(budgetBytes(job, image, state)).toBe(2_500_000);
    noteTryBytes(state, image, 2_500_000, 1_900_000);
    // All alike: no spread, so the mean and its margin for later answers.
    expect(budgetBytes(job, image, state)).toBe(Math.ceil(1_900_000 * MEAN_MARGIN));
    // Larger answers raise it above the prior.
    for (let i = 0; i < 64; i++) noteTryBytes(state, image, 2_500_000, 3_000_000);
    expect(budgetBytes(job, image, state)).toBeGreaterThan(2_500_000);
  });

  it('sizes waves so that their sum fits, not every try at its largest', () => {
    const state = meta(300);
    const random = seededRandom(7);
    // Answers of 1.6 to 2.4 MB, as Gemini's 1K PNGs in base64 run.
    const draw = () => 1_600_000 + random() * 800_000;
    for (let i = 0; i < 200; i++) noteTryBytes(state, image, 2_500_000, draw());
    const budget = budgetBytes(job, image, state);
    const wave = Math.floor(MAX_WAVE_BYTES / budget);
    // More per wave than budgeting each try at the largest seen plus 15%.
    expect(wave).toBeGreaterThan(Math.floor(MAX_WAVE_BYTES / (2_400_000 * OBSERVED_MARGIN)));
    let over = 0;
    for (let trial = 0; trial < 2_000; trial++) {
      let sum = 0;
      for (let i = 0; i < wave; i++) sum += draw();
      if (sum > MAX_WAVE_BYTES) over += 1;
    }
    expect(over).toBe(0);
  });

  it('goes on from a state saved before the mean was kept: the largest seen plus a margin', () => {
    const state = meta(300);
    state.tryBytes = { 'image:2500000': { most: 1_900_000, count: OBSERVED_TRIES } };
    expect(budgetBytes(job, image, state)).toBe(Math.ceil(1_900_000 * OBSERVED_MARGIN));
    noteTryBytes(state, image, 2_500_000, 2_000_000);
    expect(state.tryBytes['image:2500000']).toEqual({ most: 2_000_000, count: OBSERVED_TRIES + 1 });
    expect(budgetBytes(job, image, state)).toBe(Math.ceil(2_000_000 * OBSERVED_MARGIN));
  });

  it('never budgets far below the prior on the word of a few small answers', () => {
    const state = meta(300);
    for (let i = 0; i < OBSERVED_TRIES; i++) noteTryBytes(state, image, 2_500_000, 100_000);
    expect(budgetBytes(job, image, state)).toBe(Math.ceil(2_500_000 * 0.75));
  });
});

describe('cycle: how long a slow wave holds its execution, as this batch measured it', () => {
  it('trusts the measure after a few waves, and follows the latest ones', () => {
    const state = meta(300);
    noteSlowWave(state, 50_000);
    noteSlowWave(state, 50_000);
    expect(slowWaveMs(state)).toBeNull();
    noteSlowWave(state, 50_000);
    expect(slowWaveMs(state)).toBe(50_000);
    // Waves grow slower (a busier lock, larger answers): the mean moves towards them.
    for (let i = 0; i < 60; i++) noteSlowWave(state, 60_000);
    expect(slowWaveMs(state)).toBeGreaterThan(59_000);
    expect(slowWaveMs(state)).toBeLessThanOrEqual(60_000);
  });
});
