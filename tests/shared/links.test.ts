import {
  checkLink,
  extractTikTokUrl,
  findDuplicates,
  validateBatchSize,
  type LinkCheck,
  type LinkRow,
} from '../../src/shared/links';

const ID = '7401234567890123456';

function expectPost(text: string, expected: { postId?: string; username: string | null; kind: string }) {
  const check = checkLink(text);
  expect(check).toMatchObject({ status: 'post', postId: expected.postId ?? ID, ...expected });
}

function expectInvalid(text: string, reason: string, messagePart: RegExp) {
  const check = checkLink(text);
  expect(check.status).toBe('invalid');
  if (check.status !== 'invalid') return;
  expect(check.reason).toBe(reason);
  expect(check.message).toMatch(messagePart);
}

describe('checkLink: every long shape names the post', () => {
  test.each([
    [`https://www.tiktok.com/@lisbon.bites/photo/${ID}`, 'lisbon.bites', 'photo'],
    [`https://www.tiktok.com/@lisbon.bites/video/${ID}`, 'lisbon.bites', 'video'],
    [`https://www.tiktok.com/@/video/${ID}`, null, 'video'],
    [`https://m.tiktok.com/v/${ID}.html`, null, 'unknown'],
    [`https://www.tiktokv.com/share/video/${ID}/`, null, 'unknown'],
    [`https://www.tiktok.com/embed/v2/${ID}`, null, 'unknown'],
    [`https://www.tiktok.com/embed/${ID}`, null, 'unknown'],
    [`HTTPS://WWW.TIKTOK.COM/@Lisbon.Bites/photo/${ID}`, 'Lisbon.Bites', 'photo'],
    [`http://www.tiktok.com/@lisbon.bites/photo/${ID}`, 'lisbon.bites', 'photo'],
    [`tiktok.com/@lisbon.bites/photo/${ID}`, 'lisbon.bites', 'photo'],
    [`www.tiktok.com/@lisbon.bites/photo/${ID}/`, 'lisbon.bites', 'photo'],
    [`https://www.tiktok.com/%40lisbon.bites/photo/${ID}`, 'lisbon.bites', 'photo'],
    [
      `https://www.tiktok.com/@lisbon.bites/photo/${ID}?is_from_webapp=1&sender_device=pc`,
      'lisbon.bites',
      'photo',
    ],
    [`https://www.tiktok.com/@lisbon.bites/photo/${ID}?_r=1&_t=ZM-8abcDEF`, 'lisbon.bites', 'photo'],
    [`https://www.tiktok.com/@lisbon.bites/photo/${ID}#comments`, 'lisbon.bites', 'photo'],
    [`https://www.tiktok.com:443/@lisbon.bites/photo/${ID}`, 'lisbon.bites', 'photo'],
  ])('%s', (text, username, kind) => {
    expectPost(text, { username, kind });
  });

  test('ids of 15 and 21 digits are both post numbers', () => {
    expectPost('https://www.tiktok.com/@a/photo/123456789012345', {
      postId: '123456789012345',
      username: 'a',
      kind: 'photo',
    });
    expectPost('https://www.tiktok.com/@a/photo/123456789012345678901', {
      postId: '123456789012345678901',
      username: 'a',
      kind: 'photo',
    });
  });

  test('the canonical URL keeps /photo/ for photo links and uses @_ when the handle is unknown', () => {
    expect(checkLink(`tiktok.com/@lisbon.bites/photo/${ID}?x=1`)).toMatchObject({
      canonicalUrl: `https://www.tiktok.com/@lisbon.bites/photo/${ID}`,
    });
    expect(checkLink(`https://m.tiktok.com/v/${ID}.html`)).toMatchObject({
      canonicalUrl: `https://www.tiktok.com/@_/video/${ID}`,
    });
  });
});

