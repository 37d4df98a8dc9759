/**
 * `npm start -- --demo` gives a newcomer three ready rows (set up by the add-on's own Set up sheet,
 * photos in Drive, a saved key); and stopping the harness mid-batch, even in the middle of a pump whose
 * work was never saved to the sheet, then starting it again picks the batch up where it was: it ends with
 * every row done and no file written twice.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { userScope } from '../../emulator/services/properties/properties-store';
import { DEFAULT_SIM_KEY } from '../../emulator/sim/gemini';
import { startHarness, type Harness } from '../../scripts/harness/server';
import { LEASE_MS } from '../../src/server/engine/limits';
import type { Progress } from '../../src/server/engine/progress';
import { API_KEY_PROPERTY } from '../../src/server/settings/store';
import type { BatchCheckView } from '../../src/shared/rpc';
import { cellText, postJson } from './helpers';

let harness: Harness;
let stateDir: string;

const start = (demo = true) => startHarness({ port: 0, stateDir, fresh: false, buildDir: 'build', demo });

beforeAll(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-demo-'));
});

afterAll(async () => {
  await harness?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

async function rpc<T>(name: string, args: unknown[] = []): Promise<T> {
  const answer = await postJson(harness, '/rpc', { name, args });
  if (!answer.ok) throw new Error(`${name}: ${answer.message}`);
  return answer.value as T;
}

function productPhotos(): string[] {
  const folder = harness.world.drive.findByPath(harness.world.defaultUser, 'Product photos');
  return folder ? harness.world.drive.children(folder.id).map((item) => item.name) : [];
}

/** Names that occur twice in one folder: a file written twice. */
function duplicates(): string[] {
  const { drive } = harness.world;
  const seen = new Map<string, number>();
  for (const item of drive.list()) {
    if (drive.isTrashed(item.id)) continue;
    const key = `${drive.pathOf(item.parents[0] ?? '')}/${item.name}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([key]) => key);
}

describe('npm start -- --demo', () => {
  it('sets the sheet up with three sample rows, their photos in Drive and a saved key', async () => {
    harness = await start();
    expect(harness.demoRows).toBe(3);
    expect(harness.world.reports.map((report) => report.functionName)).toContain('setUpSheetFromMenu');
    expect(await cellText(harness, 2, 'Link')).toBe(
      'https://www.tiktok.com/@glow.daily/photo/7312345678901234567',
    );
    expect(await cellText(harness, 3, 'Product description')).toMatch(/^Stoneware travel mug/);
    expect(await cellText(harness, 4, 'Product photo')).toMatch(
      /^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view/,
    );
    expect(await cellText(harness, 2, 'Status')).toBe('Ready');
    expect(await cellText(harness, 4, 'Status')).toBe('Ready (short link, will be checked at start)');
    expect(productPhotos().sort()).toEqual(['mug.jpg', 'serum.jpg', 'sneaker.jpg']);
    expect(harness.world.properties.entries(userScope(harness.world.defaultUser))[API_KEY_PROPERTY]).toBe(
      DEFAULT_SIM_KEY,
    );
    const check = await rpc<BatchCheckView>('checkBatch', [{}]);
    expect(check.readyCount).toBe(3);
  });
});

describe('stopping and starting again', () => {
  it('resumes a running batch where it was', async () => {
    await rpc('startBatch', [{ photoVariations: 2, textVariations: 2 }]);
    const first = await rpc<Progress>('pumpBatch');
    expect(first.status).toBe('running');
    expect(first.rows.completed).toBeLessThan(3);
    const clockBefore = harness.world.clock.now();
    await harness.close();

    harness = await start();
    expect(harness.demoRows).toBe(0);
    expect(productPhotos()).toHaveLength(3);
    // The clock goes on from where the state was, never back before it.
    expect(harness.world.clock.now()).toBeGreaterThanOrEqual(clockBefore);
    const resumed = await rpc<Progress>('getBatchProgress');
    expect(resumed).toMatchObject({
      status: 'running',
      batchId: first.batchId,
      rows: first.rows,
      unitsDone: first.unitsDone,
    });
    const next = await rpc<Progress>('pumpBatch');
    expect(next.unitsDone).toBeGreaterThan(first.unitsDone);
  }, 60_000);

  it('killed in the middle of a call, right after Drive uploads, it finishes without writing anything twice', async () => {
    const { world } = harness;
    // The process dies at the first service call after a send that uploaded to Drive: the uploads are
    // in Drive, the pump never records them.
    const counted = world.quotas.countCall.bind(world.quotas);
    let armed = true;
    world.quotas.countCall = (className, method) => {
      counted(className, method);
      const execution = world.currentExecution;
      if (
        armed &&
        execution &&
        world.fetches.some((entry) => entry.executionId === execution.id && entry.url.includes('/upload/'))
      ) {
        armed = false;
        execution.die('injected');
        // The harness's process dies with it: whatever the add-on had not flushed is lost.
        world.save = () => {};
      }
    };
    const killed = await harness.runtime.callFromSidebar('pumpBatch', []);
    expect(killed.status).toBe('killed');
    const lastWrite = Math.max(...world.drive.list().map((item) => item.lastUpdated));
    await harness.close();

    harness = await start();
    expect(harness.world.clock.now()).toBeGreaterThanOrEqual(lastWrite);
    let progress = await rpc<Progress>('getBatchProgress');
    expect(progress.status).toBe('running');
    // The dead execution's leased items come back when its lease runs out, as in Apps Script: Jenny
    // would wait those minutes; the test lets them pass at once.
    harness.runtime.skip(LEASE_MS);
    for (let pumps = 0; pumps < 40 && progress.status === 'running'; pumps++) {
      progress = await rpc<Progress>('pumpBatch');
    }
    expect(progress.status).toBe('completed');
    for (const row of [2, 3, 4]) expect(await cellText(harness, row, 'Status')).toBe('Done');
    expect(duplicates()).toEqual([]);
    const variations = harness.world.drive
      .list()
      .filter((item) => /^variation_\d+$/.test(item.name) && !harness.world.drive.isTrashed(item.id));
    expect(variations).toHaveLength(3 * 2 * 2);
  }, 120_000);
});
