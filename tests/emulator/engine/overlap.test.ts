/**
 * Overlapping executions on the virtual clock: the open sidebar keeps three pump calls in flight while
 * the minute trigger fires too. Leases and the document lock must keep every item to one execution.
 */
import { ConcurrentRuntime } from '../../../emulator/concurrent/runtime';
import type { ConcurrentReport } from '../../../emulator/concurrent/runtime';
import { engineWorld, expectOk, prepareSheet } from './world';

const link = (handle: string, id: number, query: string) =>
  `https://www.tiktok.com/@${handle}/photo/73000000000000${id}?${query}`;

it('three pumps in flight and a trigger never run one item twice', async () => {
  const { world, runtime, services } = await engineWorld({ workLatencyMs: 20_000 });
  const links = Array.from({ length: 12 }, (_, index) =>
    link(`row${index}`, 40000 + index, `parts-${2 + (index % 3)}`),
  );
  prepareSheet(runtime, links);
  expectOk(runtime.callFromSidebar('startBatch', [{}]));

  const sim = new ConcurrentRuntime(world, { workers: 4 });
  let status = 'running';
  const pump = (at: number) =>
    sim.schedule({
      functionName: 'pumpBatch',
      at,
      onDone: (report: ConcurrentReport) => {
        const progress = report.value as { status: string } | null;
        if (progress) status = progress.status;
        if (status !== 'completed') pump(report.endedAt + 500);
      },
    });
  for (let i = 0; i < 3; i++) pump(world.clock.now() + 200 + i * 700);
  let reports: ConcurrentReport[] = [];
  try {
    reports = sim.runUntil(() => status === 'completed' && !sim.busy, world.clock.now() + 60 * 60_000);
  } finally {
    await sim.close();
  }

  expect(status).toBe('completed');
  expect(reports.every((report) => report.status === 'completed')).toBe(true);
  expect(reports.some((report) => report.kind === 'trigger')).toBe(true);
  // The executions really overlapped in time.
  const overlapping = reports.filter((a) =>
    reports.some((b) => b !== a && b.startedAt < a.endedAt && a.startedAt < b.endedAt),
  );
  expect(overlapping.length).toBeGreaterThan(3);
  // And more than one of them sent work.
  const senders = new Set(
    world.fetches.filter((fetch) => fetch.url.includes('/work/')).map((fetch) => fetch.executionId),
  );
  expect(senders.size).toBeGreaterThan(1);
  // Yet every item ran once and every file exists once.
  const parts = links.reduce((sum, _, index) => sum + 2 + (index % 3), 0);
  expect(services.workCalls.size).toBe(parts);
  expect([...services.workCalls.values()].every((count) => count === 1)).toBe(true);
  expect([...services.files.values()].every((count) => count === 1)).toBe(true);
  expect(services.files.size).toBe(parts + 2);
}, 120_000);
