import { cancelBatch, retryFailed } from '../../../src/server/engine/lifecycle';
import { DailyQuotaError } from '../../../src/server/engine/ports';
import { runExecution } from '../../../src/server/engine/run';
import { testJob } from '../../fixtures/engine/test-job';
import { readProgress } from '../../../src/server/engine/progress';
import { BATCH_ROW_ID } from '../../../src/server/engine/types';
import { FakeWorld } from '../../fixtures/engine/fake-services';
import { RATE_KEY } from '../../fixtures/engine/test-job';
import { execute, runToEnd, startBatch } from './helpers';

describe('engine: a batch from start to end', () => {
  it('runs every row through its items, once each, and ends completed', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-2', 'parts-3', 'parts-1']);
    runToEnd(world);
    const state = world.state();
    expect(state.meta.status).toBe('completed');
    expect(state.rows.filter((row) => row.rowId !== BATCH_ROW_ID).map((row) => row.state)).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
    expect([...world.workCalls.values()].every((count) => count === 1)).toBe(true);
    expect(world.workCalls.size).toBe(6);
    expect(world.files.has('batch-b1')).toBe(true);
    expect(world.files.has('batch-b1/summary')).toBe(true);
    expect([...world.fileWrites.values()].every((count) => count === 1)).toBe(true);
    expect(world.cells.get('r2')).toMatchObject({ status: 'Done', output: { label: 'parts-3' } });
    expect(readProgress(state, world.time)).toMatchObject({
      percent: 100,
      unitsDone: 6,
      rows: { completed: 3 },
    });
  });

  it('runs the items of a wave together: one fetchAll carries several rows', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-2', 'parts-2']);
    execute(world);
    const workSends = world.requests.filter(({ request }) => request.url.includes('/work/'));
    const firstWaveTime = workSends[0]?.at;
    expect(workSends.filter(({ at }) => at === firstWaveTime)).toHaveLength(4);
  });
});

describe('engine: budgets', () => {
  it('keeps at most N rows in progress', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-1', 'parts-1', 'parts-1', 'parts-1', 'parts-1'], { rowsInProgress: 2 });
    let maxActive = 0;
    const original = world.api;
    world.api = (request, now) => {
      const state = world.state();
      maxActive = Math.max(
        maxActive,
        state.rows.filter((row) => row.state === 'active' && row.rowId !== BATCH_ROW_ID).length,
      );
      return original(request, now);
    };
    runToEnd(world);
    expect(world.state().meta.status).toBe('completed');
    expect(maxActive).toBe(2);
  });

  it('never sends more rated requests in any minute than the budget allows', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-10', 'parts-10', 'parts-10'], { requestsPerMinute: { [RATE_KEY]: 12 } });
    runToEnd(world, 100);
    expect(world.state().meta.status).toBe('completed');
    const times = world.requests.filter(({ request }) => request.url.includes('/work/')).map(({ at }) => at);
    expect(times).toHaveLength(30);
    for (const start of times) {
      const inWindow = times.filter((time) => time >= start && time < start + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(12);
    }
  });

  it('limits a wave by bytes as well as by count', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-8']);
    const { claim } = jest.requireActual<typeof import('../../../src/server/engine/claim')>(
      '../../../src/server/engine/claim',
    );
    const { activateRows } = jest.requireActual<typeof import('../../../src/server/engine/claim')>(
      '../../../src/server/engine/claim',
    );
    const { testJob } = jest.requireActual<typeof import('../../fixtures/engine/test-job')>(
      '../../fixtures/engine/test-job',
    );
    const state = world.state();
    // Pretend folder and fetch are done, so the 8 work items are ready.
    const own = state.rows[0]!;
    own.items[0]!.state = 'done';
    own.items[0]!.result = { folder: 'f' };
    activateRows(state, testJob, world.time);
    const row = state.rows[1]!;
    row.items[0]!.state = 'done';
    for (let i = 0; i < 8; i++)
      row.items.push({
        id: `work:${i}`,
        kind: 'work',
        deps: ['fetch'],
        state: 'queued',
        attempts: 0,
        takeovers: 0,
      });
    expect(claim(state, testJob, 'me', world.time, { maxItems: 100, maxBytes: 2048 * 3 })).toHaveLength(3);
    expect(claim(state, testJob, 'me', world.time, { maxItems: 2, maxBytes: 1e9 })).toHaveLength(2);
  });
});

