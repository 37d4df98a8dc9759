import {
  checkRows,
  isCheckStatus,
  parseVariationOverride,
  type RowCheckInput,
} from '../../../src/shared/row-check';

const POST = 'https://www.tiktok.com/@glow.daily/photo/7401234567890123456';
const OTHER_POST = 'https://www.tiktok.com/@glow.daily/photo/7409999999999999999';
const PHOTO = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456/view';
const DESCRIPTION = 'A vitamin C serum for dull skin, 30 ml.';

let counter = 0;
function row(overrides: Partial<RowCheckInput> = {}): RowCheckInput {
  counter += 1;
  return {
    rowId: `id-${counter}`,
    rowNumber: counter + 1,
    link: POST,
    photo: PHOTO,
    description: DESCRIPTION,
    photoVariations: '',
    textVariations: '',
    ...overrides,
  };
}

function statusOf(overrides: Partial<RowCheckInput>): string {
  return checkRows([row(overrides)]).rows[0]?.status ?? '';
}

describe('checkRows: the Status text of one row', () => {
  it('Ready', () => {
    const [result] = checkRows([row()]).rows;
    expect(result).toMatchObject({ ready: true, status: 'Ready', problems: [] });
    expect(result?.link).toMatchObject({ status: 'post', postId: '7401234567890123456' });
    expect(result?.photo).toMatchObject({ kind: 'drive' });
  });

  it('a short link is ready, to be checked at start', () => {
    expect(statusOf({ link: 'https://vm.tiktok.com/ZMabc123/' })).toBe(
      'Ready (short link, will be checked at start)',
    );
  });

  it('an invalid link gives its reason', () => {
    expect(statusOf({ link: 'https://www.instagram.com/p/abc/' })).toBe(
      'Invalid link: this is not a TikTok link (it points to www.instagram.com): paste the link of a TikTok photo post.',
    );
    expect(statusOf({ link: 'https://www.tiktok.com/@glow.daily' })).toBe(
      'Invalid link: this is a TikTok profile (@glow.daily), not a post: open the slideshow you want and use Share → Copy link.',
    );
  });

  it('a missing link', () => {
    expect(statusOf({ link: '' })).toBe(
      'Missing link: paste a TikTok post link in the Link column (open the slideshow in TikTok and use Share → Copy link).',
    );
  });

  it('a missing product photo', () => {
    expect(statusOf({ photo: '' })).toBe(
      'Missing product photo: put a Google Drive link to the photo (or an https image link) in the Product photo column.',
    );
  });

  it('a folder instead of a photo', () => {
    expect(
      statusOf({ photo: 'https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456' }),
    ).toBe(
      'Invalid product photo: this is a Drive folder, not a photo: open the folder, pick the product photo and use Share → Copy link.',
    );
  });

  it('a missing description', () => {
    expect(statusOf({ description: '   ' })).toBe(
      'Missing description: write a sentence or two about the product in the Product description column.',
    );
  });

  it('photo and description both missing, in one sentence', () => {
    expect(statusOf({ photo: '', description: '' })).toBe(
      'Missing product photo and description: add a Google Drive link to the photo and a sentence or two about the product.',
    );
  });

  it.each([
    ['0', 'photoVariations', 'Invalid photo variations (0)'],
    ['11', 'photoVariations', 'Invalid photo variations (11)'],
    ['2.5', 'textVariations', 'Invalid text variations (2.5)'],
    ['three', 'textVariations', 'Invalid text variations (three)'],
  ] as const)('variation override %s is invalid', (raw, field, start) => {
    expect(statusOf({ [field]: raw })).toBe(
      `${start}: use a whole number from 1 to 10, or leave the cell empty to use the sidebar's choice.`,
    );
  });

  it('valid overrides are read as numbers', () => {
    const [result] = checkRows([row({ photoVariations: '4', textVariations: 10 })]).rows;
    expect(result).toMatchObject({ ready: true, photoVariations: 4, textVariations: 10 });
  });

  it('the link problem comes first, and every problem is listed', () => {
    const [result] = checkRows([
      row({ link: 'hello', photo: '', description: '', textVariations: '0' }),
    ]).rows;
    expect(result?.status).toMatch(/^Invalid link: this is not a link/);
    expect(result?.problems.map((p) => p.kind)).toEqual([
      'link-invalid',
      'photo-missing',
      'description-missing',
      'variations-invalid',
    ]);
  });
});

