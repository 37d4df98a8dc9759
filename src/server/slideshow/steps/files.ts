/**
 * `files`: each original slide uploaded once to Gemini's Files API, so the analysis and every image
 * request of every variation name it by URI instead of carrying its bytes again. The bytes come from
 * the row's `source/` copy in Drive. Nothing Jenny sees is written, so a repeated try only uploads again
 * (Gemini drops uploads after 48 hours on its own).
 */
import type { EngineRequest } from '../../engine/types';
import { drive, readMediaBase64 } from '../drive-io';
import { fail, geminiFailure } from '../failures';
import { expiresAt, FILES_RATE_KEY, gemini, readStart, readUploaded } from '../gemini-io';
import { SLIDES } from '../plan';
import { resultOf, SlidesResultSchema, type UploadedFile } from '../results';
import { apiKey, oauthToken } from '../secrets';
import { carryOf, response, send, type Step } from './common';

const SOURCE_WORDING = {
  notFound: "A slide saved in this row's source folder disappeared (was it deleted?). Retry the row.",
};

export const filesStep: Step = (_item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const key = apiKey(context);
  if (typeof key !== 'string') return key;
  const { slides } = resultOf(context, SLIDES, SlidesResultSchema);
  const label = `${context.meta.id} link ${context.row.number}`;
  if (!previous) {
    const requests: EngineRequest[] = [];
    for (const slide of slides) {
      requests.push(drive.media(token, slide.driveFileId));
      // A size Drive did not report is left for the upload to tell (a wrong one would be refused).
      const declared = slide.bytes > 0 ? slide.bytes : null;
      requests.push(gemini.startUpload(key, `${label} ${slide.name}`, slide.mimeType, declared));
    }
    return send(requests, { phase: 'start' });
  }
  const { phase } = carryOf<{ phase: 'start' | 'bytes' }>(previous);
  if (phase === 'start') {
    const requests: EngineRequest[] = [];
    for (const [index, slide] of slides.entries()) {
      const media = readMediaBase64(response(previous, index * 2), context.now, SOURCE_WORDING);
      if (!media.ok) return fail(media.failure);
      const started = readStart(response(previous, index * 2 + 1), context.now);
      if (!started.ok) return fail(geminiFailure(started.failure, FILES_RATE_KEY));
      requests.push(gemini.uploadBytes(key, started.value, slide.mimeType, media.value));
    }
    return send(requests, { phase: 'bytes' });
  }
  const uploaded: UploadedFile[] = [];
  for (const [index, slide] of slides.entries()) {
    const read = readUploaded(response(previous, index), context.now);
    if (!read.ok) return fail(geminiFailure(read.failure, FILES_RATE_KEY));
    uploaded.push({
      uri: read.value.uri,
      mimeType: read.value.mimeType ?? slide.mimeType,
      expiresAt: expiresAt(read.value),
    });
  }
  return { kind: 'done', result: { slides: uploaded, uploadedAt: context.now } };
};
