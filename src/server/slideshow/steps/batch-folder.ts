/**
 * `@folder`: the batch's folder in the chosen parent (or My Drive). On a first try it is created at
 * once; a later try looks for it first, so a create whose answer was lost is not made twice.
 */
import { MY_DRIVE } from '../../drive';
import { batchFolderNameAt } from '../batch-time';
import { drive, pick, readCreatedFolder, readList, FOLDER_MIME_TYPE } from '../drive-io';
import { fail } from '../failures';
import { jobSettingsOf } from '../job-settings';
import { oauthToken } from '../secrets';
import { carryOf, isFirstTry, response, send, type Step } from './common';

const PARENT_WORDING = {
  notFound:
    'The parent folder chosen in Settings could not be found: it may have been deleted or not shared with you. Pick another folder in Settings (or leave it empty for My Drive), then resume.',
  noAccess:
    'The add-on may not save into the parent folder chosen in Settings. Leave it empty to save into My Drive, or pick a folder the add-on created, then resume.',
};

export const batchFolderStep: Step = (item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const settings = jobSettingsOf(context.meta);
  const parent = settings.parentFolderId ?? MY_DRIVE;
  const name = batchFolderNameAt(context.meta.createdAt, settings.timeZone);
  if (!previous) {
    return isFirstTry(item)
      ? send([drive.createFolder(token, name, parent)], { phase: 'create' })
      : send([drive.listChildren(token, parent, name, FOLDER_MIME_TYPE)], { phase: 'look' });
  }
  const { phase } = carryOf<{ phase: 'look' | 'create' }>(previous);
  if (phase === 'look') {
    const listed = readList(response(previous), context.now, PARENT_WORDING);
    if (!listed.ok) return fail(listed.failure);
    const found = pick(listed.value, name, FOLDER_MIME_TYPE);
    if (found) return { kind: 'done', result: { folderId: found.id, name } };
    return send([drive.createFolder(token, name, parent)], { phase: 'create' });
  }
  const created = readCreatedFolder(response(previous), context.now, PARENT_WORDING);
  if (!created.ok) return fail(created.failure);
  return { kind: 'done', result: { folderId: created.value.id, name } };
};
