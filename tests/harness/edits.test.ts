/**
 * The harness's sheet as Jenny edits it: typing and pasting go through the emulated SpreadsheetApp and
 * fire the add-on's real onEdit, photos dropped on a row land in the emulated Drive, and the Drive view
 * serves only what is in Jenny's Drive, each file with a type that cannot run in the page.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getCell } from '../../emulator/services/spreadsheet/grid';
import { startHarness, type Harness } from '../../scripts/harness/server';
import { cellText, grid, LINKS, postJson } from './helpers';

let harness: Harness;
let stateDir: string;
const JPEG = fs.readFileSync('examples/photos/serum.jpg');

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-edits-'));
  harness = await startHarness({ port: 0, stateDir, fresh: true, buildDir: 'build' });
  expect((await postJson(harness, '/menu', { functionName: 'setUpSheetFromMenu' })).ok).toBe(true);
});

afterAll(async () => {
  await harness.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const batchSheet = () => {
  const sheet = harness.world.boundSpreadsheet().sheets.find((candidate) => candidate.name === 'Batch');
  if (!sheet) throw new Error('no Batch sheet');
  return sheet;
};

function dropPhoto(row: number | string, name: string, bytes: Uint8Array, sheet = 'Batch') {
  const body = new Blob([new Uint8Array(bytes)]);
  return fetch(new URL(`/photo?sheet=${encodeURIComponent(sheet)}&row=${row}`, harness.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name) },
    body,
  });
}

describe('typing and pasting into the grid', () => {
  it('a typed cell is stored and the add-on’s onEdit writes the row’s Status at once', async () => {
    const answer = await postJson(harness, '/edit', {
      sheet: 'Batch',
      row: 2,
      column: 1,
      values: [[LINKS[0]]],
    });
    expect(answer).toMatchObject({ ok: true, range: 'A2', onEdit: 'completed' });
    expect(await cellText(harness, 2, 'Link')).toBe(LINKS[0]);
    expect(await cellText(harness, 2, 'Status')).toMatch(/^Missing product photo/);
    const onEdit = harness.world.reports.filter((report) => report.functionName === 'onEdit').at(-1);
    expect(onEdit).toMatchObject({ kind: 'simple-trigger', status: 'completed' });
    // The page moves the cursor (Enter goes down a row); the add-on's getActiveRange sees it there.
    expect(await postJson(harness, '/select', { sheet: 'Batch', row: 3, column: 1 })).toMatchObject({
      ok: true,
    });
    expect(batchSheet().selection).toEqual({ row: 3, column: 1, numRows: 1, numColumns: 1 });
  });

  it('a pasted block fills cells from the focused one, and every pasted row is checked', async () => {
    const photo = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456/view';
    const answer = await postJson(harness, '/edit', {
      sheet: 'Batch',
      row: 2,
      column: 1,
      values: [
        [LINKS[0], photo, 'A vitamin C serum, 30 ml.'],
        [LINKS[1], photo, 'A stoneware travel mug.'],
        [LINKS[0], photo, 'The same post again.'],
      ],
    });
    expect(answer).toMatchObject({ ok: true, range: 'A2:C4', onEdit: 'completed' });
    // A paste leaves the pasted block selected, as in Sheets.
    expect(batchSheet().selection).toEqual({ row: 2, column: 1, numRows: 3, numColumns: 3 });
    expect(await cellText(harness, 3, 'Product description')).toBe('A stoneware travel mug.');
    expect(await cellText(harness, 2, 'Status')).toBe('Ready');
    expect(await cellText(harness, 3, 'Status')).toBe('Ready');
    expect(await cellText(harness, 4, 'Status')).toMatch(/^Duplicate of row 2/);
  });

  it('stores what Jenny types as plain values: never a formula; numbers as numbers', async () => {
    await postJson(harness, '/edit', {
      sheet: 'Batch',
      row: 4,
      column: 3,
      values: [['=HYPERLINK("https://evil.example","click")', '3', '-oops']],
    });
    const sheet = batchSheet();
    expect(getCell(sheet, 4, 3)).toMatchObject({ value: '=HYPERLINK("https://evil.example","click")' });
    expect(getCell(sheet, 4, 3)?.formula).toBeUndefined();
    expect(getCell(sheet, 4, 4)?.value).toBe(3);
    expect(getCell(sheet, 4, 5)).toMatchObject({ value: '-oops' });
    expect(getCell(sheet, 4, 5)?.formula).toBeUndefined();
    // Nothing anywhere in the sheet is a formula.
    expect(sheet.rows.flat().filter((cell) => cell?.formula !== undefined)).toEqual([]);
  });

  it('pastes around hidden columns, as the columns on screen are', async () => {
    const view = await grid(harness);
    const hidden = batchSheet().hiddenColumns.findIndex(Boolean) + 1;
    expect(hidden).toBeGreaterThan(0);
    expect(view.columns.map((column) => column.column)).not.toContain(hidden);
    await postJson(harness, '/edit', {
      sheet: 'Batch',
      row: 6,
      column: hidden - 1,
      values: [['left', 'right']],
    });
    expect(getCell(batchSheet(), 6, hidden - 1)?.value).toBe('left');
    expect(getCell(batchSheet(), 6, hidden)).toBeUndefined();
    expect(getCell(batchSheet(), 6, hidden + 1)?.value).toBe('right');
  });

  it('a paste past the last row adds rows, as Sheets does', async () => {
    const maxRows = batchSheet().maxRows;
    const answer = await postJson(harness, '/edit', {
      sheet: 'Batch',
      row: maxRows,
      column: 3,
      values: [['one'], ['two']],
    });
    expect(answer.ok).toBe(true);
    expect(batchSheet().maxRows).toBe(maxRows + 1);
    expect(getCell(batchSheet(), maxRows + 1, 3)?.value).toBe('two');
    await postJson(harness, '/edit', { sheet: 'Batch', row: maxRows, column: 3, values: [[''], ['']] });
  });

  it('refuses requests it does not take, and requests from other sites', async () => {
    expect(
      await postJson(harness, '/edit', { sheet: 'Batch', row: 0, column: 1, values: [['x']] }),
    ).toMatchObject({
      status: 400,
      ok: false,
    });
    expect(
      await postJson(harness, '/edit', { sheet: 'Nope', row: 2, column: 1, values: [['x']] }),
    ).toMatchObject({
      status: 400,
      message: 'There is no sheet called “Nope”.',
    });
    const asForm = await fetch(new URL('/edit', harness.url), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ sheet: 'Batch', row: 2, column: 1, values: [['x']] }),
    });
    expect(asForm.status).toBe(415);
    const crossSite = await fetch(new URL('/rpc', harness.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ name: 'getSettings', args: [] }),
    });
    expect(crossSite.status).toBe(403);
    expect(await cellText(harness, 2, 'Link')).toBe(LINKS[0]);
  });
});

describe('a product photo dropped on a row', () => {
  it('goes into Jenny’s Drive and its link into the row’s Product photo cell, then onEdit checks the row', async () => {
    await postJson(harness, '/edit', {
      sheet: 'Batch',
      row: 8,
      column: 1,
      values: [['https://www.tiktok.com/@skin.lab/photo/7403333333333333333', '', 'A night cream.']],
    });
    expect(await cellText(harness, 8, 'Status')).toMatch(/^Missing product photo/);
    const response = await dropPhoto(8, 'night cream.jpg', JPEG);
    const answer = (await response.json()) as { ok: boolean; fileId: string; message: string };
    expect(answer.ok).toBe(true);
    expect(answer.message).toContain('night cream.jpg');
    const file = harness.world.drive.get(answer.fileId);
    expect(file).toMatchObject({
      name: 'night cream.jpg',
      mimeType: 'image/jpeg',
      owner: 'jenny@example.com',
    });
    expect(harness.world.drive.pathOf(answer.fileId)).toBe('My Drive/Product photos/night cream.jpg');
    expect(Buffer.from(harness.world.drive.readBytes(answer.fileId)).equals(JPEG)).toBe(true);
    expect(await cellText(harness, 8, 'Product photo')).toBe(
      `https://drive.google.com/file/d/${answer.fileId}/view?usp=sharing`,
    );
    expect(await cellText(harness, 8, 'Status')).toBe('Ready');
  });

  it('is refused with a clear message when it is not a JPEG or PNG, and nothing is added', async () => {
    const before = harness.world.drive.list().length;
    const text = await dropPhoto(8, 'notes.txt', new TextEncoder().encode('not a picture'));
    expect(text.status).toBe(415);
    expect(((await text.json()) as { message: string }).message).toBe(
      '“notes.txt” is not a JPEG or PNG photo, so it was not added. Drop a JPEG or PNG picture of your product.',
    );
    // A file that only claims to be a picture by its name is refused the same way.
    expect((await dropPhoto(8, 'fake.jpg', new TextEncoder().encode('<svg onload=alert(1)>'))).status).toBe(
      415,
    );
    const onHeader = await dropPhoto(1, 'serum.jpg', JPEG);
    expect(onHeader.status).toBe(400);
    expect(((await onHeader.json()) as { message: string }).message).toMatch(/rows below the header/);
    const noColumn = await dropPhoto(2, 'serum.jpg', JPEG, 'Sheet1');
    expect(((await noColumn.json()) as { message: string }).message).toMatch(/has no Product photo column/);
    expect(harness.world.drive.list().length).toBe(before);
  });
});

describe('the Drive view', () => {
  it('lists My Drive and its folders, and serves a photo as an image', async () => {
    const root = (await (await fetch(new URL('/drive', harness.url))).json()) as {
      path: { name: string }[];
      items: { id: string; name: string; kind: string }[];
    };
    expect(root.path.map((step) => step.name)).toEqual(['My Drive']);
    const folder = root.items.find((item) => item.name === 'Product photos');
    expect(folder?.kind).toBe('folder');
    const listing = (await (await fetch(new URL(`/drive?id=${folder?.id}`, harness.url))).json()) as {
      path: { name: string }[];
      items: { id: string; name: string; kind: string }[];
    };
    expect(listing.path.map((step) => step.name)).toEqual(['My Drive', 'Product photos']);
    const photo = listing.items.find((item) => item.name === 'night cream.jpg');
    expect(photo?.kind).toBe('image');
    const bytes = await fetch(new URL(`/drive/file?id=${photo?.id}`, harness.url));
    expect(bytes.headers.get('content-type')).toBe('image/jpeg');
    expect(bytes.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await bytes.arrayBuffer()).equals(JPEG)).toBe(true);
    // A file's id opens its folder with the file in focus.
    const focused = (await (await fetch(new URL(`/drive?id=${photo?.id}`, harness.url))).json()) as {
      folder: { id: string };
      focus: string;
    };
    expect(focused).toMatchObject({ folder: { id: folder?.id }, focus: photo?.id });
  });

  it('serves JSON as plain text in a sandbox, and nothing outside Jenny’s Drive', async () => {
    const { world } = harness;
    const json = world.drive.addFile({
      name: 'analysis.json',
      owner: world.defaultUser,
      mimeType: 'application/json',
      content: '{"slides":[{"text":"<script>alert(1)</script>"}]}',
    });
    const response = await fetch(new URL(`/drive/file?id=${json}`, harness.url));
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(await response.text()).toContain('<script>');
    const someoneElses = world.drive.addFile({
      name: 'private.jpg',
      owner: 'someone@example.com',
      mimeType: 'image/jpeg',
      content: JPEG,
    });
    for (const id of [someoneElses, '../world.json', '..%2Fworld.json', 'x'.repeat(300), '']) {
      const file = await fetch(new URL(`/drive/file?id=${encodeURIComponent(id)}`, harness.url));
      expect(file.status).toBe(404);
    }
    expect((await fetch(new URL(`/drive?id=${someoneElses}`, harness.url))).status).toBe(404);
    expect((await fetch(new URL('/drive?id=..%2F..', harness.url))).status).toBe(404);
  });
});
