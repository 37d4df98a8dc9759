/**
 * A script in a worker meets the services as it does in this thread: its own realm's Arrays, Dates and
 * Errors, enums, "not emulated" members, Date.now() on the virtual clock, and nothing Apps Script lacks.
 */
import { bothModes, comparable, concurrent, scriptWorld } from './setup';

const PROBE = `
function probe() {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  const range = sheet.getRange(1, 1, 2, 2);
  range.setValues([[1, 'a'], [new Date(Date.UTC(2026, 0, 5)), true]]);
  const values = range.getValues();
  let thrown = null;
  try { sheet.getRange(0, 1); } catch (e) { thrown = e; }
  let missing = null;
  try { range.notAMethod(); } catch (e) { missing = String(e); }
  const before = Date.now();
  Utilities.sleep(1500);
  const slept = Date.now() - before;
  return {
    isArray: Array.isArray(values), arrayCtor: values instanceof Array, row: values[0],
    dateCtor: values[1][0] instanceof Date, when: values[1][0].getTime(),
    errorCtor: thrown instanceof Error, name: thrown.name, text: String(thrown),
    missing, hidden: typeof range.sheet, same: range.setValue('b') === range,
    range: String(range), concatenated: range + '', typeofMethod: typeof range.getValues,
    globals: [typeof require, typeof process, typeof Buffer, typeof URL, typeof fetch, typeof setTimeout],
    auth: ScriptApp.AuthMode.FULL, jpeg: MimeType.JPEG,
    criteria: SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
    slept, random: Math.random(),
  };
}
function clock() { SpreadsheetApp.getActiveSpreadsheet().getName(); return Date.now(); }
function passBlob() {
  const blob = Utilities.newBlob([1, 2, 3], 'image/png', 'x.png');
  const response = UrlFetchApp.fetch('https://www.tiktok.com/echo', { method: 'post', payload: blob });
  return response.getContentText();
}
`;

describe('the script realm in a worker', () => {
  it('gives the same answers as the in-thread runtime', () => {
    const { sequential, concurrent: worker } = bothModes(PROBE);
    const expected = sequential.runtime.run('probe');
    worker.sim.schedule({ functionName: 'probe', kind: 'menu' });
    const [report] = worker.sim.runUntil(() => !worker.sim.busy);
    expect(expected.status).toBe('completed');
    expect(comparable(report ?? {})).toEqual({ ...comparable(expected), kind: 'menu', peakFetchBytes: 0 });
  });

  it('has arrays, dates and errors of its own realm, and nothing Apps Script lacks', () => {
    const world = scriptWorld(PROBE);
    const sim = concurrent(world);
    sim.schedule({ functionName: 'probe', kind: 'menu' });
    const [report] = sim.runUntil(() => !sim.busy);
    expect(report?.value).toMatchObject({
      isArray: true,
      arrayCtor: true,
      dateCtor: true,
      when: Date.UTC(2026, 0, 5),
      errorCtor: true,
      name: 'Exception',
      text: expect.stringMatching(/^Exception: /),
      missing: 'Exception: not emulated: Range.notAMethod',
      hidden: 'undefined',
      same: true,
      range: 'Range',
      concatenated: 'Range',
      typeofMethod: 'function',
      globals: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
      auth: 'FULL',
      jpeg: 'image/jpeg',
      criteria: 'VALUE_IN_LIST',
      slept: 1500,
    });
  });

  it("reads Date.now() as the execution's virtual time", () => {
    const world = scriptWorld(PROBE);
    const sim = concurrent(world);
    const start = world.clock.now();
    sim.schedule({ functionName: 'clock', at: start + 90_000 });
    const [report] = sim.runUntil(() => !sim.busy);
    // JavaScript takes no virtual time: the script's last reading is the execution's end.
    expect(report?.value).toBe(report?.endedAt);
    expect(report?.startedAt).toBe(start + 90_000);
    expect(report?.endedAt).toBeGreaterThan(start + 90_000);
  });

  it('passes service objects back to services as themselves', () => {
    const world = scriptWorld(PROBE);
    world.router.register('www.tiktok.com', (request) => ({
      status: 200,
      body: `${request.headers['content-type']} ${request.body.join(',')}`,
    }));
    const sim = concurrent(world);
    sim.schedule({ functionName: 'passBlob' });
    const [report] = sim.runUntil(() => !sim.busy);
    expect(report?.value).toBe('image/png 1,2,3');
    // The request's 3 bytes and the response's 15 were held during the one fetch.
    expect(report?.peakFetchBytes).toBe(3 + 15);
  });
});
