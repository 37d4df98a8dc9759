/**
 * A world reopened from its saved state (the local harness after `npm start` again) goes on from the
 * ids it had handed out: a new Drive file must never get the id of one made before the restart.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { World } from '../../../emulator/world';

const project = {
  code: '',
  html: {},
  manifest: { timeZone: 'UTC', oauthScopes: [] as string[] },
};

let stateDir: string;

beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'world-ids-'));
});

afterEach(() => {
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('ids across a restart', () => {
  it('never hands out an id the world had already issued before it was saved', () => {
    const first = new World({ project, stateDir });
    const before = new Set(Array.from({ length: 20 }, () => first.env.newId('file')));
    first.save();

    const reopened = new World({ project, stateDir });
    const after = Array.from({ length: 20 }, () => reopened.env.newId('file'));
    expect(after.filter((id) => before.has(id))).toEqual([]);
    expect(reopened.idsIssued()).toBeGreaterThanOrEqual(first.idsIssued() + 20);
  });

  it('goes on far past the start for a state saved before the count was kept', () => {
    const first = new World({ project, stateDir });
    const before = new Set(Array.from({ length: 20 }, () => first.env.newId('file')));
    first.save();
    const file = path.join(stateDir, 'world.json');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete saved['ids'];
    fs.writeFileSync(file, JSON.stringify(saved));

    const reopened = new World({ project, stateDir });
    expect(before.has(reopened.env.newId('file'))).toBe(false);
    expect(reopened.idsIssued()).toBeGreaterThan(1_000_000);
  });

  it('starts from nothing without a saved state', () => {
    expect(new World({ project }).idsIssued()).toBe(0);
  });
});
