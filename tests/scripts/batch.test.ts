/**
 * `npm run batch` through its exported main (no npm, no child process): a small CSV runs to the end in
 * the offline world, its Drive folder lands on disk as real files, and bad input stops with a message.
 * Needs build/ (`npm test` builds first).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import jpeg from 'jpeg-js';
import { renderSlideJpeg } from '../../emulator/sim/jpeg-slides';
import { main, type MainIo } from '../../scripts/batch';

interface Captured {
  io: MainIo;
  stdout: () => string;
  stderr: () => string;
}

function capture(): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (text) => (out += text) },
      stderr: { write: (text) => (err += text) },
      isTTY: false,
    },
    stdout: () => out,
    stderr: () => err,
  };
}

interface BatchJson {
  status: string;
  rows: { row: number; link: string; status: string; error: string; output: string }[];
  counts: { done: number; failed: number; cancelled: number };
  batchFolder: string;
  simulatedSeconds: number;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-cli-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
fs.writeFileSync(
  path.join(dir, 'photo.jpg'),
  renderSlideJpeg({ width: 160, height: 160, seed: 5, number: 1, count: 1, text: 'P' }, 80),
);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run batch', () => {
  it('runs two good rows and reports the invalid one, writing the Drive folder under --out', () => {
    const csv = write(
      'rows.csv',
      [
        'description,link,product_photo',
        '"Glow Drops, a serum\nfor dull skin",https://www.tiktok.com/@a/photo/7312345678901234567,photo.jpg',
        'A mug,https://example.com/not-a-tiktok,photo.jpg',
        'A shoe,https://vm.tiktok.com/ZMabc123/,photo.jpg',
        '',
      ].join('\n'),
    );
    const out = path.join(dir, 'out');
    const run = capture();
    const code = main(
      [csv, '--out', out, '--photo-variations', '1', '--text-variations', '1', '--json'],
      run.io,
    );
    expect(run.stderr()).not.toContain('batch failed');
    expect(code).toBe(0);
    const result = JSON.parse(run.stdout()) as BatchJson;
    expect(result.status).toBe('completed');
    expect(result.counts).toMatchObject({ done: 2, failed: 0, cancelled: 0 });
    expect(result.rows.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(result.rows[0]?.status).toBe('Done');
    expect(result.rows[2]?.status).toBe('Done');
    expect(result.rows[1]?.status).toMatch(/link/i);
    expect(result.rows[1]?.output).toBe('');
    expect(result.simulatedSeconds).toBeGreaterThan(0);

    expect(fs.statSync(result.batchFolder).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(result.batchFolder, 'batch.json'))).toBe(true);
    const variation = path.join(result.rows[0]?.output ?? '', 'variation_1');
    expect(fs.existsSync(path.join(variation, 'analysis.json'))).toBe(true);
    const slide = fs.readdirSync(variation).find((name) => name.endsWith('.jpg')) ?? '';
    const image = jpeg.decode(fs.readFileSync(path.join(variation, slide)), { useTArray: true });
    expect(image.width).toBeGreaterThan(0);
    expect(image.height).toBeGreaterThan(0);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'nope.csv'), /No such file/],
    ['missing columns', () => write('cols.csv', 'link,photo\nx,y\n'), /missing: product_photo, description/],
    ['no rows', () => write('empty.csv', 'link,product_photo,description\n\n'), /no rows/],
    ['not CSV', () => path.join(dir, 'photo.jpg'), /not a CSV/],
    [
      'a local photo that does not exist',
      () =>
        write('nophoto.csv', 'link,product_photo,description\nhttps://vm.tiktok.com/ZMabc123/,gone.jpg,x\n'),
      /Row 2: the product photo gone\.jpg does not exist/,
    ],
    [
      'no valid rows',
      () =>
        write(
          'invalid.csv',
          'link,product_photo,description\nhttps://example.com/a,photo.jpg,x\nhttps://vm.tiktok.com/ZMabc123/,photo.jpg,\n',
        ),
      /No row is ready to run:\n {2}row 2: .+\n {2}row 3: .+/,
    ],
  ])('stops on %s with a message and a non-zero exit', (_name, file, message) => {
    const run = capture();
    const code = main([file(), '--out', path.join(dir, 'bad-out')], run.io);
    expect(code).not.toBe(0);
    expect(run.stderr()).toMatch(message);
    expect(run.stdout()).toBe('');
  });
});
