/** The engine test bundle (real engine + test job) loaded into an emulated world with its services. */
import * as fs from 'node:fs';
import { Runtime } from '../../../emulator/core/runtime';
import type { Manifest } from '../../../emulator/core/world';
import { World } from '../../../emulator/world';
import { buildServer } from '../../../scripts/build/server';
import { createTestServices, type TestServices } from '../../fixtures/engine/sim';

let bundle: Promise<string> | null = null;

export function engineBundle(): Promise<string> {
  bundle ??= buildServer('tests/fixtures/engine/entry.ts').then((built) => built.code);
  return bundle;
}

export interface EngineWorld {
  world: World;
  runtime: Runtime;
  services: TestServices;
}

export async function engineWorld(
  options: { seed?: number; workLatencyMs?: number; urlFetchCallsPerDay?: number } = {},
): Promise<EngineWorld> {
  const manifest = JSON.parse(fs.readFileSync('appsscript.json', 'utf8')) as Manifest;
  const world = new World({
    project: {
      code: await engineBundle(),
      html: {},
      manifest: {
        ...manifest,
        urlFetchWhitelist: [
          ...(manifest.urlFetchWhitelist ?? []),
          'https://api.test.example/',
          'https://store.test.example/',
        ],
      },
    },
    seed: options.seed ?? 1,
    urlFetchCallsPerDay: options.urlFetchCallsPerDay,
  });
  const services = createTestServices({ workLatencyMs: options.workLatencyMs });
  world.router.registerAll(services.handlers);
  return { world, runtime: new Runtime(world), services };
}

/** Set up the Batch sheet and paste rows, as Jenny would. */
export function prepareSheet(runtime: Runtime, links: string[]): void {
  expectOk(runtime.run('setUpSheetFromMenu', [], { kind: 'menu' }));
  expectOk(
    runtime.run('testFillRows', [
      links.map((link) => [link, 'https://example.com/product.jpg', `Product for ${link}`]),
    ]),
  );
}

export function expectOk<T>(report: { status: string; value?: T; error?: { message: string } }): T {
  if (report.status !== 'completed') throw new Error(`execution ${report.status}: ${report.error?.message}`);
  return report.value as T;
}

/** Status, Output (display) and link of each data row, keyed by link. */
export function sheetByLink(
  runtime: Runtime,
): Map<string, { status: string; output: string; error: string }> {
  const grid = expectOk(runtime.run<string[][]>('testReadSheet'));
  const header = grid[0] ?? [];
  const column = (name: string) => header.indexOf(name);
  const out = new Map<string, { status: string; output: string; error: string }>();
  for (const row of grid.slice(1)) {
    const link = row[column('Link')] ?? '';
    if (link === '') continue;
    out.set(link, {
      status: row[column('Status')] ?? '',
      output: row[column('Output')] ?? '',
      error: row[column('Error')] ?? '',
    });
  }
  return out;
}
