/**
 * The kill sweep on a tiny slideshow batch (one link of three slides, one variation): the first pump is
 * killed at a service call (before the call takes effect, or after it did), then the sidebar goes on
 * pumping. Each run must still end with the row done and exactly the expected files, none twice.
 */
import type { KillPlan } from '../../../emulator/core/execution';
import { duplicates, filesByPath } from './inspect';
import { expectOk, prepareSheet, productPhoto, pumpUntilDone, slideshowWorld } from './world';

/** A post of three slides with no mirror trouble in the simulated TikTok. */
const LINK = 'https://www.tiktok.com/@tiny/photo/7350000000000123460';
/** Batch folder, batch.json, row folder, source/ + 3 slides, variation_1/ + 3 slides + analysis.json. */
const FILES = 12;

export function scenario(kill: KillPlan | null, onRequest?: (callIndex: number) => void) {
  const ctx = slideshowWorld({ seed: 2 });
  if (onRequest) {
    // Which service call of the first pump each request belongs to: those are its fetchAll calls.
    for (const handlers of [ctx.tiktok.handlers, ctx.gemini.handlers, ctx.previews.handlers]) {
      for (const [host, handler] of Object.entries(handlers)) {
        ctx.world.router.register(host, (request, context) => {
          const execution = ctx.world.currentExecution;
          if (
            execution &&
            ctx.world.reports.filter((report) => report.functionName === 'pumpBatch').length === 0
          ) {
            onRequest(execution.calls);
          }
          return handler(request, context);
        });
      }
    }
  }
  const photo = productPhoto(ctx);
  prepareSheet(ctx, [[LINK, photo.link, 'A ceramic mug that keeps coffee warm.']]);
  expectOk(ctx.runtime.callFromSidebar('startBatch', [{ photoVariations: 1, textVariations: 1 }]));
  const first = ctx.runtime.callFromSidebar('pumpBatch', [], kill ? { kill } : {});
  // Leases of a killed execution run out after a few minutes; the sidebar keeps pumping meanwhile.
  const progress = pumpUntilDone(ctx, { maxCalls: 400 });
  return { ctx, first, progress };
}

/** What went wrong with one killed run (nothing, when all is well). */
export function problems(atCall: number, when: 'before' | 'after'): string[] {
  const { ctx, first, progress } = scenario({ atCall, when });
  const out: string[] = [];
  const files = [...filesByPath(ctx).keys()].filter((path) => path.startsWith('TikTok Batch'));
  if (first.status !== 'killed') out.push(`call ${atCall}: not killed (${first.status})`);
  if (progress.status !== 'completed' || progress.rows.completed !== 1 || progress.unitsDone !== 3) {
    out.push(
      `call ${atCall}: ${JSON.stringify({ status: progress.status, rows: progress.rows, units: progress.unitsDone })}`,
    );
  }
  if (files.length !== FILES) out.push(`call ${atCall}: ${files.length} files: ${files.join(', ')}`);
  const doubled = duplicates(ctx);
  if (doubled.length > 0) out.push(`call ${atCall}: duplicates ${doubled.join(', ')}`);
  return out;
}

/** The service calls of a clean first pump, and which of them sent requests (the fetchAll calls). */
export function cleanCalls(): { calls: number; fetchCalls: number[] } {
  const fetches = new Set<number>();
  const { first, progress } = scenario(null, (call) => fetches.add(call));
  if (first.status !== 'completed' || progress.status !== 'completed')
    throw new Error('the clean run failed');
  return { calls: first.calls, fetchCalls: [...fetches].sort((a, b) => a - b) };
}

/**
 * Every fetchAll call of the first pump (where writes land: a kill there loses their answers), and
 * about `others` of its other calls (lock, state, cells), spread evenly.
 */
export function sweep(
  when: 'before' | 'after',
  others: number,
): { calls: number; fetchCalls: number; failures: string[] } {
  const { calls, fetchCalls } = cleanCalls();
  const stride = Math.max(1, Math.floor(calls / others));
  const points = new Set(fetchCalls);
  for (let atCall = 1 + (when === 'after' ? Math.floor(stride / 2) : 0); atCall <= calls; atCall += stride) {
    points.add(atCall);
  }
  const failures: string[] = [];
  for (const atCall of [...points].sort((a, b) => a - b)) failures.push(...problems(atCall, when));
  return { calls, fetchCalls: fetchCalls.length, failures };
}
