/**
 * Single link mode (FR1): one row run at once, through the batch's own machinery (a batch of that one
 * row, pumped by the sidebar), shown as the steps of one link and then its slides as small previews.
 *
 * The row is either the one selected in the Batch sheet, or a link, photo and description typed in the
 * sidebar, which become a new row at the bottom of the sheet (written as plain text) before it runs.
 * Which batch is a single run is remembered in the document's properties, so a reopened sidebar shows
 * the same screen.
 */
import { BATCH_SHEET_NAME } from '../../shared/app';
import { findDuplicates } from '../../shared/links';
import { checkRows, problemText, type RowProblem } from '../../shared/row-check';
import type {
  SelectedRowView,
  SingleRunView,
  SingleStartInput,
  SingleStepView,
  ThumbnailsView,
  ThumbnailView,
} from '../../shared/rpc';
import { authHeader, fileUrl, folderUrl, getFileRequest } from '../drive';
import { findRow } from '../engine/batch';
import { LOCK_WAIT_MS } from '../engine/limits';
import { readProgress, rowStatus, type Progress } from '../engine/progress';
import type { BatchState, EngineRequest, ItemRecord, RowRecord } from '../engine/types';
import { GasBatchSheet } from '../gas/batch-sheet';
import { urlFetchHttp } from '../gas/http';
import { documentLock } from '../gas/lock';
import { sheetStateStore } from '../gas/state-sheet';
import { readApiKey, readSettings } from '../settings/store';
import { findColumns } from '../sheet/layout';
import { rowIdFromUuid } from '../sheet/row-ids';
import { writeTextCells } from '../sheet/sheet-io';
import { asResult, fromSpec } from '../slideshow/http';
import { imageInfo, base64Bytes } from '../slideshow/image-info';
import { sizedThumbnail } from '../slideshow/product-photo';
import { FoldersResultSchema, ImageResultSchema } from '../slideshow/results';
import { slideshowBatch, slideshowBinding } from '../slideshow/service';
import { classifyDriveResponse } from '../drive';

export const SINGLE_RUN_PROPERTY = 'slideshowRemix.singleRun';
/** At most this many previews per call: one slideshow's worth (TikTok's are 3–10 slides, rarely more). */
export const MAX_THUMBNAILS = 12;
/** Long side of a preview, in pixels: three fit across the 300-pixel sidebar, sharp on a 2× screen. */
export const THUMBNAIL_SIZE = 240;
/** A preview larger than this is left out (Drive's are 10–20 KB at this size). */
export const MAX_THUMBNAIL_BYTES = 60_000;
/** All previews of one answer together stay under this. */
export const MAX_THUMBNAILS_TOTAL_BYTES = 480_000;

export interface SingleState {
  progress: Progress | null;
  /** The single run, when the current batch is one; null otherwise. */
  run: SingleRunView | null;
}

export type SingleStartResult =
  | { ok: true; rowNumber: number; progress: Progress; run: SingleRunView | null }
  | { ok: false; field: 'link' | 'photo' | 'description' | 'row'; message: string };

interface Marker {
  batchId: string;
  rowId: string;
}

function readMarker(): Marker | null {
  const text = PropertiesService.getDocumentProperties().getProperty(SINGLE_RUN_PROPERTY);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Marker>;
    return typeof value.batchId === 'string' && typeof value.rowId === 'string'
      ? { batchId: value.batchId, rowId: value.rowId }
      : null;
  } catch {
    return null;
  }
}

function loadState(): BatchState | null {
  return sheetStateStore(SpreadsheetApp.getActiveSpreadsheet()).load();
}

/** The row of the single run in this state, if the state is the single run's batch. */
function singleRow(state: BatchState | null): RowRecord | null {
  const marker = readMarker();
  if (!state || !marker || state.meta.id !== marker.batchId) return null;
  return findRow(state, marker.rowId) ?? null;
}

// ---------------------------------------------------------------------------------------------------
// The selected row

function nothing(message: string): SelectedRowView {
  return { rowId: null, rowNumber: null, link: '', ready: false, message };
}

/** The row selected in the Batch sheet, checked as the Status column checks it. */
export function selectedRow(): SelectedRowView {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  if (!sheet) return nothing('There is no Batch sheet yet: use Set up sheet first, or type a link below.');
  const active = spreadsheet.getActiveSheet();
  if (active.getSheetId() !== sheet.getSheetId()) {
    return nothing('No row of the Batch sheet is selected: click a row with a link in the Batch sheet.');
  }
  const range = spreadsheet.getActiveRange();
  const top = Math.max(2, range?.getRow() ?? 1);
  const bottom = range ? range.getRow() + range.getNumRows() - 1 : 1;
  if (bottom < 2) return nothing('The header row is selected: click a row with a link below it.');
  if (bottom > top) {
    return nothing(`Rows ${top} to ${bottom} are selected: click just one row to run it on its own.`);
  }
  const settings = readSettings();
  const check = new GasBatchSheet(spreadsheet).readRowChecks({ maxLinks: settings.maxLinksPerBatch });
  const entry = check.rows.find((candidate) => candidate.check.rowNumber === top);
  if (!entry) return nothing(`Row ${top} is empty: click a row with a link, a photo and a description.`);
  return {
    rowId: entry.row.rowId,
    rowNumber: top,
    link: entry.row.link,
    ready: entry.check.ready,
    message: entry.check.status,
  };
}