describe('checkLink: share-sheet text and pasted lists', () => {
  test.each([
    [`Check out this post! https://www.tiktok.com/@lisbon.bites/photo/${ID}?_r=1 #fyp`],
    [`"https://www.tiktok.com/@lisbon.bites/photo/${ID}"`],
    [`(https://www.tiktok.com/@lisbon.bites/photo/${ID}).`],
    [`<https://www.tiktok.com/@lisbon.bites/photo/${ID}>`],
    [`[link](https://www.tiktok.com/@lisbon.bites/photo/${ID})`],
    [`  https://www.tiktok.com/@lisbon.bites/photo/${ID}...\n`],
    [`Look:\nhttps://www.tiktok.com/@lisbon.bites/photo/${ID}!!`],
    [`«https://www.tiktok.com/@lisbon.bites/photo/${ID}»`],
    [`🔥https://www.tiktok.com/@lisbon.bites/photo/${ID}🔥`],
    [`by @lisbon.bites on TikTok: tiktok.com/@lisbon.bites/photo/${ID}, so good`],
  ])('%j', (text) => {
    expectPost(text, { username: 'lisbon.bites', kind: 'photo' });
  });

  test('the same post twice in one cell is one link', () => {
    expectPost(`https://www.tiktok.com/@lisbon.bites/photo/${ID} https://m.tiktok.com/v/${ID}.html`, {
      username: 'lisbon.bites',
      kind: 'photo',
    });
  });

  test('a TikTok link beside another site is still read', () => {
    expectPost(`see https://example.com/blog and https://www.tiktok.com/@lisbon.bites/photo/${ID}`, {
      username: 'lisbon.bites',
      kind: 'photo',
    });
  });
});

describe('checkLink: short links need one redirect', () => {
  test.each([
    ['https://vm.tiktok.com/ZMabc123/', 'https://vm.tiktok.com/ZMabc123/'],
    ['vm.tiktok.com/ZMabc123', 'https://vm.tiktok.com/ZMabc123/'],
    ['http://VT.TIKTOK.COM/ZSabc123/?k=1', 'https://vt.tiktok.com/ZSabc123/'],
    ['https://www.tiktok.com/t/ZTabc123/', 'https://www.tiktok.com/t/ZTabc123/'],
    ['tiktok.com/t/ZTabc123', 'https://www.tiktok.com/t/ZTabc123/'],
    ['Check this out! https://vm.tiktok.com/ZMabc123/ #foodtok', 'https://vm.tiktok.com/ZMabc123/'],
  ])('%s', (text, shortUrl) => {
    expect(checkLink(text)).toEqual({ status: 'short', shortUrl });
  });

  test('the short code keeps its case (TikTok codes are case-sensitive)', () => {
    expect(checkLink('https://vm.tiktok.com/ZMabc/')).not.toEqual(checkLink('https://vm.tiktok.com/ZMABC/'));
  });
});

