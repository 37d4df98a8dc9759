/**
 * `save:vV`: analysis.json in variation_V/, once every slide of the variation is saved. A first try
 * writes at once (one step); any later try looks first and keeps the file an earlier try wrote.
 */
import { ANALYSIS_FILE_NAME } from '../../drive';
import type { StepResult } from '../../engine/types';
import { drive, pick, readList, readUpload } from '../drive-io';
import { fail } from '../failures';
import { jobSettingsOf } from '../job-settings';
import { ANALYSIS, copyId, FOLDERS, imageId, PRODUCT, SOURCE_ITEMS } from '../plan';
import { analysisRecord } from '../records';
import {
  AnalysisResultSchema,
  CopyResultSchema,
  firstResult,
  FoldersResultSchema,
  ImageResultSchema,
  ProductResultSchema,
  resultOf,
  SourceResultSchema,
} from '../results';
import { oauthToken } from '../secrets';
import { carryOf, isFirstTry, response, send, type Step } from './common';
import { encodeBase64 } from '../../drive/base64';
import { utf8Bytes } from '../utf8';

const FOLDER_WORDING = {
  notFound: "This row's variation folder in Drive disappeared while the batch ran. Retry the row.",
};

export const saveStep: Step = (item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const input = item.input as { photo: number; text: number; variation: number };
  const folders = resultOf(context, FOLDERS, FoldersResultSchema);
  const folderId = folders.variationFolderIds[input.variation - 1] ?? '';
  const write = (): StepResult => {
    const source = firstResult(context, SOURCE_ITEMS, SourceResultSchema);
    const images = Array.from({ length: source.slides.length }, (_, slide) =>
      resultOf(context, imageId(input.photo, input.text, slide), ImageResultSchema),
    );
    const record = analysisRecord({
      batchId: context.meta.id,
      row: context.row,
      variation: { number: input.variation, photo: input.photo, text: input.text },
      settings: jobSettingsOf(context.meta),
      source,
      product: resultOf(context, PRODUCT, ProductResultSchema),
      analysis: resultOf(context, ANALYSIS, AnalysisResultSchema),
      copy: resultOf(context, copyId(input.text), CopyResultSchema),
      images,
      savedAt: context.now,
    });
    const body = encodeBase64(utf8Bytes(`${JSON.stringify(record, null, 2)}\n`));
    return send(
      [
        drive.upload(
          token,
          { name: ANALYSIS_FILE_NAME, mimeType: 'application/json', parentId: folderId },
          body,
        ),
      ],
      { phase: 'write' },
    );
  };
  if (!previous) {
    if (isFirstTry(item)) return write();
    return send([drive.listChildren(token, folderId, ANALYSIS_FILE_NAME)], { phase: 'look' });
  }
  const { phase } = carryOf<{ phase: 'look' | 'write' }>(previous);
  if (phase === 'look') {
    const listed = readList(response(previous), context.now, FOLDER_WORDING);
    if (!listed.ok) return fail(listed.failure);
    const earlier = pick(listed.value, ANALYSIS_FILE_NAME);
    if (earlier)
      return {
        kind: 'done',
        result: { driveFileId: earlier.id },
        event: `variation ${input.variation} saved`,
      };
    return write();
  }
  const uploaded = readUpload(response(previous), context.now, FOLDER_WORDING);
  if (!uploaded.ok) return fail(uploaded.failure);
  return {
    kind: 'done',
    result: { driveFileId: uploaded.value.id },
    event: `variation ${input.variation} saved`,
  };
};