// ---------------------------------------------------------------------------------------------------
// Starting

function fieldOf(problem: RowProblem): 'link' | 'photo' | 'description' | 'row' {
  switch (problem.kind) {
    case 'link-missing':
    case 'link-invalid':
    case 'duplicate':
      return 'link';
    case 'photo-missing':
    case 'photo-invalid':
      return 'photo';
    case 'description-missing':
      return 'description';
    default:
      return 'row';
  }
}

type Added = { ok: true; rowId: string; rowNumber: number } | Extract<SingleStartResult, { ok: false }>;

/** Writes a typed link, photo and description as a new row at the bottom of the Batch sheet. */
function addRow(input: SingleStartInput): Added {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(BATCH_SHEET_NAME);
  if (!sheet) {
    return { ok: false, field: 'row', message: 'There is no Batch sheet yet: use Set up sheet first.' };
  }
  const link = String(input.link ?? '').trim();
  const photo = String(input.photo ?? '').trim();
  const description = String(input.description ?? '').trim();
  const settings = readSettings();
  const existing = new GasBatchSheet(spreadsheet).readRowChecks({ maxLinks: settings.maxLinksPerBatch });
  const lock = documentLock();
  if (!lock.acquire(LOCK_WAIT_MS)) {
    return { ok: false, field: 'row', message: 'The add-on is busy saving; try again in a few seconds.' };
  }
  try {
    const rowNumber = Math.max(2, sheet.getLastRow() + 1);
    const [one] = checkRows([
      { rowId: 'new', rowNumber, link, photo, description, photoVariations: null, textVariations: null },
    ]).rows;
    const problem = one?.problems[0];
    if (!one || problem) {
      return problem
        ? { ok: false, field: fieldOf(problem), message: problemText(problem) }
        : { ok: false, field: 'row', message: 'This link could not be checked.' };
    }
    const duplicate = findDuplicates([
      ...existing.rows.map(({ row, check }) => ({
        rowId: row.rowId,
        rowNumber: check.rowNumber,
        check: check.link,
      })),
      { rowId: 'new', rowNumber, check: one.link },
    ]).get('new');
    if (duplicate) {
      const at = duplicate.firstRowNumber;
      return {
        ok: false,
        field: 'link',
        message: `This TikTok post is already in row ${at} of the Batch sheet. To run it again, click row ${at} in the sheet and choose “The row selected in the sheet” (change its photo or description there first if you like).`,
      };
    }
    const layout = findColumns(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getDisplayValues()[0] ?? []);
    const rowId = rowIdFromUuid(Utilities.getUuid());
    // As text, escaped where Sheets would read it as a formula, a number or a date (cell-text.ts).
    writeTextCells(sheet, [
      { rowNumber, column: layout.link, value: link },
      { rowNumber, column: layout.photo, value: photo },
      { rowNumber, column: layout.description, value: description },
      { rowNumber, column: layout.status, value: one.status },
      { rowNumber, column: layout.rowId, value: rowId },
    ]);
    return { ok: true, rowId, rowNumber };
  } finally {
    lock.release();
  }
}

function variations(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10
    ? value
    : undefined;
}