describe('checkLink: one reason per invalid cell', () => {
  test.each([
    ['', 'empty', /empty/],
    ['   \n\t', 'empty', /empty/],
    ['great slideshow about Lisbon', 'not-a-link', /not a link/],
    ['jenny@example.com', 'not-a-link', /not a link/],
    [ID, 'not-a-link', /not a link/],
    ['https://www.instagram.com/p/Cabc123/', 'not-tiktok', /not a TikTok link.*www\.instagram\.com/],
    ['youtube.com/watch?v=abc', 'not-tiktok', /not a TikTok link/],
    ['https://www.tiktok.com/@lisbon.bites', 'profile', /profile \(@lisbon\.bites\), not a post/],
    ['tiktok.com/@lisbon.bites/', 'profile', /profile/],
    ['https://www.tiktok.com/tag/foodtok', 'not-a-post-page', /hashtag page, not a post/],
    ['https://www.tiktok.com/music/original-sound-7401234567890000001', 'not-a-post-page', /sound page/],
    ['https://www.tiktok.com/search?q=lisbon', 'not-a-post-page', /search page/],
    [
      'https://www.tiktok.com/@lisbon.bites/photo/74012345678',
      'incomplete-post-number',
      /incomplete \(11 digits/,
    ],
    ['https://m.tiktok.com/v/7401234.html', 'incomplete-post-number', /incomplete/],
    [`https://www.tiktok.com/@a/photo/${ID}${ID}`, 'post-number-too-long', /38 digits/],
    ['https://www.tiktok.com/', 'no-post-found', /looks like a TikTok link but no post/],
    ['https://www.tiktok.com/@lisbon.bites/photo/', 'no-post-found', /no post could be found/],
    ['https://www.tiktok.com/@lisbon.bites/photo/abc', 'no-post-found', /no post could be found/],
    ['https://www.tiktok.com/foryou', 'no-post-found', /no post could be found/],
    [
      `https://www.tiktok.com/@a/photo/${ID} https://www.tiktok.com/@b/photo/7401234567890123999`,
      'several-links',
      /2 different TikTok links: put one link per row/,
    ],
    ['https://vm.tiktok.com/ZMaaa/\nhttps://vm.tiktok.com/ZMbbb/', 'several-links', /one link per row/],
  ])('%j → %s', (text, reason, message) => {
    expectInvalid(text, reason, message);
  });

  test('non-string cell values do not throw', () => {
    expect(checkLink(12345 as unknown as string).status).toBe('invalid');
    expect(checkLink(null as unknown as string)).toMatchObject({ reason: 'empty' });
  });

  test('a very long cell is handled quickly', () => {
    const started = Date.now();
    expect(checkLink('a'.repeat(50_000)).status).toBe('invalid');
    expect(checkLink(`${'word '.repeat(10_000)}https://vm.tiktok.com/ZMabc/`).status).toBe('short');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('extractTikTokUrl', () => {
  test('takes the link out of prose, adding https:// when missing', () => {
    expect(extractTikTokUrl('Check this out! https://vm.tiktok.com/ZMabc123/ #fyp')).toBe(
      'https://vm.tiktok.com/ZMabc123/',
    );
    expect(extractTikTokUrl(`("tiktok.com/@a/photo/${ID}?x=1").`)).toBe(
      `https://tiktok.com/@a/photo/${ID}?x=1`,
    );
  });

  test('prefers a post link over a profile link in the same text', () => {
    expect(extractTikTokUrl(`by tiktok.com/@a: https://www.tiktok.com/@a/photo/${ID}`)).toBe(
      `https://www.tiktok.com/@a/photo/${ID}`,
    );
  });

  test('null when there is no TikTok link', () => {
    expect(extractTikTokUrl('https://example.com/a')).toBeNull();
    expect(extractTikTokUrl('')).toBeNull();
  });
});

describe('findDuplicates', () => {
  const row = (rowId: string, rowNumber: number, text: string): LinkRow => ({
    rowId,
    rowNumber,
    check: checkLink(text),
  });

  test('the same post in two shapes is a duplicate of the first row', () => {
    const duplicates = findDuplicates([
      row('r-a', 2, `https://www.tiktok.com/@a/photo/${ID}`),
      row('r-b', 3, 'https://vm.tiktok.com/ZMother/'),
      row('r-c', 4, `https://m.tiktok.com/v/${ID}.html?x=1`),
      row('r-d', 5, `tiktok.com/@a/video/${ID}`),
    ]);
    expect([...duplicates.keys()]).toEqual(['r-c', 'r-d']);
    expect(duplicates.get('r-c')).toMatchObject({ firstRowId: 'r-a', firstRowNumber: 2 });
    expect(duplicates.get('r-d')?.message).toMatch(/^Duplicate of row 2\b/);
  });

  test('short links match by their normalized form until resolved', () => {
    const rows = [
      row('r-a', 2, 'https://vm.tiktok.com/ZMabc/'),
      row('r-b', 3, 'vm.tiktok.com/ZMabc'),
      row('r-c', 4, 'https://vt.tiktok.com/ZSxyz/'),
      row('r-d', 5, `https://www.tiktok.com/@a/photo/${ID}`),
    ];
    expect([...findDuplicates(rows).keys()]).toEqual(['r-b']);

    const resolved = new Map([['https://vt.tiktok.com/ZSxyz/', ID]]);
    const afterResolution = findDuplicates(rows, resolved);
    expect([...afterResolution.keys()]).toEqual(['r-b', 'r-d']);
    expect(afterResolution.get('r-d')).toMatchObject({ firstRowId: 'r-c', firstRowNumber: 4 });
  });

  test('invalid rows are never duplicates, and the first occurrence wins after sorting', () => {
    const invalid: LinkCheck = checkLink('');
    const duplicates = findDuplicates([
      { rowId: 'x', rowNumber: 2, check: invalid },
      { rowId: 'y', rowNumber: 3, check: invalid },
      row('late', 4, `https://www.tiktok.com/@a/photo/${ID}`),
      row('early', 5, `https://www.tiktok.com/@a/photo/${ID}`),
    ]);
    expect([...duplicates.keys()]).toEqual(['early']);
  });
});

describe('validateBatchSize', () => {
  test('up to the maximum is fine', () => {
    expect(validateBatchSize(1)).toEqual({ ok: true });
    expect(validateBatchSize(100)).toEqual({ ok: true });
  });

  test('over the maximum says how to split', () => {
    const result = validateBatchSize(132);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/132 links.*at most 100.*remaining 32/);
    expect(validateBatchSize(11, 10).ok).toBe(false);
  });

  test('nothing to do is a clear message too', () => {
    const result = validateBatchSize(0);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/no links/) });
  });
});