describe('checkRows: duplicates', () => {
  it('the second row naming a post is a duplicate of the first, whatever its shape', () => {
    const first = row({ rowNumber: 3 });
    const second = row({ rowNumber: 7, link: 'see https://m.tiktok.com/v/7401234567890123456.html' });
    const other = row({ rowNumber: 5, link: OTHER_POST });
    const result = checkRows([second, other, first]);
    expect(result.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [3, 'Ready'],
      [5, 'Ready'],
      [7, 'Duplicate of row 3: the same TikTok post is already there, so this row is skipped.'],
    ]);
    expect(result.readyCount).toBe(2);
  });

  it('a duplicate is named before its other problems', () => {
    const result = checkRows([row({ rowNumber: 2 }), row({ rowNumber: 3, photo: '' })]);
    expect(result.rows[1]?.status).toMatch(/^Duplicate of row 2/);
  });

  it('a short link is compared as resolved when the resolution is known', () => {
    const short = 'https://vm.tiktok.com/ZMabc123/';
    const rows = [row({ rowNumber: 2 }), row({ rowNumber: 3, link: short })];
    expect(checkRows(rows).rows[1]?.ready).toBe(true);
    const resolved = new Map([[short, '7401234567890123456']]);
    expect(checkRows(rows, { resolvedShortLinks: resolved }).rows[1]?.status).toMatch(/^Duplicate of row 2/);
  });
});

describe('checkRows: the batch-size limit', () => {
  function posts(count: number): RowCheckInput[] {
    return Array.from({ length: count }, (_, i) =>
      row({
        rowNumber: i + 2,
        link: `https://www.tiktok.com/@a/photo/74000000000000${String(i).padStart(5, '0')}`,
      }),
    );
  }

  it('takes 100 links by default and tells the rest they are over the limit', () => {
    const result = checkRows(posts(102));
    expect(result.readyCount).toBe(100);
    expect(result.overLimitCount).toBe(2);
    expect(result.rows[100]?.status).toBe(
      'Over the batch limit: one batch takes at most 100 links and this is link 101. It can go in the next batch.',
    );
    expect(result.limitMessage).toBe(
      'This batch has 102 links; one batch can take at most 100. Run the first 100 now and the remaining 2 in a second batch.',
    );
  });

  it('the limit is configurable, and only ready rows take a place', () => {
    const rows = [...posts(3), row({ rowNumber: 50, link: 'nope' })];
    const result = checkRows(rows, { maxLinks: 2 });
    expect(result.rows.map((r) => r.status.split(':')[0])).toEqual([
      'Ready',
      'Ready',
      'Over the batch limit',
      'Invalid link',
    ]);
    expect(result.limitMessage).toMatch(/^This batch has 3 links; one batch can take at most 2\./);
  });

  it('rows a batch already holds do not take a place', () => {
    const rows = posts(3).map((r, i) => ({ ...r, countsTowardLimit: i !== 0 }));
    const result = checkRows(rows, { maxLinks: 2 });
    expect(result.overLimitCount).toBe(0);
    expect(result.limitMessage).toBeNull();
  });
});

describe('helpers', () => {
  it('parseVariationOverride', () => {
    expect(parseVariationOverride('')).toEqual({ ok: true, value: null });
    expect(parseVariationOverride(null)).toEqual({ ok: true, value: null });
    expect(parseVariationOverride(' 3 ')).toEqual({ ok: true, value: 3 });
    expect(parseVariationOverride('3.00')).toEqual({ ok: true, value: 3 });
    expect(parseVariationOverride(7)).toEqual({ ok: true, value: 7 });
    expect(parseVariationOverride(true)).toEqual({ ok: false, raw: 'true' });
    expect(parseVariationOverride('-1')).toEqual({ ok: false, raw: '-1' });
  });

  it("isCheckStatus tells the check's statuses from a batch's", () => {
    for (const status of [
      '',
      'Ready',
      'Ready (short link, will be checked at start)',
      'Invalid link: x',
      'Missing description: x',
      'Duplicate of row 4: x',
      'Over the batch limit: x',
    ]) {
      expect(isCheckStatus(status)).toBe(true);
    }
    for (const status of [
      'Queued',
      'Fetching',
      'Generating 3/6',
      'Done',
      'Failed: quota',
      'Paused: quota',
      'Cancelled',
      'my note',
    ]) {
      expect(isCheckStatus(status)).toBe(false);
    }
  });
});