describe('engine: failures', () => {
  it('retries a transient failure with growing, jittered delays, and fails the row after 3 tries', () => {
    const world = new FakeWorld((request, now) =>
      request.url.includes('/work/')
        ? { status: 503, body: {}, latencyMs: 100 }
        : { status: 200, body: { parts: 1 }, latencyMs: 10, ...(now < 0 ? {} : {}) },
    );
    startBatch(world, ['parts-1', 'parts-1']);
    runToEnd(world);
    const state = world.state();
    expect(state.meta.status).toBe('completed');
    expect(state.rows[1]?.state).toBe('failed');
    expect(state.rows[1]?.error).toMatch(/Server error 503 \(tried 3 times\)/);
    const tries = world.requests
      .filter(({ request }) => request.url.includes('/work/parts-1/0'))
      .map(({ at }) => at);
    // Two rows with the same link: 6 tries in all; the gaps between one item's tries grow.
    expect(tries.length).toBe(6);
    expect(world.cells.get('r1')?.status).toMatch(/^Failed: Server error 503/);
    expect(world.cells.get('r1')?.error).toMatch(/tried 3 times/);
  });

  it('a bad row fails alone and the others complete', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-1', 'fatal', 'parts-2']);
    runToEnd(world);
    const rowsState = world
      .state()
      .rows.slice(1)
      .map((row) => row.state);
    expect(rowsState).toEqual(['completed', 'failed', 'completed']);
    expect(world.cells.get('r2')).toMatchObject({ status: 'Failed: Not found', error: 'Not found' });
  });

  it('a 429 waits as long as asked, is never counted as an attempt, and never fails a row', () => {
    let limited = 0;
    const world = new FakeWorld((request) => {
      if (request.url.includes('/work/') && limited < 7) {
        limited += 1;
        return { status: 429, body: { retryAfterMs: 20_000 }, latencyMs: 50 };
      }
      if (request.url.includes('/rows/')) return { status: 200, body: { parts: 3 }, latencyMs: 10 };
      return { status: 200, body: { value: 1 }, latencyMs: 100 };
    });
    startBatch(world, ['parts-3']);
    runToEnd(world);
    const state = world.state();
    expect(state.meta.status).toBe('completed');
    expect(state.rows[1]?.state).toBe('completed');
    expect(state.rows[1]?.items.every((item) => item.attempts === 0)).toBe(true);
    const work = world.requests.filter(({ request }) => request.url.includes('/work/'));
    // After the first 429, nothing with that key went out before Gemini's delay had passed.
    const first429 = work[0]?.at ?? 0;
    expect(work.filter(({ at }) => at > first429 && at < first429 + 20_000)).toHaveLength(0);
    expect(state.meta.events.some((event) => /rate limited, retrying in 20 s/.test(event.text))).toBe(true);
  });

  it('a per-day quota pauses the whole batch until it resets, and says so', () => {
    const world = new FakeWorld();
    const resumeAt = world.time + 3 * 60 * 60_000;
    let dayLimited = true;
    world.api = (request) => {
      if (request.url.includes('/work/') && dayLimited)
        return { status: 429, body: { scope: 'day', resumeAt }, latencyMs: 50 };
      if (request.url.includes('/rows/')) return { status: 200, body: { parts: 2 }, latencyMs: 10 };
      return { status: 200, body: { value: 1 }, latencyMs: 100 };
    };
    startBatch(world, ['parts-2', 'parts-2']);
    const report = execute(world);
    expect(report.stoppedBecause).toBe('not-running');
    const paused = world.state();
    expect(paused.meta).toMatchObject({ status: 'paused', resumeAt, message: 'Daily quota used up' });
    expect(world.cells.get('r1')?.status).toMatch(/^Paused: quota \(until/);
    // Executions before the reset do nothing.
    const before = world.requests.length;
    world.time = resumeAt - 60_000;
    execute(world);
    expect(world.requests.length).toBe(before);
    dayLimited = false;
    world.time = resumeAt + 1;
    runToEnd(world);
    expect(world.state().meta.status).toBe('completed');
    expect(
      world
        .state()
        .rows.slice(1)
        .every((row) => row.state === 'completed'),
    ).toBe(true);
  });

  it('a settings error stops the batch at once with one message, instead of failing every row', () => {
    const world = new FakeWorld((request) =>
      request.url.includes('/work/')
        ? { status: 401, body: {}, latencyMs: 50 }
        : { status: 200, body: { parts: 2 }, latencyMs: 10 },
    );
    startBatch(world, ['parts-2', 'parts-2', 'parts-2']);
    runToEnd(world);
    const state = world.state();
    expect(state.meta.status).toBe('stopped');
    expect(state.meta.message).toBe('The API key is not valid');
    expect(state.rows.slice(1).some((row) => row.state === 'failed')).toBe(false);
    expect(world.cells.get('r1')?.status).toBe('Stopped: The API key is not valid');
    // One wave found out; no execution kept sending after that.
    const sent = world.requests.filter(({ request }) => request.url.includes('/work/')).length;
    execute(world);
    expect(world.requests.filter(({ request }) => request.url.includes('/work/')).length).toBe(sent);
    // Once the key is fixed, Retry resumes where it stopped.
    world.api = (request) =>
      request.url.includes('/rows/')
        ? { status: 200, body: { parts: 2 } }
        : { status: 200, body: { value: 1 } };
    const fixed = world.state();
    retryFailed(fixed, world.time);
    world.ports('x').store.save(fixed);
    runToEnd(world);
    expect(world.state().meta.status).toBe('completed');
  });
});

