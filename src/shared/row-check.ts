/**
 * Is a Batch row ready to run, and if not, what should its Status cell tell Jenny? Pure and shared: the
 * server's onEdit and Set up sheet write these texts into the sheet, and the sidebar's batch check lists
 * the same reasons. No network here, so a short link is "ready" until the batch resolves it.
 */
import { checkLink, findDuplicates, MAX_LINKS_PER_BATCH, validateBatchSize, type LinkCheck } from './links';
import { parsePhotoRef, type PhotoRef } from './photo-ref';
import { findSlideFolder } from './slide-folder';

export const MIN_VARIATIONS = 1;
export const MAX_VARIATIONS = 10;

export const STATUS_READY = 'Ready';
export const STATUS_READY_SHORT_LINK = 'Ready (short link, will be checked at start)';
export const STATUS_READY_SLIDE_FOLDER = 'Ready (slides from a Drive folder)';

/** A raw cell value as a sheet gives it: display text, or a number when read as a value. */
export type RawCell = string | number | boolean | null | undefined;

export interface RowCheckInput {
  /** The row's identity (its hidden id); anything unique works for a one-off check. */
  readonly rowId: string;
  /** Where the row is now: messages name rows by number ("Duplicate of row 3"). */
  readonly rowNumber: number;
  readonly link: string;
  readonly photo: string;
  readonly description: string;
  /** The per-row override cells as written; empty means the sidebar's number. */
  readonly photoVariations: RawCell;
  readonly textVariations: RawCell;
  /**
   * False for a row a batch already holds (Queued, Done, ...): it still makes later rows with the same
   * post duplicates, but it does not take a place under the batch-size limit. Default true.
   */
  readonly countsTowardLimit?: boolean;
}

export type VariationField = 'photo' | 'text';

export type RowProblem =
  | { readonly kind: 'link-missing' }
  | { readonly kind: 'link-invalid'; readonly message: string }
  | { readonly kind: 'duplicate'; readonly firstRowId: string; readonly firstRowNumber: number }
  | { readonly kind: 'photo-missing' }
  | { readonly kind: 'photo-invalid'; readonly message: string }
  | { readonly kind: 'description-missing' }
  | { readonly kind: 'variations-invalid'; readonly field: VariationField; readonly raw: string }
  | { readonly kind: 'over-limit'; readonly position: number; readonly max: number };

export interface RowCheck {
  readonly rowId: string;
  readonly rowNumber: number;
  /** True when the row can go into this batch. */
  readonly ready: boolean;
  /** The Status cell text: "Ready", or the first problem in a sentence Jenny can act on. */
  readonly status: string;
  /** Every problem, most important first (the sidebar may list them all). */
  readonly problems: readonly RowProblem[];
  readonly link: LinkCheck;
  readonly photo: PhotoRef;
  /** The valid per-row overrides; null when empty or invalid (an invalid one is a problem above). */
  readonly photoVariations: number | null;
  readonly textVariations: number | null;
}

export interface BatchCheck {
  /** In sheet order. */
  readonly rows: readonly RowCheck[];
  /** Rows that will run (ready and within the limit). */
  readonly readyCount: number;
  /** Rows that would be ready but are past the limit. */
  readonly overLimitCount: number;
  /** The batch-size message when ready rows exceed the limit, else null. */
  readonly limitMessage: string | null;
}

export interface CheckOptions {
  /** At most this many links per batch (default 100). */
  readonly maxLinks?: number;
  /** Short URL → post id for short links already resolved, so their duplicates are found too. */
  readonly resolvedShortLinks?: ReadonlyMap<string, string>;
}

/** Checks every row, duplicates across rows and the batch-size limit. Never throws. */
export function checkRows(inputs: readonly RowCheckInput[], options: CheckOptions = {}): BatchCheck {
  const max = options.maxLinks ?? MAX_LINKS_PER_BATCH;
  const rows = [...inputs].sort((a, b) => a.rowNumber - b.rowNumber);
  const links = rows.map((row) => checkLink(row.link));
  const duplicates = findDuplicates(
    rows.map((row, i) => ({ rowId: row.rowId, rowNumber: row.rowNumber, check: links[i] as LinkCheck })),
    options.resolvedShortLinks,
  );

  let position = 0;
  let overLimitCount = 0;
  const checked = rows.map((row, i) => {
    const link = links[i] as LinkCheck;
    const photo = parsePhotoRef(row.photo);
    const photoVariations = parseVariationOverride(row.photoVariations);
    const textVariations = parseVariationOverride(row.textVariations);
    const problems = problemsOf(row, link, photo, { photoVariations, textVariations });
    const slideFolder = link.status === 'invalid' && findSlideFolder(row.link) !== null;
    const duplicate = duplicates.get(row.rowId);
    if (duplicate) {
      // Right after the link's own problems: a duplicate row is skipped whatever else it lacks.
      const at = problems.findIndex((p) => p.kind !== 'link-missing' && p.kind !== 'link-invalid');
      problems.splice(at === -1 ? problems.length : at, 0, {
        kind: 'duplicate',
        firstRowId: duplicate.firstRowId,
        firstRowNumber: duplicate.firstRowNumber,
      });
    }
    if (problems.length === 0 && row.countsTowardLimit !== false) {
      position += 1;
      if (position > max) {
        overLimitCount += 1;
        problems.push({ kind: 'over-limit', position, max });
      }
    }
    return {
      rowId: row.rowId,
      rowNumber: row.rowNumber,
      ready: problems.length === 0,
      status: slideFolder && problems.length === 0 ? STATUS_READY_SLIDE_FOLDER : statusOf(problems, link),
      problems,
      link,
      photo,
      photoVariations: photoVariations.ok ? photoVariations.value : null,
      textVariations: textVariations.ok ? textVariations.value : null,
    };
  });
  const size = validateBatchSize(position, max);
  return {
    rows: checked,
    readyCount: position - overLimitCount,
    overLimitCount,
    limitMessage: position > max && !size.ok ? size.message : null,
  };
}

