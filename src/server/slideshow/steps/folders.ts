/**
 * `folders`: `Link_001_@handle/` in the batch folder, with `source/` and `variation_1..N/` inside. It
 * always looks first (the look is inside this batch's own folder, so it can only find this row's
 * earlier work): a try cut short after the row folder was made must not make a second one. Once the
 * folder exists, the row's Output cell links to it.
 */
import { folderUrl, linkFolderName, SOURCE_FOLDER_NAME, variationFolderName } from '../../drive';
import type { StepResult } from '../../engine/types';
import { byName, drive, FOLDER_MIME_TYPE, pick, readCreatedFolder, readList } from '../drive-io';
import { fail } from '../failures';
import { BATCH_FOLDER, SOURCE_ITEMS } from '../plan';
import {
  BatchFolderResultSchema,
  firstResult,
  resultOf,
  SourceResultSchema,
  type FoldersResult,
} from '../results';
import { oauthToken } from '../secrets';
import { carryOf, response, send, type Step } from './common';

type Carry =
  | { phase: 'look' }
  | { phase: 'created' }
  | { phase: 'children'; rowFolderId: string }
  | { phase: 'subs'; rowFolderId: string; have: Record<string, string>; creating: string[] };

const GONE = {
  notFound:
    "This row's folder in Drive disappeared while the batch ran (was it deleted or moved?). Retry the row.",
};

export const foldersStep: Step = (_item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const row = context.row;
  const source = firstResult(context, SOURCE_ITEMS, SourceResultSchema);
  const batch = resultOf(context, `@${BATCH_FOLDER}`, BatchFolderResultSchema);
  const name = linkFolderName(row.number, source.author);
  const wanted = [
    SOURCE_FOLDER_NAME,
    ...Array.from({ length: row.photoVariations * row.textVariations }, (_, i) => variationFolderName(i + 1)),
  ];

  const createSubs = (rowFolderId: string, have: Record<string, string>): StepResult => {
    const creating = wanted.filter((sub) => !have[sub]);
    if (creating.length === 0) return finish(rowFolderId, have);
    return send(
      creating.map((sub) => drive.createFolder(token, sub, rowFolderId)),
      { phase: 'subs', rowFolderId, have, creating },
    );
  };
  const finish = (rowFolderId: string, have: Record<string, string>): StepResult => {
    const result: FoldersResult = {
      rowFolderId,
      rowFolderName: name,
      sourceFolderId: have[SOURCE_FOLDER_NAME] ?? '',
      variationFolderIds: wanted.slice(1).map((sub) => have[sub] ?? ''),
    };
    return {
      kind: 'done',
      result: { ...result },
      output: { url: folderUrl(rowFolderId), label: name },
      event: `folder ${name} ready`,
    };
  };

  if (!previous) {
    return send([drive.listChildren(token, batch.folderId, name, FOLDER_MIME_TYPE)], { phase: 'look' });
  }
  const carry = carryOf<Carry>(previous);
  switch (carry.phase) {
    case 'look': {
      const listed = readList(response(previous, 0), context.now, GONE);
      if (!listed.ok) return fail(listed.failure);
      const found = pick(listed.value, name, FOLDER_MIME_TYPE);
      if (!found) return send([drive.createFolder(token, name, batch.folderId)], { phase: 'created' });
      return send([drive.listChildren(token, found.id, undefined, FOLDER_MIME_TYPE)], {
        phase: 'children',
        rowFolderId: found.id,
      });
    }
    case 'created': {
      const created = readCreatedFolder(response(previous, 0), context.now, GONE);
      if (!created.ok) return fail(created.failure);
      return createSubs(created.value.id, {});
    }
    case 'children': {
      const listed = readList(response(previous, 0), context.now, GONE);
      if (!listed.ok) return fail(listed.failure);
      const have: Record<string, string> = {};
      for (const [sub, file] of byName(listed.value, FOLDER_MIME_TYPE)) have[sub] = file.id;
      return createSubs(carry.rowFolderId, have);
    }
    case 'subs': {
      const have = { ...carry.have };
      for (const [index, sub] of carry.creating.entries()) {
        const created = readCreatedFolder(response(previous, index), context.now, GONE);
        if (!created.ok) return fail(created.failure);
        have[sub] = created.value.id;
      }
      return finish(carry.rowFolderId, have);
    }
  }
};