describe('engine: leases', () => {
  it('an execution that died mid-wave leaves leases that expire; the items are taken up again, once', () => {
    // The execution is killed inside its first fetchAll (the batch folder's write).
    const killedWorld = new FakeWorld();
    startBatch(killedWorld, ['parts-3']);
    killedWorld.duringFetch = () => killedWorld.kill();
    expect(() => execute(killedWorld)).toThrow('Exceeded maximum execution time');
    killedWorld.revive();
    const stuck = killedWorld.state().rows[0]!.items[0]!;
    expect(stuck.state).toBe('leased');
    // Before the lease runs out, another execution leaves the item alone.
    const early = execute(killedWorld, 60_000, 0);
    expect(early.sent).toBe(0);
    killedWorld.time += 5 * 60_000;
    runToEnd(killedWorld);
    const state = killedWorld.state();
    expect(state.meta.status).toBe('completed');
    expect(state.rows[0]!.items[0]!.takeovers).toBe(1);
    // The folder was written before the kill; the takeover looked, found it, and wrote nothing.
    expect(killedWorld.fileWrites.get('batch-b1')).toBe(1);
    expect(killedWorld.files.size).toBe(1 + 3 + 1);
  });

  it('two overlapping executions never run one item twice', () => {
    const world = new FakeWorld();
    startBatch(world, ['x parts-4', 'y parts-4', 'z parts-4']);
    // From the third fetchAll on, another execution runs whole while the first waits for its
    // responses: it holds leases then, not the lock, so the second finds and claims other work.
    let fetches = 0;
    const nested: number[] = [];
    const interleave = () => {
      fetches += 1;
      world.duringFetch = interleave;
      if (fetches < 3 || nested.length >= 4) return;
      nested.push(execute(world, 5 * 60_000, 0, 2).sent);
    };
    world.duringFetch = interleave;
    runToEnd(world, 50, 2);
    expect(world.state().meta.status).toBe('completed');
    expect(nested.some((sent) => sent > 0)).toBe(true);
    expect(world.workCalls.size).toBe(12);
    expect([...world.workCalls.values()]).toEqual(Array(12).fill(1));
    expect([...world.fileWrites.values()].every((count) => count === 1)).toBe(true);
  });
});

