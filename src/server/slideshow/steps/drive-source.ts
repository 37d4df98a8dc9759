/**
 * `source`: the slides of a Drive folder named in the Link cell, the route that always works. Its image
 * files, in natural name order (slide_2 before slide_10), are the slideshow; no TikTok request is made.
 */
import { FOLDER_MIME_TYPE } from '../../drive';
import { checkLink } from '../../../shared/links';
import { drive, readList } from '../drive-io';
import { asResult } from '../http';
import { fail, driveFailure } from '../failures';
import { readFile } from '../../drive';
import { jobSettingsOf } from '../job-settings';
import { DRIVE_SOURCE, planWork } from '../plan';
import { json, type SourceResult } from '../results';
import { MAX_SLIDES } from '../schemas';
import { oauthToken } from '../secrets';
import { response, send, type Step } from './common';

const FOLDER_WORDING = {
  notFound:
    'The Drive folder in the Link cell could not be found: check the link, and that the folder is shared with you.',
  noAccess:
    'Your account may not open the Drive folder in the Link cell: ask its owner to share it with you.',
};

const IMAGE_TYPES = /^image\/(jpeg|png|webp|heic|heif|gif)$/i;

export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

export const driveSourceStep: Step = (item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const input = item.input as { folderId: string; url: string };
  if (!previous) {
    return send(
      [drive.metadata(token, input.folderId, 'id,name,mimeType'), drive.listChildren(token, input.folderId)],
      {},
    );
  }
  const folder = readFile(asResult(response(previous, 0)), context.now);
  if (folder.kind !== 'ok') return fail(driveFailure(folder, FOLDER_WORDING));
  if (folder.file.mimeType !== FOLDER_MIME_TYPE) {
    return fail({
      kind: 'fatal',
      message:
        'The Drive link in the Link cell is a file, not a folder: link the folder that holds the slide images.',
    });
  }
  const listed = readList(response(previous, 1), context.now, FOLDER_WORDING);
  if (!listed.ok) return fail(listed.failure);
  const images = listed.value
    .filter((file) => IMAGE_TYPES.test(file.mimeType ?? '') && file.name)
    .sort((a, b) => naturalOrder(a.name ?? '', b.name ?? ''));
  if (images.length === 0) {
    return fail({
      kind: 'fatal',
      message: `The Drive folder "${folder.file.name ?? ''}" has no images: put the slides in it as JPEG or PNG files (named so they sort in order, e.g. 1.jpg, 2.jpg).`,
    });
  }
  const link = checkLink(context.row.link);
  const source: SourceResult = {
    route: 'drive-folder',
    link: context.row.link.trim(),
    postId: link.status === 'post' ? link.postId : null,
    author: link.status === 'post' ? link.username : null,
    nickname: '',
    caption: '',
    hashtags: [],
    music: null,
    folderId: input.folderId,
    folderName: folder.file.name ?? null,
    tried: [],
    slides: images.slice(0, MAX_SLIDES).map((file) => ({
      urls: [],
      driveFileId: file.id,
      name: file.name ?? null,
      mimeType: file.mimeType ?? null,
      width: null,
      height: null,
    })),
  };
  const settings = jobSettingsOf(context.meta);
  const count = source.slides.length;
  return {
    kind: 'done',
    result: json(source),
    newItems: planWork(context.row, settings, DRIVE_SOURCE, count),
    label: folder.file.name ? `"${folder.file.name}"` : 'Drive folder',
    event: `found ${count} slides in the Drive folder${images.length > MAX_SLIDES ? ` (the first ${MAX_SLIDES} are used)` : ''}`,
  };
};
