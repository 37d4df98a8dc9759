/**
 * The kill sweep: a batch's first pump is killed at every one of its service calls in turn (before the
 * call takes effect, or after it did), then the sidebar goes on pumping. Each run must still end with
 * every item done exactly once and no duplicate file. Two test files run the two halves in parallel.
 */
import type { Runtime } from '../../../emulator/core/runtime';
import type { KillPlan } from '../../../emulator/core/execution';
import { engineWorld, expectOk, prepareSheet } from './world';

const link = (handle: string, id: number, query: string) =>
  `https://www.tiktok.com/@${handle}/photo/73000000000000${id}?${query}`;
const LINKS = [
  link('alpha', 30001, 'parts-2'),
  link('bravo', 30002, 'parts-1'),
  link('charlie', 30003, 'parts-2'),
];
/** 5 parts, a batch folder and a summary. */
const FILES = 7;

interface Progress {
  status: string;
  unitsDone: number;
  rows: { completed: number };
}

function finish(runtime: Runtime, advance: (ms: number) => void): Progress {
  let progress: Progress | null = null;
  for (let i = 0; i < 60; i++) {
    const report = runtime.callFromSidebar<Progress | null>('pumpBatch');
    progress = report.value ?? progress;
    if (progress?.status === 'completed') return progress;
    // Leases of a killed execution run out after a few minutes; the sidebar keeps pumping meanwhile.
    advance(60_000);
  }
  throw new Error(`batch did not finish: ${JSON.stringify(progress)}`);
}

export async function scenario(kill: KillPlan | null) {
  const { world, runtime, services } = await engineWorld();
  prepareSheet(runtime, LINKS);
  expectOk(runtime.callFromSidebar('startBatch', [{}]));
  const first = runtime.callFromSidebar('pumpBatch', [], kill ? { kill } : {});
  const progress = finish(runtime, (ms) => world.clock.advance(ms));
  return { first, progress, services };
}

/** Kills the first pump at each call index in turn; returns what went wrong (nothing, when all is well). */
export async function sweep(when: 'before' | 'after'): Promise<{ calls: number; failures: string[] }> {
  const clean = await scenario(null);
  if (clean.first.status !== 'completed' || clean.progress.unitsDone !== 5) {
    return { calls: 0, failures: [`the clean run did not complete: ${JSON.stringify(clean.progress)}`] };
  }
  const calls = clean.first.calls;
  const failures: string[] = [];
  for (let atCall = 1; atCall <= calls; atCall++) {
    const { first, progress, services } = await scenario({ atCall, when });
    const files = [...services.files.entries()];
    const duplicates = files.filter(([, count]) => count !== 1).map(([name]) => name);
    if (first.status !== 'killed') failures.push(`call ${atCall}: not killed (${first.status})`);
    if (progress.unitsDone !== 5 || progress.rows.completed !== 3)
      failures.push(`call ${atCall}: ${JSON.stringify(progress)}`);
    if (files.length !== FILES) failures.push(`call ${atCall}: ${files.length} files`);
    if (duplicates.length > 0) failures.push(`call ${atCall}: duplicates ${duplicates.join(', ')}`);
  }
  return { calls, failures };
}
