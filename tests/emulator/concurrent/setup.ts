/**
 * A world running a small script of a test's own with the project's manifest, a concurrent runtime on
 * it, and the runtimes closed after each test so no worker outlives it.
 */
import * as fs from 'node:fs';
import { type ConcurrentOptions, ConcurrentRuntime } from '../../../emulator/concurrent/runtime';
import { Runtime } from '../../../emulator/core/runtime';
import type { Manifest } from '../../../emulator/core/world';
import { World, type WorldOptions } from '../../../emulator/world';

const manifest = JSON.parse(fs.readFileSync('appsscript.json', 'utf8')) as Manifest;
const opened: ConcurrentRuntime[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((sim) => sim.close()));
});

export function scriptWorld(code: string, options: WorldOptions = {}): World {
  return new World({ project: { code, html: {}, manifest }, ...options });
}

export function concurrent(world: World, options: ConcurrentOptions = {}): ConcurrentRuntime {
  const sim = new ConcurrentRuntime(world, { workers: 2, ...options });
  opened.push(sim);
  return sim;
}

/** The same script in both runtimes, on two worlds that start alike. */
export function bothModes(code: string, options: WorldOptions = {}) {
  const sequentialWorld = scriptWorld(code, options);
  const concurrentWorld = scriptWorld(code, options);
  return {
    sequential: { world: sequentialWorld, runtime: new Runtime(sequentialWorld) },
    concurrent: { world: concurrentWorld, sim: concurrent(concurrentWorld) },
  };
}

/** A report without what differs by design between runtimes (the stack's frames). */
export function comparable(report: { error?: { stack?: string } }) {
  if (!report.error) return report;
  const { stack: _stack, ...error } = report.error;
  return { ...report, error };
}
