/**
 * `slides`: every original slide, downloaded right away (TikTok's signed URLs expire within hours) and
 * kept in the row's `source/` folder as slide_0.jpg, slide_1.jpg ... For TikTok, the JPEG mirror comes
 * first and the next mirror is tried on a 403; for a Drive folder, the files are copied (a PNG becomes
 * a JPEG). It always lists `source/` first: a try cut short after some uploads finds them and only
 * adds the missing ones, so a slide is never saved twice.
 */
import { slideFileName, type DriveFile } from '../../drive';
import type { EngineRequest, EngineResponse, StepContext, StepResult } from '../../engine/types';
import { headerValue } from '../../http/spec';
import { imageRequest, readImageResponse } from '../../tiktok/http';
import { MANUAL_ROUTE_HINT } from '../../tiktok/post';
import { drive, readList, readMediaBase64, readUpload, sizeOf } from '../drive-io';
import { fail } from '../failures';
import { fromTikTok } from '../http';
import { extensionOf, imageInfo } from '../image-info';
import { FOLDERS, SOURCE_ITEMS } from '../plan';
import {
  firstResult,
  FoldersResultSchema,
  resultOf,
  SourceResultSchema,
  type SavedSlide,
  type SourceSlide,
} from '../results';
import { oauthToken } from '../secrets';
import { carryOf, send, type Step } from './common';

type Tag =
  | { kind: 'download'; index: number; mirror: number }
  | {
      kind: 'upload';
      index: number;
      name: string;
      mimeType: string;
      width: number | null;
      height: number | null;
    };

interface Carry {
  /** The first response is the listing of source/. */
  listing: boolean;
  tags: Tag[];
  saved: SavedSlide[];
}

const SOURCE_WORDING = {
  notFound: "This row's source folder in Drive disappeared while the batch ran. Retry the row.",
};
const SLIDE_WORDING = {
  notFound: 'A slide image in the Drive folder could not be found any more (was it deleted?). Retry the row.',
  noAccess:
    'Your account may not open one of the slide images in the Drive folder: ask its owner to share it.',
};

function downloadRequest(token: string, slide: SourceSlide, mirror: number): EngineRequest {
  if (slide.driveFileId) return drive.media(token, slide.driveFileId);
  return fromTikTok(imageRequest(slide.urls[mirror] ?? ''));
}

/** The slide's file in source/ from an earlier try, whatever its extension. */
function earlier(files: readonly DriveFile[], index: number): DriveFile | undefined {
  const prefix = `${slideFileName(index, '')}`;
  return files
    .filter((file) => file.name?.startsWith(prefix))
    .sort((a, b) => (a.createdTime ?? '').localeCompare(b.createdTime ?? ''))[0];
}

interface Downloaded {
  base64: string;
  contentType: string | null;
}

/** A download's bytes, the next mirror to try, or the row's failure. */
function readDownload(
  slide: SourceSlide,
  tag: Extract<Tag, { kind: 'download' }>,
  answer: EngineResponse,
  now: number,
): Downloaded | { mirror: number } | StepResult {
  if (slide.driveFileId) {
    const read = readMediaBase64(answer, now, SLIDE_WORDING);
    if (!read.ok) return fail(read.failure);
    return { base64: read.value, contentType: headerValue(answer.headers, 'Content-Type') ?? null };
  }
  const contentType = headerValue(answer.headers, 'Content-Type') ?? null;
  const outcome = readImageResponse(answer.status, contentType);
  if (outcome === 'ok') return { base64: answer.base64(), contentType };
  if (outcome === 'retry-later') {
    return fail({
      kind: 'retry',
      message: `TikTok's image server had a problem (error ${answer.status}); it will be tried again.`,
    });
  }
  if (tag.mirror + 1 < slide.urls.length) return { mirror: tag.mirror + 1 };
  return fail({
    kind: 'fatal',
    message: `TikTok's image servers refused slide ${tag.index + 1} on every mirror (error ${answer.status}). If the post opens in your browser, ${MANUAL_ROUTE_HINT}.`,
  });
}

