/**
 * The sidebar's Products screen (FR3): match a Drive folder of product photos to rows by file name or
 * by order (a preview first, then Apply writes exactly what was shown), upload photos from the computer
 * into a folder the add-on makes, and give one product to every row.
 *
 * Scopes: the folder Jenny names is read with drive.readonly; uploads go through Drive's REST API into
 * "Slideshow Remix product photos" in My Drive, a folder the add-on made (drive.file). One photo per
 * call, at most MAX_UPLOAD_BYTES, so no google.script.run call is huge.
 */
import { z } from 'zod';
import { BATCH_SHEET_NAME } from '../../shared/app';
import { isPhotoMimeType, PHOTO_TYPES_TEXT, uploadRefusal } from '../../shared/product-photos';
import type {
  ProductApplyResult,
  ProductFolderView,
  ProductForAllRequest,
  ProductMatchRequest,
  ProductMatchResult,
  ProductPhotoView,
  ProductRowView,
  ProductUploadFolderResult,
  ProductUploadRequest,
  ProductUploadResult,
  ProductApplyRequest,
} from '../../shared/rpc';
import { cleanName, fileUrl } from '../drive';
import { DailyQuotaError } from '../engine/ports';
import { GasBatchSheet } from '../gas/batch-sheet';
import { urlFetchHttp } from '../gas/http';
import type { BatchRowInput } from '../ports/sheet';
import {
  isDriveFileId,
  photoCellText,
  planMatchWrites,
  planProductForAll,
  type PlannedWrites,
} from '../products/apply';
import {
  createFolder,
  ensureProductPhotosFolder,
  readPhotoFolder,
  uploadPhoto,
  type DriveSession,
} from '../products/drive-calls';
import { readFolderInput, sortFolderFiles } from '../products/folder';
import { matchPhotos } from '../products/match';
import { MissingColumnsError, NoBatchSheetError, type BatchLayout } from '../sheet/layout';
import { readBatchSnapshot, writeStatuses, writeTextCells } from '../sheet/sheet-io';
import { planStatusRefresh } from '../sheet/status-refresh';
import { formatBatchStart } from '../slideshow/batch-time';
import { asResult, fromSpec } from '../slideshow/http';
import { base64Bytes, imageInfo } from '../slideshow/image-info';

/** The id of "Slideshow Remix product photos", per user: the folder uploads go into. */
export const PRODUCT_PHOTOS_FOLDER_PROPERTY = 'slideshowRemix.productPhotosFolderId';

/** What the batch is doing now ('running', 'completed', ...), or null when there is none. */
export type BatchStatusReader = () => string | null;

type Failure = { ok: false; message: string };

const BUSY_STATUSES = new Set(['running', 'paused', 'stopped']);

function driveSession(): DriveSession {
  return {
    token: ScriptApp.getOAuthToken(),
    now: () => Date.now(),
    send: (spec) => {
      const [response] = urlFetchHttp.fetchAll([fromSpec(spec)]);
      return response ? asResult(response) : { status: 0, body: '', headers: {} };
    },
  };
}

