/**
 * `product`: the row's product photo, checked to be an image, made small enough (see product-photo.ts)
 * and uploaded once to Gemini's Files API. Drive photos are read through the REST API
 * (drive.readonly); an https link is fetched as it is.
 */
import { z } from 'zod';
import { classifyDriveResponse, DriveFileSchema } from '../../drive';
import type { EngineRequest, EngineResponse, StepContext, StepResult } from '../../engine/types';
import { headerValue } from '../../http/spec';
import { parsePhotoRef } from '../../../shared/photo-ref';
import { drive, readMediaBase64 } from '../drive-io';
import { driveFailure, fail, geminiFailure } from '../failures';
import { expiresAt, FILES_RATE_KEY, gemini, readStart, readUploaded } from '../gemini-io';
import { asMediaResult, asResult } from '../http';
import { base64Bytes, imageInfo } from '../image-info';
import { MAX_PHOTO_BYTES, megabytes, planDrivePhoto, tooLargeLink } from '../product-photo';
import type { ProductResult } from '../results';
import { apiKey, oauthToken } from '../secrets';
import { jobSettingsOf } from '../job-settings';
import { carryOf, response, send, type Step } from './common';

const PHOTO_WORDING = {
  notFound:
    'The product photo could not be found in Google Drive: check the link in the Product photo cell, and that the file is shared with you.',
  noAccess:
    'Your account may not open the product photo in Google Drive: ask its owner to share it with you.',
};

const MetadataSchema = DriveFileSchema.extend({ thumbnailLink: z.string().optional() });

type Source = ProductResult['source'];
interface FetchCarry {
  phase: 'fetch';
  source: Source;
  used: 'original' | 'thumbnail';
  name: string | null;
  originalBytes: number | null;
  /** False when the batch sends images inline and the photo needs no downscaling: no upload. */
  upload: boolean;
}
type BytesCarry = Omit<FetchCarry, 'phase'> & {
  phase: 'bytes';
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
};
type Carry = { phase: 'meta'; fileId: string } | FetchCarry | BytesCarry;

export const productStep: Step = (_item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const key = apiKey(context);
  if (typeof key !== 'string') return key;
  const ref = parsePhotoRef(context.row.photo);
  const label = `${context.meta.id} link ${context.row.number} product`;
  const inline = jobSettingsOf(context.meta).imageInputs === 'inline';

  if (!previous) {
    if (ref.kind === 'missing') return fail({ kind: 'fatal', message: 'The Product photo cell is empty.' });
    if (ref.kind === 'invalid')
      return fail({ kind: 'fatal', message: `Invalid product photo: ${ref.message}` });
    if (ref.kind === 'drive') {
      return send([drive.metadata(token, ref.fileId, 'id,name,mimeType,size,thumbnailLink')], {
        phase: 'meta',
        fileId: ref.fileId,
      });
    }
    const carry: FetchCarry = {
      phase: 'fetch',
      source: { kind: 'url', url: ref.url },
      used: 'original',
      name: null,
      originalBytes: null,
      upload: !inline,
    };
    const start = carry.upload ? [gemini.startUpload(key, label, 'image/jpeg', null)] : [];
    return send([urlRequest(ref.url), ...start], carry);
  }

  const carry = carryOf<Carry>(previous);
  if (carry.phase === 'meta') {
    const answer = asResult(response(previous));
    const classified = classifyDriveResponse(answer.status, answer.body, answer.headers, context.now);
    if (classified.kind !== 'ok') return fail(driveFailure(classified, PHOTO_WORDING));
    const parsed = MetadataSchema.safeParse(classified.json);
    if (!parsed.success)
      return fail({
        kind: 'retry',
        message: 'Drive sent an answer about the product photo that could not be read.',
      });
    const file = parsed.data;
    if (!(file.mimeType ?? '').startsWith('image/')) {
      return fail({
        kind: 'fatal',
        message: `The product photo is not an image (Drive says it is ${file.mimeType ?? 'of an unknown type'}): link a JPEG or PNG photo.`,
      });
    }
    const plan = planDrivePhoto(file);
    if (plan.kind === 'refuse') return fail({ kind: 'fatal', message: plan.message });
    const size = Number(file.size ?? '') || null;
    const next: FetchCarry = {
      phase: 'fetch',
      source: { kind: 'drive', fileId: carry.fileId },
      used: plan.kind,
      name: file.name ?? null,
      originalBytes: size,
      // A downscaled photo is uploaded even for inline batches: Drive's preview link does not last, and
      // the original is too large to send in every request.
      upload: !inline || plan.kind === 'thumbnail',
    };
    const download =
      plan.kind === 'thumbnail' ? thumbnailRequest(plan.url, token) : drive.media(token, carry.fileId);
    const declared = plan.kind === 'original' ? size : null;
    const start = next.upload
      ? [gemini.startUpload(key, label, file.mimeType ?? 'image/jpeg', declared)]
      : [];
    return send([download, ...start], next);
  }

  if (carry.phase === 'fetch') {
    const downloaded = readPhoto(carry, response(previous, 0), context);
    if ('kind' in downloaded) return downloaded;
    const info = imageInfo(downloaded.base64);
    if (!info.mimeType) {
      return fail({
        kind: 'fatal',
        message: 'The product photo is not an image the add-on can read: use a JPEG or PNG photo.',
      });
    }
    const read: BytesCarry = {
      ...carry,
      phase: 'bytes',
      mimeType: info.mimeType,
      bytes: base64Bytes(downloaded.base64),
      width: info.width,
      height: info.height,
    };
    if (!carry.upload) return ready(read, null);
    const started = readStart(response(previous, 1), context.now);
    if (!started.ok) return fail(geminiFailure(started.failure, FILES_RATE_KEY));
    return send([gemini.uploadBytes(key, started.value, info.mimeType, downloaded.base64)], read);
  }

  const uploaded = readUploaded(response(previous), context.now);
  if (!uploaded.ok) return fail(geminiFailure(uploaded.failure, FILES_RATE_KEY));
  return ready(carry, {
    uri: uploaded.value.uri,
    mimeType: carry.mimeType,
    expiresAt: expiresAt(uploaded.value),
  });
};