type Override =
  { readonly ok: true; readonly value: number | null } | { readonly ok: false; readonly raw: string };

/** An override cell: empty (the sidebar's number), or a whole number from 1 to 10. */
export function parseVariationOverride(raw: RawCell): Override {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  const text = String(raw).trim();
  if (text === '') return { ok: true, value: null };
  // A number cell formatted with decimals reads "3.00" as display text.
  const value = typeof raw === 'number' ? raw : /^\d+(?:\.0+)?$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(value) && value >= MIN_VARIATIONS && value <= MAX_VARIATIONS) {
    return { ok: true, value };
  }
  return { ok: false, raw: text };
}

function problemsOf(
  row: RowCheckInput,
  link: LinkCheck,
  photo: PhotoRef,
  overrides: { photoVariations: Override; textVariations: Override },
): RowProblem[] {
  const problems: RowProblem[] = [];
  // A Drive folder of slide images stands in for the link (see slide-folder.ts).
  if (link.status === 'invalid' && !findSlideFolder(row.link)) {
    problems.push(
      link.reason === 'empty' ? { kind: 'link-missing' } : { kind: 'link-invalid', message: link.message },
    );
  }
  if (photo.kind === 'missing') problems.push({ kind: 'photo-missing' });
  if (photo.kind === 'invalid') problems.push({ kind: 'photo-invalid', message: photo.message });
  if (row.description.trim() === '') problems.push({ kind: 'description-missing' });
  if (!overrides.photoVariations.ok) {
    problems.push({ kind: 'variations-invalid', field: 'photo', raw: overrides.photoVariations.raw });
  }
  if (!overrides.textVariations.ok) {
    problems.push({ kind: 'variations-invalid', field: 'text', raw: overrides.textVariations.raw });
  }
  return problems;
}

function statusOf(problems: readonly RowProblem[], link: LinkCheck): string {
  const first = problems[0];
  if (!first) return link.status === 'short' ? STATUS_READY_SHORT_LINK : STATUS_READY;
  const second = problems[1];
  if (first.kind === 'photo-missing' && second?.kind === 'description-missing') {
    return 'Missing product photo and description: add a Google Drive link to the photo and a sentence or two about the product.';
  }
  return problemText(first);
}

/** One problem as a Status sentence. */
export function problemText(problem: RowProblem): string {
  switch (problem.kind) {
    case 'link-missing':
      return 'Missing link: paste a TikTok post link in the Link column (open the slideshow in TikTok and use Share → Copy link).';
    case 'link-invalid':
      return `Invalid link: ${lowerFirst(problem.message)}`;
    case 'duplicate':
      return `Duplicate of row ${problem.firstRowNumber}: the same TikTok post is already there, so this row is skipped.`;
    case 'photo-missing':
      return 'Missing product photo: put a Google Drive link to the photo (or an https image link) in the Product photo column.';
    case 'photo-invalid':
      return `Invalid product photo: ${problem.message}`;
    case 'description-missing':
      return 'Missing description: write a sentence or two about the product in the Product description column.';
    case 'variations-invalid':
      return `Invalid ${problem.field} variations (${problem.raw}): use a whole number from ${MIN_VARIATIONS} to ${MAX_VARIATIONS}, or leave the cell empty to use the sidebar's choice.`;
    case 'over-limit':
      return `Over the batch limit: one batch takes at most ${problem.max} links and this is link ${problem.position}. It can go in the next batch.`;
  }
}

/** "This is …" → "this is …", but "TikTok …" stays as it is. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** How every status the row check writes begins; anything else in a Status cell belongs to a batch. */
const CHECK_STATUS_PREFIXES = ['ready', 'invalid ', 'missing ', 'duplicate of row', 'over the batch limit'];

/**
 * True when a Status cell shows what the row check wrote (or nothing), so a new check may replace it.
 * False for a batch state (Queued, Generating 3/6, Done, Failed: …, Paused, Cancelled, or any other text):
 * onEdit keeps those unless the row's Link, photo or description changed.
 */
export function isCheckStatus(status: string): boolean {
  // Ignoring case: Jenny typing "ready" by hand has not started a batch.
  const text = status.trim().toLowerCase();
  return text === '' || CHECK_STATUS_PREFIXES.some((prefix) => text.startsWith(prefix));
}