/** The errors a person can act on become the answer's message; anything else is a bug and is thrown. */
function guarded<T>(work: () => T | Failure): T | Failure {
  try {
    return work();
  } catch (error) {
    if (
      error instanceof NoBatchSheetError ||
      error instanceof MissingColumnsError ||
      error instanceof DailyQuotaError
    ) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

function busyMessage(batchStatus: BatchStatusReader): Failure | null {
  const status = batchStatus();
  return status !== null && BUSY_STATUSES.has(status)
    ? {
        ok: false,
        message:
          'A batch is not finished yet: let it finish (or cancel it) before changing product photos and descriptions.',
      }
    : null;
}

function batchSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(BATCH_SHEET_NAME);
  if (!sheet) throw new NoBatchSheetError();
  return sheet;
}

function photoView(photo: { id: string; name: string }): ProductPhotoView {
  return { fileId: photo.id, name: photo.name, url: fileUrl(photo.id) };
}

function rowView(row: BatchRowInput): ProductRowView {
  return { rowId: row.rowId, rowNumber: row.rowNumber, link: row.link };
}

const MatchRequestSchema = z.object({
  folder: z.string(),
  mode: z.enum(['name', 'order']),
  replaceExisting: z.boolean().default(false),
});

/** Reads the folder and the sheet and shows which photo would go to which row; writes nothing. */
export function previewProductMatch(request: ProductMatchRequest): ProductMatchResult {
  return guarded(() => {
    const parsed = MatchRequestSchema.safeParse(request);
    if (!parsed.success) return { ok: false, message: 'Choose a folder and how to match, then try again.' };
    const { folder: folderText, mode, replaceExisting } = parsed.data;
    const input = readFolderInput(folderText);
    if (!input.ok) return input;
    const rows = new GasBatchSheet(SpreadsheetApp.getActiveSpreadsheet()).readRows();
    const read = readPhotoFolder(driveSession(), input.id);
    if (!read.ok) return read;
    const { photos, skipped } = sortFolderFiles(read.value.files);
    const plan = matchPhotos(rows, photos, { mode, replaceExisting });
    let hint = plan.hint;
    if (photos.length === 0) {
      hint = `The folder "${read.value.folder.name}" has no photos (${PHOTO_TYPES_TEXT}) directly in it.`;
    } else if (rows.length === 0) {
      hint = 'The Batch sheet has no rows yet: paste your links first, then match the photos.';
    }
    const folder: ProductFolderView = read.value.folder;
    return {
      ok: true,
      folder,
      mode,
      replaceExisting,
      photos: plan.photos.map(photoView),
      matches: plan.matches.map((match) => ({
        ...rowView(match.row),
        photo: photoView(match.photo),
        replaces: match.replaces,
      })),
      unmatchedRows: plan.unmatched.map((entry) => ({ ...rowView(entry.row), reason: entry.reason })),
      unusedPhotos: plan.unused.map(photoView),
      skippedFiles: skipped,
      keptRows: plan.kept.length,
      hint,
    };
  });
}

/** Writes the planned cells, then the Status of the rows that changed (onEdit does not see script edits). */
function writePlanned(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: BatchLayout,
  plan: PlannedWrites,
): void {
  writeTextCells(sheet, plan.writes);
  const statuses = planStatusRefresh(plan.rowsAfter, {
    kind: 'edit',
    rows: plan.changedRows,
    coreInputEdited: true,
    inputEdited: true,
  });
  writeStatuses(sheet, layout, statuses);
}

function appliedMessage(plan: PlannedWrites): string {
  const parts: string[] = [];
  if (plan.photosWritten > 0)
    parts.push(`${plan.photosWritten} product photo${plan.photosWritten === 1 ? '' : 's'}`);
  if (plan.descriptionsWritten > 0) {
    parts.push(`${plan.descriptionsWritten} description${plan.descriptionsWritten === 1 ? '' : 's'}`);
  }
  if (parts.length === 0) return 'Nothing was written.';
  return `Wrote ${parts.join(' and ')} into the Batch sheet; each row's Status is up to date.`;
}

const ApplyRequestSchema = z.object({
  assignments: z.array(z.object({ rowId: z.string(), fileId: z.string() })).max(5000),
  replaceExisting: z.boolean().default(false),
});

/** Writes exactly the matching the preview showed (row id → Drive file), as Drive file links. */
export function applyProductMatch(
  request: ProductApplyRequest,
  batchStatus: BatchStatusReader,
): ProductApplyResult {
  return guarded(() => {
    const busy = busyMessage(batchStatus);
    if (busy) return busy;
    const parsed = ApplyRequestSchema.safeParse(request);
    if (!parsed.success) return { ok: false, message: 'Preview the matching again, then apply it.' };
    const sheet = batchSheet();
    const { layout, rows } = readBatchSnapshot(sheet, { withLinks: true });
    const plan = planMatchWrites(layout, rows, parsed.data.assignments, parsed.data.replaceExisting);
    writePlanned(sheet, layout, plan);
    const skippedText =
      plan.skipped.length > 0 ? ` ${plan.skipped.length} left as they were (listed below).` : '';
    return {
      ok: true,
      photosWritten: plan.photosWritten,
      descriptionsWritten: 0,
      skipped: plan.skipped,
      message: `${appliedMessage(plan)}${skippedText}`,
    };
  });
}

const ForAllSchema = z.object({
  photo: z.string().default(''),
  description: z.string().default(''),
  replaceExisting: z.boolean().default(false),
});

/** One product for every row: the photo and description into the rows' empty cells (or all, if asked). */
export function applyProductToAll(
  request: ProductForAllRequest,
  batchStatus: BatchStatusReader,
): ProductApplyResult {
  return guarded(() => {
    const busy = busyMessage(batchStatus);
    if (busy) return busy;
    const parsed = ForAllSchema.safeParse(request);
    if (!parsed.success) return { ok: false, message: 'Choose a photo or write a description first.' };
    const photo = photoCellText(parsed.data.photo);
    if (!photo.ok) return photo;
    const description = parsed.data.description.trim() || null;
    if (photo.text === null && description === null) {
      return { ok: false, message: 'Choose a photo or write a description first.' };
    }
    const sheet = batchSheet();
    const { layout, rows } = readBatchSnapshot(sheet, { withLinks: true });
    if (!rows.some((row) => row.filled)) {
      return {
        ok: false,
        message: 'The Batch sheet has no rows yet: paste your links first, then apply the product.',
      };
    }
    const plan = planProductForAll(layout, rows, {
      photo: photo.text,
      description,
      replaceExisting: parsed.data.replaceExisting,
    });
    writePlanned(sheet, layout, plan);
    const message =
      plan.writes.length === 0
        ? 'Nothing to fill: every row already has a photo and a description. Tick "Replace" to overwrite them.'
        : appliedMessage(plan);
    return {
      ok: true,
      photosWritten: plan.photosWritten,
      descriptionsWritten: plan.descriptionsWritten,
      skipped: [],
      message,
    };
  });
}

function spreadsheetTimeZone(): string {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  } catch {
    return Session.getScriptTimeZone();
  }
}