/** The product photo is ready: uploaded (`file`), or to be sent inline from where it came (`null`). */
function ready(carry: BytesCarry, file: ProductResult['file']): StepResult {
  const result: ProductResult = {
    file,
    mimeType: carry.mimeType,
    source: carry.source,
    name: carry.name,
    used: carry.used,
    bytes: carry.bytes,
    originalBytes: carry.originalBytes,
    width: carry.width,
    height: carry.height,
  };
  const smaller =
    carry.used === 'thumbnail'
      ? `, made smaller (${megabytes(carry.originalBytes ?? 0)} → ${megabytes(carry.bytes)})`
      : '';
  return { kind: 'done', result: { ...result }, event: `product photo ready${smaller}` };
}

/** An https image link, fetched as a browser would. */
export function urlRequest(url: string): EngineRequest {
  return { url, method: 'get', headers: { Accept: 'image/jpeg,image/png,image/*' }, followRedirects: true };
}

/** Drive's preview host wants the same sign-in as the API it came from (it is Google's, like the API). */
function thumbnailRequest(url: string, token: string): EngineRequest {
  return { url, method: 'get', headers: { Authorization: `Bearer ${token}` }, followRedirects: true };
}

function readPhoto(
  carry: FetchCarry,
  answer: EngineResponse,
  context: StepContext,
): { base64: string } | StepResult {
  if (carry.source.kind === 'drive') {
    const read = readMediaBase64(answer, context.now, PHOTO_WORDING);
    if (!read.ok) {
      // A preview that went missing is not the photo's fault: try again (the next try re-reads the file).
      return fail(
        carry.used === 'thumbnail'
          ? {
              kind: 'retry',
              message:
                'Drive did not hand out the smaller preview of the product photo; it will be tried again.',
            }
          : read.failure,
      );
    }
    return { base64: read.value };
  }
  const status = answer.status;
  if (status === 0 && /not allowed|whitelist|DNS error|Address unavailable/i.test(answer.text())) {
    // Apps Script only fetches from the sites the add-on's manifest lists, and this one is not among them.
    return fail({
      kind: 'fatal',
      message:
        'The add-on cannot download photos from that website: upload the photo to Google Drive and paste its Drive link.',
    });
  }
  if (status === 404 || status === 410) {
    return fail({
      kind: 'fatal',
      message: `The product photo link answered "not found" (error ${status}): check the link.`,
    });
  }
  if (status === 401 || status === 403) {
    return fail({
      kind: 'fatal',
      message: `The product photo link refused the add-on (error ${status}): put the photo in Google Drive and link it from there.`,
    });
  }
  if (status < 200 || status >= 300) {
    return fail({
      kind: 'retry',
      message: `The product photo link had a problem (error ${status}); it will be tried again.`,
    });
  }
  const type = (headerValue(asMediaResult(answer).headers, 'Content-Type') ?? '').split(';')[0]?.trim() ?? '';
  if (type && !type.startsWith('image/')) {
    return fail({
      kind: 'fatal',
      message: `The product photo link does not lead to an image (it gave ${type}): link the image file itself.`,
    });
  }
  if (answer.size > MAX_PHOTO_BYTES) return fail({ kind: 'fatal', message: tooLargeLink(answer.size) });
  return { base64: answer.base64() };
}