describe('engine: cancel and retry', () => {
  it('cancel keeps completed rows, stops the rest, and discards what comes back for queued work', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-1', 'parts-5', 'parts-5'], { rowsInProgress: 1 });
    // Let the first row finish.
    for (let i = 0; i < 10 && world.state().rows[1]?.state !== 'completed'; i++) execute(world, 5_000);
    // Cancel while the next wave is in flight.
    world.duringFetch = () => {
      const state = world.state();
      cancelBatch(state, world.time);
      world.stored = JSON.stringify(state);
    };
    execute(world);
    const state = world.state();
    expect(state.meta.status).toBe('cancelled');
    expect(state.rows.slice(1).map((row) => row.state)).toEqual(['completed', 'cancelled', 'cancelled']);
    expect(state.rows[2]!.items.every((item) => item.state !== 'leased' && item.state !== 'queued')).toBe(
      true,
    );
    const sent = world.requests.length;
    execute(world);
    expect(world.requests.length).toBe(sent);
    expect(world.cells.get('r1')?.status).toBe('Done');
    expect(world.cells.get('r2')?.status).toBe('Cancelled');
  });

  it('retry failed re-queues only failed items and their rows', () => {
    let failing = true;
    const world = new FakeWorld((request) => {
      if (request.url.includes('/work/b/1') && failing) return { status: 503, body: {}, latencyMs: 10 };
      if (request.url.includes('/rows/')) return { status: 200, body: { parts: 2 }, latencyMs: 10 };
      return { status: 200, body: { value: 1 }, latencyMs: 10 };
    });
    startBatch(world, ['a', 'b']);
    runToEnd(world);
    expect(
      world
        .state()
        .rows.slice(1)
        .map((row) => row.state),
    ).toEqual(['completed', 'failed']);
    const callsBefore = new Map(world.workCalls);
    failing = false;
    const state = world.state();
    expect(retryFailed(state, world.time)).toBe(1);
    world.stored = JSON.stringify(state);
    runToEnd(world);
    expect(world.state().meta.status).toBe('completed');
    expect(
      world
        .state()
        .rows.slice(1)
        .map((row) => row.state),
    ).toEqual(['completed', 'completed']);
    // Only b/1 ran again; a's work and b/0 did not.
    expect(world.workCalls.get('a/0')).toBe(callsBefore.get('a/0'));
    expect(world.workCalls.get('b/0')).toBe(callsBefore.get('b/0'));
    expect(world.workCalls.get('b/1')).toBe((callsBefore.get('b/1') ?? 0) + 1);
    expect(world.fileWrites.get('batch-b1/summary')).toBe(1);
    expect(world.files.size).toBe(1 + 4 + 1);
  });
});

describe('engine: the platform running out of requests for the day', () => {
  it('pauses the batch with the message instead of failing rows', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-2']);
    const ports = world.ports('exec-quota');
    const resumeAt = world.time + 24 * 60 * 60_000;
    ports.http.fetchAll = () => {
      throw new DailyQuotaError('Daily web requests used up', resumeAt);
    };
    runExecution(testJob, ports, {
      owner: 'exec-quota',
      startedAt: world.time,
      budgetMs: 60_000,
      maxIdleMs: 0,
    });
    const state = world.state();
    expect(state.meta).toMatchObject({ status: 'paused', resumeAt, message: 'Daily web requests used up' });
    expect(state.rows.every((row) => row.state !== 'failed')).toBe(true);
    expect(state.rows[0]!.items[0]!.attempts).toBe(0);
  });
});

