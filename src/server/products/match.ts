/**
 * Which photo of a folder goes to which row (FR3), before anything is written. Pure.
 *
 * - By file name: a photo goes to every row whose Product description contains the photo's name
 *   without its extension, compared word by word ignoring case, accents, spaces, "-" and "_":
 *   "glow-drops.jpg", "Glow Drops.png" and "GlowDrops.jpg" all fit "Glow Drops: a vitamin C serum".
 *   One photo may serve many rows (the same product on several links). When several names fit one
 *   row, the one found first in the description wins, then the longer one ("glow-drops" over "glow").
 *   Names that are only a number (1.jpg) never match by name: they are what "by order" is for.
 * - By order: the photos in natural name order (2 before 10) go to the rows that need a photo, top
 *   to bottom, one each.
 *
 * Rows that already have a photo are left alone unless `replaceExisting` is set.
 */

export type MatchMode = 'name' | 'order';

export interface MatchRow {
  rowId: string;
  rowNumber: number;
  link: string;
  photo: string;
  description: string;
}

export interface MatchPhoto {
  id: string;
  name: string;
}

export interface MatchPlan<Row extends MatchRow = MatchRow, Photo extends MatchPhoto = MatchPhoto> {
  matches: { row: Row; photo: Photo; replaces: boolean }[];
  unmatched: { row: Row; reason: string }[];
  /** Photos no row got, in name order. */
  unused: Photo[];
  /** Rows with a photo already, left alone. */
  kept: Row[];
  /** Every photo, in name order. */
  photos: Photo[];
  hint: string | null;
}

/** The shortest name (letters and digits, without separators) that may match by name. */
export const MIN_NAME_KEY_LENGTH = 3;

/** Natural order: "2.jpg" before "10.jpg", case ignored; the id breaks ties so the order is stable. */
export function naturalPhotoOrder(a: MatchPhoto, b: MatchPhoto): number {
  const byName = a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });
  if (byName !== 0) return byName;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Lower-case words of letters and digits, accents removed: "Crème-Glow_2" → ["creme", "glow", "2"]. */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** The file name without its extension ("glow.drops.jpg" → "glow.drops"). */
export function fileStem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** What a photo's name is compared by: its words joined ("glow-drops.jpg" → "glowdrops"). */
export function nameKey(name: string): string {
  return nameWords(fileStem(name)).join('');
}

/** Whether a key may match by name: long enough, and not only a number. */
export function isNameKey(key: string): boolean {
  return key.length >= MIN_NAME_KEY_LENGTH && !/^\p{N}+$/u.test(key);
}

/**
 * Where `key` starts in the description, in words, or -1. The key must cover whole words: "glow"
 * fits "Glow Drops" but not "Glowing".
 */
export function findKey(descriptionWords: readonly string[], key: string): number {
  for (let start = 0; start < descriptionWords.length; start++) {
    let joined = '';
    for (let end = start; end < descriptionWords.length; end++) {
      joined += descriptionWords[end];
      if (joined === key) return start;
      if (joined.length >= key.length || !key.startsWith(joined)) break;
    }
  }
  return -1;
}

function hasPhoto(row: MatchRow): boolean {
  return row.photo.trim() !== '';
}

export function matchPhotos<Row extends MatchRow, Photo extends MatchPhoto>(
  rows: readonly Row[],
  photos: readonly Photo[],
  options: { mode: MatchMode; replaceExisting: boolean },
): MatchPlan<Row, Photo> {
  const ordered = [...photos].sort(naturalPhotoOrder);
  const sortedRows = [...rows].sort((a, b) => a.rowNumber - b.rowNumber);
  const kept = options.replaceExisting ? [] : sortedRows.filter(hasPhoto);
  const targets = options.replaceExisting ? sortedRows : sortedRows.filter((row) => !hasPhoto(row));
  const plan = options.mode === 'order' ? matchByOrder(targets, ordered) : matchByName(targets, ordered);
  const used = new Set(plan.matches.map((match) => match.photo.id));
  return {
    ...plan,
    unused: ordered.filter((photo) => !used.has(photo.id)),
    kept,
    photos: ordered,
    hint: hintFor(options.mode, ordered, targets, plan.matches.length),
  };
}

type RowsMatched<Row extends MatchRow, Photo extends MatchPhoto> = Pick<
  MatchPlan<Row, Photo>,
  'matches' | 'unmatched'
>;

function matchByOrder<Row extends MatchRow, Photo extends MatchPhoto>(
  targets: readonly Row[],
  photos: readonly Photo[],
): RowsMatched<Row, Photo> {
  const matches: MatchPlan<Row, Photo>['matches'] = [];
  const unmatched: MatchPlan<Row, Photo>['unmatched'] = [];
  targets.forEach((row, index) => {
    const photo = photos[index];
    if (photo) matches.push({ row, photo, replaces: hasPhoto(row) });
    else
      unmatched.push({
        row,
        reason: `no photo left for this row: the folder has ${countText(photos.length, 'photo')} for ${countText(targets.length, 'row')}.`,
      });
  });
  return { matches, unmatched };
}

function matchByName<Row extends MatchRow, Photo extends MatchPhoto>(
  targets: readonly Row[],
  photos: readonly Photo[],
): RowsMatched<Row, Photo> {
  const byKey = new Map<string, Photo[]>();
  for (const photo of photos) {
    const key = nameKey(photo.name);
    if (!isNameKey(key)) continue;
    const group = byKey.get(key);
    if (group) group.push(photo);
    else byKey.set(key, [photo]);
  }
  const matches: MatchPlan<Row, Photo>['matches'] = [];
  const unmatched: MatchPlan<Row, Photo>['unmatched'] = [];
  for (const row of targets) {
    const words = nameWords(row.description);
    if (words.length === 0) {
      unmatched.push({ row, reason: 'no Product description to find a photo name in.' });
      continue;
    }
    let best: { key: string; at: number } | null = null;
    for (const key of byKey.keys()) {
      const at = findKey(words, key);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && key.length > best.key.length)) best = { key, at };
    }
    const group = best ? (byKey.get(best.key) ?? []) : [];
    const [photo, ...others] = group;
    if (!photo) {
      unmatched.push({ row, reason: 'no photo name found in its Product description.' });
    } else if (others.length > 0) {
      const names = group.map((candidate) => candidate.name).join(', ');
      unmatched.push({
        row,
        reason: `${group.length} photos have the same name (${names}): rename or remove all but one.`,
      });
    } else {
      matches.push({ row, photo, replaces: hasPhoto(row) });
    }
  }
  return { matches, unmatched };
}

function hintFor(
  mode: MatchMode,
  photos: readonly MatchPhoto[],
  targets: readonly MatchRow[],
  matched: number,
): string | null {
  if (photos.length === 0) return null;
  if (mode === 'name' && matched === 0) {
    const numbered = photos.every((photo) => !isNameKey(nameKey(photo.name)));
    return numbered
      ? 'These photos are named by number, not by product: match them by order instead.'
      : 'No photo name was found in any description: rename the photos after the products (e.g. glow-drops.jpg for "Glow Drops …"), or match by order.';
  }
  if (mode === 'order' && photos.length !== targets.length && targets.length > 0) {
    return `The folder has ${countText(photos.length, 'photo')} for ${countText(targets.length, 'row')} that need one: check that each photo is in the right place.`;
  }
  return null;
}

function countText(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