/** Runs one row at once: the selected one (`rowId`), or the typed link, photo and description. */
export function startSingle(input: SingleStartInput): SingleStartResult {
  // Said before anything is written, so a refused start leaves no new row behind.
  const current = slideshowBatch.progress();
  if (current && (current.status === 'running' || current.status === 'paused')) {
    return {
      ok: false,
      field: 'row',
      message: 'A batch is running: wait for it to finish, or cancel it, before running a single link.',
    };
  }
  if (!readApiKey()) {
    return {
      ok: false,
      field: 'row',
      message: 'No Gemini API key is saved yet: open Settings, paste your key and press Save.',
    };
  }
  let rowId: string;
  let rowNumber: number;
  if (typeof input.rowId === 'string' && input.rowId !== '') {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (!spreadsheet.getSheetByName(BATCH_SHEET_NAME)) {
      return { ok: false, field: 'row', message: 'There is no Batch sheet yet: use Set up sheet first.' };
    }
    const check = new GasBatchSheet(spreadsheet).readRowChecks({
      maxLinks: readSettings().maxLinksPerBatch,
    });
    const entry = check.rows.find((candidate) => candidate.row.rowId === input.rowId);
    if (!entry) {
      return {
        ok: false,
        field: 'row',
        message: 'That row is no longer in the Batch sheet (it was emptied or deleted): click a row again.',
      };
    }
    if (!entry.check.ready) {
      return { ok: false, field: 'row', message: `Row ${entry.check.rowNumber}: ${entry.check.status}` };
    }
    rowId = input.rowId;
    rowNumber = entry.check.rowNumber;
  } else {
    const added = addRow(input);
    if (!added.ok) return added;
    rowId = added.rowId;
    rowNumber = added.rowNumber;
  }
  const started = slideshowBatch.start({
    rowIds: [rowId],
    photoVariations: variations(input.photoVariations),
    textVariations: variations(input.textVariations),
  });
  PropertiesService.getDocumentProperties().setProperty(
    SINGLE_RUN_PROPERTY,
    JSON.stringify({ batchId: started.progress.batchId, rowId }),
  );
  // Jenny sees the row the link is in.
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(BATCH_SHEET_NAME);
  if (sheet) sheet.getRange(rowNumber, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
  const state = loadState();
  const row = singleRow(state);
  return {
    ok: true,
    rowNumber,
    progress: started.progress,
    run: state && row ? runView(state, row) : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Following it

const FETCH_KINDS = new Set(['resolve', 'ingest', 'source', 'product', 'folders', 'slides', 'files']);

interface StepGroup {
  key: SingleStepView['key'];
  label: string;
  items: ItemRecord[];
}

function groupsOf(row: RowRecord): StepGroup[] {
  const of = (kind: string) => row.items.filter((item) => item.kind === kind);
  return [
    {
      key: 'fetch',
      label: 'Fetch the slideshow and your photo',
      items: row.items.filter((item) => FETCH_KINDS.has(item.kind)),
    },
    { key: 'analyze', label: 'Analyze the slides', items: of('analysis') },
    { key: 'write', label: 'Write the new texts', items: of('copy') },
    { key: 'images', label: 'Make the new slides', items: of('image') },
    { key: 'save', label: 'Save to Drive', items: of('save') },
  ];
}

function stepsOf(row: RowRecord): SingleStepView[] {
  const groups = groupsOf(row);
  // A group is done once it exists and all of it is done; the later groups are planned only after the
  // slideshow is known, so the fetch step is done only when the analysis has been planned too.
  const done = groups.map(
    (group, index) =>
      group.items.length > 0 &&
      group.items.every((item) => item.state === 'done') &&
      (index > 0 || (groups[1]?.items.length ?? 0) > 0),
  );
  const firstOpen = row.state === 'completed' ? -1 : done.findIndex((isDone) => !isDone);
  return groups.map((group, index) => {
    let state: SingleStepView['state'] = 'waiting';
    if (done[index] || row.state === 'completed') state = 'done';
    else if (index === firstOpen) {
      if (row.state === 'failed') state = 'failed';
      else if (row.state === 'active') state = 'active';
    }
    let detail: string | null = null;
    if (group.key === 'images' && group.items.length > 0) {
      detail = `${group.items.filter((item) => item.state === 'done').length} of ${group.items.length}`;
    }
    if (group.key === 'write' && group.items.length > 1) {
      detail = `${group.items.filter((item) => item.state === 'done').length} of ${group.items.length}`;
    }
    return { key: group.key, label: group.label, state, detail };
  });
}

function runView(state: BatchState, row: RowRecord): SingleRunView {
  const images = row.items.filter((item) => item.kind === 'image');
  const url = row.output?.url ?? null;
  return {
    batchId: state.meta.id,
    rowId: row.rowId,
    link: row.link,
    label: row.label ?? null,
    rowState: row.state,
    statusText: rowStatus(state, row, slideshowBinding.job),
    steps: stepsOf(row),
    imagesDone: images.filter((item) => item.state === 'done').length,
    imagesTotal: images.length,
    variations: row.photoVariations * row.textVariations,
    folderUrl: url && /^https:\/\//i.test(url) ? url : null,
    error: row.state === 'failed' ? (row.error ?? 'Failed') : null,
  };
}

/** The batch's progress and, when it is a single run, that run: what a reopened sidebar shows. */
export function singleState(): SingleState {
  const state = loadState();
  const row = singleRow(state);
  return {
    progress: state ? readProgress(state, Date.now()) : null,
    run: state && row ? runView(state, row) : null,
  };
}

/** One sidebar call's worth of work (the batch's own pump), then the run as it is now. */
export function pumpSingle(): SingleState {
  const progress = slideshowBatch.pump();
  const state = loadState();
  const row = singleRow(state);
  return { progress, run: state && row ? runView(state, row) : null };
}

// ---------------------------------------------------------------------------------------------------
// Previews

function slideIndex(item: ItemRecord): number {
  return Number(/:s(\d+)$/.exec(item.id)?.[1] ?? '0');
}

function thumbnailRequest(url: string, token: string): EngineRequest {
  return { url, method: 'get', headers: authHeader(token) };
}

/**
 * Small previews of one variation's slides of the single run (the first when none is named): Drive's
 * own preview of each saved image, fetched with the user's token, as data: URLs. At most MAX_THUMBNAILS,
 * each under MAX_THUMBNAIL_BYTES, all under MAX_THUMBNAILS_TOTAL_BYTES.
 */
export function singleThumbnails(variation?: number): ThumbnailsView {
  const state = loadState();
  const row = singleRow(state);
  if (!row) throw new Error('There is no single link run to show: run a link first.');
  const textVariations = Math.max(1, row.textVariations);
  const count = Math.max(1, row.photoVariations * textVariations);
  const wanted = typeof variation === 'number' && Number.isFinite(variation) ? Math.round(variation) : 1;
  const number = Math.min(count, Math.max(1, wanted));
  const photo = Math.floor((number - 1) / textVariations) + 1;
  const text = ((number - 1) % textVariations) + 1;
  const prefix = `image:p${photo}:t${text}:s`;
  const slides = row.items
    .filter((item) => item.kind === 'image' && item.id.startsWith(prefix))
    .sort((a, b) => slideIndex(a) - slideIndex(b));
  const folders = FoldersResultSchema.safeParse(row.items.find((item) => item.kind === 'folders')?.result);
  const variationFolder = folders.success ? folders.data.variationFolderIds[number - 1] : undefined;
  const made = slides.flatMap((item) => {
    const result = item.state === 'done' ? ImageResultSchema.safeParse(item.result) : null;
    return result?.success ? [{ index: slideIndex(item), image: result.data }] : [];
  });
  const shown = made.slice(0, MAX_THUMBNAILS);
  const base: Omit<ThumbnailsView, 'thumbnails' | 'note'> = {
    variation: number,
    variations: count,
    slideCount: slides.length,
    folderUrl: row.output?.url && /^https:\/\//i.test(row.output.url) ? row.output.url : null,
    variationFolderUrl: variationFolder ? folderUrl(variationFolder) : null,
  };
  if (shown.length === 0) {
    return { ...base, thumbnails: [], note: 'No slide of this variation has been made yet.' };
  }

  const token = ScriptApp.getOAuthToken();
  const now = Date.now();
  const metadata = urlFetchHttp.fetchAll(
    shown.map(({ image }) => fromSpec(getFileRequest(token, image.driveFileId, 'id,thumbnailLink'))),
  );
  const links = metadata.map((answer) => {
    const read = classifyDriveResponse(answer.status, asResult(answer).body, answer.headers, now);
    if (read.kind !== 'ok') return null;
    const link = (read.json as { thumbnailLink?: unknown }).thumbnailLink;
    return typeof link === 'string' ? sizedThumbnail(link, THUMBNAIL_SIZE) : null;
  });
  const wantedLinks = links.flatMap((link, index) => (link ? [{ link, index }] : []));
  const answers = urlFetchHttp.fetchAll(wantedLinks.map(({ link }) => thumbnailRequest(link, token)));
  const dataUrls = new Map<number, string>();
  let total = 0;
  answers.forEach((answer, position) => {
    const at = wantedLinks[position]?.index;
    if (at === undefined || answer.status !== 200) return;
    const base64 = answer.base64();
    const bytes = base64Bytes(base64);
    const format = imageInfo(base64).mimeType;
    if (format !== 'image/jpeg' && format !== 'image/png') return;
    if (bytes > MAX_THUMBNAIL_BYTES || total + bytes > MAX_THUMBNAILS_TOTAL_BYTES) return;
    total += bytes;
    dataUrls.set(at, `data:${format};base64,${base64}`);
  });
  const thumbnails: ThumbnailView[] = shown.map(({ index, image }, position) => ({
    index,
    name: image.name,
    dataUrl: dataUrls.get(position) ?? null,
    fileUrl: fileUrl(image.driveFileId),
  }));
  const missing = thumbnails.filter((thumbnail) => thumbnail.dataUrl === null).length;
  const notes: string[] = [];
  if (missing > 0) {
    notes.push(
      `Drive has no preview of ${missing === 1 ? 'one slide' : `${missing} slides`} yet (it makes them a few seconds after saving): press Show again, or open the folder.`,
    );
  }
  if (made.length > shown.length) {
    const more = made.length - shown.length;
    notes.push(`${more} more ${more === 1 ? 'slide is' : 'slides are'} in the folder.`);
  }
  return { ...base, thumbnails, note: notes.length > 0 ? notes.join(' ') : null };
}
