/**
 * The harness's sheet is live while the add-on works, as Google's is: the page's poll is answered in
 * the middle of a sidebar pump (each pump takes several seconds of real time here), Status cells change
 * before the pump returns, and a row Jenny types meanwhile is checked by onEdit at once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startHarness, type Harness } from '../../scripts/harness/server';
import type { Progress } from '../../src/server/engine/progress';
import { cellText, postJson } from './helpers';

let harness: Harness;
let stateDir: string;

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-live-'));
  harness = await startHarness({ port: 0, stateDir, fresh: true, buildDir: 'build', demo: true });
});

afterAll(async () => {
  await harness.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const NEW_LINK = 'https://www.tiktok.com/@desk.setup/photo/7301111111111111111';
const IN_PROGRESS = /^(Queued|Working|Fetching|Analyzing|Writing|Generating|Saving|Retrying|Waiting)/;

describe('the harness while a pump runs', () => {
  it('answers the page, shows Status cells changing and checks an edit before the pump returns', async () => {
    const started = await postJson(harness, '/rpc', {
      name: 'startBatch',
      args: [{ photoVariations: 2, textVariations: 2 }],
    });
    expect(started.ok).toBe(true);
    let pumpDone = false;
    const pump = postJson(harness, '/rpc', { name: 'pumpBatch', args: [] }).then((answer) => {
      pumpDone = true;
      return answer;
    });

    // Status cells move while the pump is still out.
    const seen = new Set<string>();
    while (!pumpDone && ![...seen].some((status) => IN_PROGRESS.test(status))) {
      for (const row of [2, 3, 4]) seen.add(await cellText(harness, row, 'Status'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(pumpDone).toBe(false);

    // A link typed into a new row meanwhile gets its Status from onEdit, pump or no pump.
    const typed = await postJson(harness, '/edit', {
      sheet: 'Batch',
      row: 6,
      column: 1,
      values: [[NEW_LINK]],
    });
    expect(typed).toMatchObject({ ok: true, onEdit: 'completed' });
    expect(await cellText(harness, 6, 'Status')).toMatch(/^Missing product photo/);
    expect(pumpDone).toBe(false);

    const answer = await pump;
    expect(answer.ok).toBe(true);
    expect((answer.value as Progress).status).toBe('running');
  }, 60_000);
});
