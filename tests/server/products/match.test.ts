import {
  findKey,
  matchPhotos,
  nameKey,
  nameWords,
  type MatchPhoto,
  type MatchRow,
} from '../../../src/server/products/match';

const PHOTO_LINK = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456/view';

function row(rowNumber: number, description: string, photo = ''): MatchRow {
  return {
    rowId: `r${rowNumber}`,
    rowNumber,
    link: `https://www.tiktok.com/@a/photo/74000000000000000${rowNumber}`,
    photo,
    description,
  };
}

function photos(...names: string[]): MatchPhoto[] {
  return names.map((name, index) => ({ id: `file${index}`, name }));
}

const pairs = (plan: ReturnType<typeof matchPhotos>) =>
  plan.matches.map((match) => [match.row.rowNumber, match.photo.name]);

describe('name keys', () => {
  it('ignores case, accents, extension and separators', () => {
    expect(nameKey('Glow-Drops.JPG')).toBe('glowdrops');
    expect(nameKey('glow_drops.png')).toBe('glowdrops');
    expect(nameKey('Crème  Éclat.jpeg')).toBe('cremeeclat');
    expect(nameKey('v2.glow.jpg')).toBe('v2glow');
    expect(nameWords('Glow Drops: a serum, 30 ml')).toEqual(['glow', 'drops', 'a', 'serum', '30', 'ml']);
  });

  it('finds a key over whole words only', () => {
    const words = nameWords('Glowing skin with Glow Drops');
    expect(findKey(words, 'glowdrops')).toBe(3);
    expect(findKey(words, 'glow')).toBe(3);
    expect(findKey(nameWords('Glowing skin'), 'glow')).toBe(-1);
    expect(findKey(nameWords('GlowDrops serum'), 'glowdrops')).toBe(0);
  });
});

describe('matching by file name', () => {
  const options = { mode: 'name' as const, replaceExisting: false };

  it('gives each row the photo whose name its description contains, one photo to many rows', () => {
    const plan = matchPhotos(
      [
        row(2, 'Glow Drops: a vitamin C serum'),
        row(3, 'Face tape for smooth skin'),
        row(4, 'glow drops again, for a second link'),
      ],
      photos('face-tape.png', 'glow_drops.jpg', 'unused.jpg'),
      options,
    );
    expect(pairs(plan)).toEqual([
      [2, 'glow_drops.jpg'],
      [3, 'face-tape.png'],
      [4, 'glow_drops.jpg'],
    ]);
    expect(plan.unused.map((photo) => photo.name)).toEqual(['unused.jpg']);
    expect(plan.unmatched).toEqual([]);
    expect(plan.hint).toBeNull();
  });

  it('prefers the name found first in the description, then the longer one', () => {
    const plan = matchPhotos(
      [row(2, 'Glow Drops serum'), row(3, 'Serum by Glow Drops')],
      photos('glow.jpg', 'glow-drops.jpg', 'serum.jpg'),
      options,
    );
    expect(pairs(plan)).toEqual([
      [2, 'glow-drops.jpg'],
      [3, 'serum.jpg'],
    ]);
  });

  it('calls out two photos with the same name instead of picking one', () => {
    const plan = matchPhotos([row(2, 'Glow serum')], photos('glow.jpg', 'Glow.png'), options);
    expect(plan.matches).toEqual([]);
    expect(plan.unmatched[0]?.reason).toMatch(/2 photos have the same name \(glow\.jpg, Glow\.png\)/);
    expect(plan.unused).toHaveLength(2);
  });

  it('explains rows with no description or no matching name', () => {
    const plan = matchPhotos([row(2, ''), row(3, 'Something else')], photos('glow.jpg'), options);
    expect(plan.unmatched.map((entry) => [entry.row.rowNumber, entry.reason])).toEqual([
      [2, expect.stringMatching(/no Product description/)],
      [3, expect.stringMatching(/no photo name found/)],
    ]);
    expect(plan.hint).toMatch(/rename the photos/);
  });

  it('never matches numbered photos by name, and suggests matching by order', () => {
    const plan = matchPhotos([row(2, 'Serum 1, 30 ml')], photos('1.jpg', '30.jpg'), options);
    expect(plan.matches).toEqual([]);
    expect(plan.hint).toMatch(/by order/);
  });

  it('leaves rows that have a photo alone unless told to replace', () => {
    const rows = [row(2, 'Glow serum', PHOTO_LINK), row(3, 'Glow cream')];
    const kept = matchPhotos(rows, photos('glow.jpg'), options);
    expect(pairs(kept)).toEqual([[3, 'glow.jpg']]);
    expect(kept.kept.map((entry) => entry.rowNumber)).toEqual([2]);
    const replaced = matchPhotos(rows, photos('glow.jpg'), { mode: 'name', replaceExisting: true });
    expect(replaced.matches.map((match) => [match.row.rowNumber, match.replaces])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(replaced.kept).toEqual([]);
  });
});

describe('matching by order', () => {
  const options = { mode: 'order' as const, replaceExisting: false };

  it('gives the photos in natural name order to the rows without a photo, top down', () => {
    const plan = matchPhotos(
      [row(4, 'c'), row(2, 'a'), row(3, 'b', PHOTO_LINK), row(5, 'd')],
      photos('10.jpg', '2.jpg', '1.jpg'),
      options,
    );
    expect(pairs(plan)).toEqual([
      [2, '1.jpg'],
      [4, '2.jpg'],
      [5, '10.jpg'],
    ]);
    expect(plan.kept.map((entry) => entry.rowNumber)).toEqual([3]);
    expect(plan.photos.map((photo) => photo.name)).toEqual(['1.jpg', '2.jpg', '10.jpg']);
  });

  it('with more photos than rows, names the photos left over', () => {
    const plan = matchPhotos([row(2, 'a')], photos('a.jpg', 'b.jpg', 'c.jpg'), options);
    expect(pairs(plan)).toEqual([[2, 'a.jpg']]);
    expect(plan.unused.map((photo) => photo.name)).toEqual(['b.jpg', 'c.jpg']);
    expect(plan.hint).toMatch(/3 photos for 1 row/);
  });

  it('with fewer photos than rows, says which rows get none and why', () => {
    const plan = matchPhotos([row(2, 'a'), row(3, 'b'), row(4, 'c')], photos('a.jpg'), options);
    expect(pairs(plan)).toEqual([[2, 'a.jpg']]);
    expect(plan.unmatched.map((entry) => entry.row.rowNumber)).toEqual([3, 4]);
    expect(plan.unmatched[0]?.reason).toMatch(
      /no photo left for this row: the folder has 1 photo for 3 rows/,
    );
  });

  it('gives nothing and blames nothing when every row has a photo', () => {
    const plan = matchPhotos([row(2, 'a', PHOTO_LINK)], photos('a.jpg'), options);
    expect(plan.matches).toEqual([]);
    expect(plan.unmatched).toEqual([]);
    expect(plan.unused).toHaveLength(1);
    expect(plan.hint).toBeNull();
  });
});
