/**
 * `@summary`: batch.json in the batch folder, written when every row has ended. After Retry failed it
 * is planned again with the new outcome: the new file is uploaded, then every older copy is trashed,
 * so the folder ends with exactly one batch.json (and never none, even if a try is cut short).
 */
import { BATCH_FILE_NAME } from '../../drive';
import { encodeBase64 } from '../../drive/base64';
import type { Json } from '../../engine/types';
import { drive, readList, readTrashed, readUpload } from '../drive-io';
import { fail } from '../failures';
import { BATCH_FOLDER } from '../plan';
import { BatchFolderResultSchema, resultOf } from '../results';
import { oauthToken } from '../secrets';
import { utf8Bytes } from '../utf8';
import { carryOf, response, send, type Step } from './common';

type Carry = { phase: 'look' } | { phase: 'write'; older: string[] } | { phase: 'trash'; id: string };

export const batchSummaryStep: Step = (item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const batch = resultOf(context, `@${BATCH_FOLDER}`, BatchFolderResultSchema);
  if (!previous) return send([drive.listChildren(token, batch.folderId, BATCH_FILE_NAME)], { phase: 'look' });
  const carry = carryOf<Carry>(previous);
  if (carry.phase === 'look') {
    const listed = readList(response(previous), context.now);
    if (!listed.ok) return fail(listed.failure);
    const record = {
      ...(item.input as { [key: string]: Json }),
      writtenAt: new Date(context.now).toISOString(),
    };
    const body = encodeBase64(utf8Bytes(`${JSON.stringify(record, null, 2)}\n`));
    return send(
      [
        drive.upload(
          token,
          { name: BATCH_FILE_NAME, mimeType: 'application/json', parentId: batch.folderId },
          body,
        ),
      ],
      { phase: 'write', older: listed.value.map((file) => file.id) },
    );
  }
  if (carry.phase === 'write') {
    const uploaded = readUpload(response(previous), context.now);
    if (!uploaded.ok) return fail(uploaded.failure);
    if (carry.older.length === 0) return { kind: 'done', result: { driveFileId: uploaded.value.id } };
    return send(
      carry.older.map((id) => drive.trash(token, id)),
      { phase: 'trash', id: uploaded.value.id },
    );
  }
  for (const [index] of previous.responses.entries()) {
    const trashed = readTrashed(response(previous, index), context.now);
    if (!trashed.ok) return fail(trashed.failure);
  }
  return { kind: 'done', result: { driveFileId: carry.id } };
};