/**
 * Makes the folder one upload goes into: "Uploaded 2026-11-22 14.05" inside "Slideshow Remix product
 * photos" in My Drive, so the photos chosen together can be matched together, by name or by order.
 */
export function startProductUpload(): ProductUploadFolderResult {
  return guarded(() => {
    const session = driveSession();
    const properties = PropertiesService.getUserProperties();
    const parent = ensureProductPhotosFolder(session, properties.getProperty(PRODUCT_PHOTOS_FOLDER_PROPERTY));
    if (!parent.ok) return parent;
    if (parent.value.created) properties.setProperty(PRODUCT_PHOTOS_FOLDER_PROPERTY, parent.value.folder.id);
    const name = `Uploaded ${formatBatchStart(Date.now(), spreadsheetTimeZone())}`;
    const folder = createFolder(session, name, parent.value.folder.id);
    return folder.ok ? { ok: true, folder: folder.value } : folder;
  });
}

const UploadSchema = z.object({
  folderId: z.string(),
  name: z.string(),
  base64: z.string(),
});

/** One photo from the computer into the upload folder; refused when too large or not a photo. */
export function uploadProductPhoto(request: ProductUploadRequest): ProductUploadResult {
  return guarded(() => {
    const parsed = UploadSchema.safeParse(request);
    if (!parsed.success || !isDriveFileId(parsed.data.folderId)) {
      return { ok: false, message: 'Choose the photos again to start a new upload.' };
    }
    const name = cleanName(parsed.data.name) || 'product photo';
    const base64 = parsed.data.base64.replace(/^data:[^,]*,/, '');
    const bytes = base64Bytes(base64);
    const refusal = uploadRefusal(name, bytes, null);
    if (refusal) return { ok: false, message: refusal };
    const mimeType = imageInfo(base64).mimeType;
    if (!isPhotoMimeType(mimeType)) {
      return { ok: false, message: `${name} is not a ${PHOTO_TYPES_TEXT} photo.` };
    }
    let uploaded;
    try {
      uploaded = uploadPhoto(driveSession(), parsed.data.folderId, {
        name,
        mimeType: mimeType ?? 'image/jpeg',
        bytes,
        base64,
      });
    } catch (error) {
      if (error instanceof Error && /base64/i.test(error.message)) {
        return { ok: false, message: `${name} could not be read: choose it again.` };
      }
      throw error;
    }
    if (!uploaded.ok) return uploaded;
    const file = uploaded.value.file;
    return {
      ok: true,
      photo: photoView({ id: file.id, name: file.name ?? name }),
      reused: uploaded.value.reused,
    };
  });
}