function prepareUpload(
  context: StepContext,
  slide: SourceSlide,
  index: number,
  downloaded: Downloaded,
): { base64: string; tag: Extract<Tag, { kind: 'upload' }> } {
  const info = imageInfo(downloaded.base64);
  let mimeType: string = info.mimeType ?? downloaded.contentType?.split(';')[0]?.trim() ?? 'image/jpeg';
  let base64 = downloaded.base64;
  if (mimeType === 'image/png') {
    // Slides are kept as JPEG like TikTok's own; Apps Script converts natively.
    base64 = context.convertImage(base64, 'image/png', 'image/jpeg');
    mimeType = 'image/jpeg';
  }
  return {
    base64,
    tag: {
      kind: 'upload',
      index,
      name: slideFileName(index, extensionOf(mimeType)),
      mimeType,
      width: slide.width ?? info.width,
      height: slide.height ?? info.height,
    },
  };
}

export const slidesStep: Step = (_item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const source = firstResult(context, SOURCE_ITEMS, SourceResultSchema);
  const folders = resultOf(context, FOLDERS, FoldersResultSchema);
  if (!previous) {
    const tags: Tag[] = source.slides.map((_, index) => ({ kind: 'download', index, mirror: 0 }));
    return send(
      [
        drive.listChildren(token, folders.sourceFolderId),
        ...source.slides.map((slide) => downloadRequest(token, slide, 0)),
      ],
      { listing: true, tags, saved: [] } satisfies Carry,
    );
  }
  const carry = carryOf<Carry>(previous);
  const answers = [...previous.responses];
  let found: DriveFile[] = [];
  if (carry.listing) {
    const listed = readList(answers.shift() as EngineResponse, context.now, SOURCE_WORDING);
    if (!listed.ok) return fail(listed.failure);
    found = listed.value;
  }
  const saved = [...carry.saved];
  const requests: EngineRequest[] = [];
  const tags: Tag[] = [];
  for (const [position, tag] of carry.tags.entries()) {
    const answer = answers[position] as EngineResponse;
    const slide = source.slides[tag.index] as SourceSlide;
    if (tag.kind === 'upload') {
      const uploaded = readUpload(answer, context.now, SOURCE_WORDING);
      if (!uploaded.ok) return fail(uploaded.failure);
      saved.push(savedSlide(tag, uploaded.value));
      continue;
    }
    const before = earlier(found, tag.index);
    const read = readDownload(slide, tag, answer, context.now);
    if (before) {
      const info = 'base64' in read ? imageInfo(read.base64) : null;
      saved.push({
        index: tag.index,
        driveFileId: before.id,
        name: before.name ?? slideFileName(tag.index),
        mimeType: before.mimeType ?? 'image/jpeg',
        bytes: sizeOf(before),
        width: slide.width ?? info?.width ?? null,
        height: slide.height ?? info?.height ?? null,
      });
      continue;
    }
    if ('kind' in read) return read;
    if ('mirror' in read) {
      requests.push(downloadRequest(token, slide, read.mirror));
      tags.push({ ...tag, mirror: read.mirror });
      continue;
    }
    const upload = prepareUpload(context, slide, tag.index, read);
    requests.push(
      drive.upload(
        token,
        { name: upload.tag.name, mimeType: upload.tag.mimeType, parentId: folders.sourceFolderId },
        upload.base64,
      ),
    );
    tags.push(upload.tag);
  }
  if (requests.length > 0) return send(requests, { listing: false, tags, saved } satisfies Carry);
  saved.sort((a, b) => a.index - b.index);
  return {
    kind: 'done',
    result: { slides: saved },
    event: `saved ${saved.length} original slides`,
  };
};

function savedSlide(tag: Extract<Tag, { kind: 'upload' }>, file: DriveFile): SavedSlide {
  return {
    index: tag.index,
    driveFileId: file.id,
    name: file.name ?? tag.name,
    mimeType: file.mimeType ?? tag.mimeType,
    bytes: sizeOf(file),
    width: tag.width,
    height: tag.height,
  };
}