describe('engine: a step is never sent past its lease', () => {
  /** Work answers slowly (40 s), so a lease of one round (120 s) has no room for the save after it. */
  function slowWork(stepsOfWork: number) {
    const job = { ...testJob, stepsOf: (item: { kind: string }) => (item.kind === 'work' ? stepsOfWork : 3) };
    const world = new FakeWorld();
    startBatch(world, ['parts-2']);
    const original = world.api;
    world.api = (request, now) =>
      /\/work\//.test(request.url)
        ? { ...original(request, now), latencyMs: 40_000 }
        : original(request, now);
    const run = (owner: string) =>
      runExecution(job, world.ports(owner), {
        owner,
        startedAt: world.time,
        budgetMs: 5 * 60_000,
        maxIdleMs: 30_000,
      });
    return { world, run };
  }

  it('releases an item whose lease would end before its next step could be recorded, unsent', () => {
    const { world, run } = slowWork(1);
    // The folder and the fetch, then the work's first round; its save would outlast the lease.
    run('exec-a');
    const work = world
      .state()
      .rows.find((row) => row.rowId !== BATCH_ROW_ID)!
      .items.filter((item) => item.kind === 'work');
    expect(work.length).toBe(2);
    expect(world.requests.filter(({ request }) => request.url.includes('/work/')).length).toBeGreaterThan(0);
    expect([...world.fileWrites.keys()].some((name) => name.includes('part-'))).toBe(false);
    expect(work.every((item) => item.state !== 'failed' && item.attempts === 0)).toBe(true);
  });

  it('sends the save in the same wave when the lease covers both rounds', () => {
    const { world, run } = slowWork(2);
    run('exec-b');
    expect([...world.fileWrites.keys()].filter((name) => name.includes('part-')).length).toBe(2);
    expect([...world.fileWrites.values()].every((count) => count === 1)).toBe(true);
  });
});

describe('engine: measuring slow waves', () => {
  it('notes how long each wave of slow items held its execution, claim to record, and no other wave', () => {
    const slow = { ...testJob, isSlow: (item: { kind: string }) => item.kind === 'work' };
    const world = new FakeWorld();
    startBatch(world, ['parts-3', 'parts-2']);
    for (let i = 0; i < 10 && world.state().meta.status === 'running'; i++) {
      runExecution(slow, world.ports(`slow-${i}`), {
        owner: `slow-${i}`,
        startedAt: world.time,
        budgetMs: 5 * 60_000,
        maxIdleMs: 30_000,
      });
    }
    const waves = world.state().meta.slowWaves;
    // Work answers in 5 s, then its first-try save in 0.3 s.
    expect(waves?.count).toBeGreaterThan(0);
    expect(waves?.meanMs).toBeGreaterThanOrEqual(5_300);
    expect(waves?.meanMs).toBeLessThan(10_000);

    const plain = new FakeWorld();
    startBatch(plain, ['parts-3']);
    runToEnd(plain);
    expect(plain.state().meta.slowWaves).toBeUndefined();
  });
});

describe('engine: one hold of the lock between waves', () => {
  it('claims the next wave while recording the last, so a run of waves takes the lock once per wave', () => {
    const world = new FakeWorld();
    startBatch(world, ['parts-3', 'parts-2', 'parts-3']);
    const ports = world.ports('long');
    let holds = 0;
    const acquire = ports.lock.acquire.bind(ports.lock);
    ports.lock.acquire = (ms) => {
      holds += 1;
      return acquire(ms);
    };
    const report = runExecution(testJob, ports, {
      owner: 'long',
      startedAt: world.time,
      budgetMs: 4 * 60_000,
      maxIdleMs: 60_000,
    });
    expect(world.state().meta.status).toBe('completed');
    expect(report.waves).toBeGreaterThan(2);
    // One hold to take the first wave, then one per wave: its record and the next claim together.
    expect(holds).toBe(report.waves + 1);
  });
});
