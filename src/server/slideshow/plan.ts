/**
 * The items of a batch and of each row, with stable ids (a retry or a re-plan finds the same item):
 *
 *   batch:  folder → (rows) → summary
 *   row:    [resolve → resolve:2] → ingest → [ingest:mobile → ingest:tikwm]   (or: source, for a Drive folder)
 *           product
 *           then, once the slideshow is known (N slides, P photo × T text variations):
 *           folders → slides → files → analysis → copy:tK → image:pI:tK:sJ → save:vV
 *           (no `files` when the batch sends images inline: settings.imageInputs)
 *
 * Fallback routes and the work after the source are added by the item before them (`newItems`), so a
 * row only holds the items it needs and every item fits in the engine's few steps per wave.
 */
import type { ItemSpec, Json, RowRecord } from '../engine/types';
import { checkLink } from '../../shared/links';
import type { FetchFailureReason } from '../tiktok/post';
import { findSlideFolder } from '../../shared/slide-folder';
import { imageRateKey, textRateKey, TIKWM_RATE_KEY, type JobSettings } from './job-settings';

export const BATCH_FOLDER = 'folder';
export const BATCH_SUMMARY = 'summary';

export const RESOLVE = 'resolve';
export const RESOLVE_MORE = 'resolve:2';
export const INGEST = 'ingest';
export const INGEST_MOBILE = 'ingest:mobile';
export const INGEST_TIKWM = 'ingest:tikwm';
export const DRIVE_SOURCE = 'source';
/** Whichever of these got the slideshow holds it (the others are done with a fallback result). */
export const SOURCE_ITEMS = [INGEST, INGEST_MOBILE, INGEST_TIKWM, DRIVE_SOURCE] as const;

export const PRODUCT = 'product';
export const FOLDERS = 'folders';
export const SLIDES = 'slides';
export const FILES = 'files';
export const ANALYSIS = 'analysis';

export const copyId = (text: number) => `copy:t${text}`;
export const imageId = (photo: number, text: number, slide: number) => `image:p${photo}:t${text}:s${slide}`;
export const saveId = (variation: number) => `save:v${variation}`;

/** Variation folders are numbered photo-major: variation V = (photo - 1) × T + text. */
export function variationNumber(photo: number, text: number, textVariations: number): number {
  return (photo - 1) * textVariations + text;
}

export type IngestRoute = 'page' | 'mobile' | 'tikwm';

export interface IngestInput {
  route: IngestRoute;
  postId: string | null;
  username: string | null;
  /** What tikwm is asked for: the post id, or the link as pasted. */
  target: string;
  /** "TikTok's page: robot check", one entry per route that failed before this one. */
  tried: string[];
  /** What the first route said: a precise reason beats a later route's vague one. */
  first?: { reason: FetchFailureReason; message: string } | null;
  /** Set when the Link cell could not be read at all (the row check should have caught it). */
  invalid?: string;
}

const ROUTE_ID: Record<IngestRoute, string> = { page: INGEST, mobile: INGEST_MOBILE, tikwm: INGEST_TIKWM };

export function ingestItem(input: IngestInput, deps: string[] = []): ItemSpec {
  return {
    id: ROUTE_ID[input.route],
    kind: 'ingest',
    deps,
    units: 0,
    ...(input.route === 'tikwm' ? { rateKey: TIKWM_RATE_KEY } : {}),
    input: input as unknown as Json,
  };
}

export function resolveItem(url: string, hops: number, id = RESOLVE): ItemSpec {
  return { id, kind: 'resolve', deps: [], units: 0, input: { url, hops } };
}

export function planRow(row: RowRecord): ItemSpec[] {
  const product: ItemSpec = { id: PRODUCT, kind: 'product', deps: [], units: 0 };
  const folder = findSlideFolder(row.link);
  // A folder wins over a link in the same cell: no TikTok request, the link is kept for the record.
  if (folder) {
    return [
      {
        id: DRIVE_SOURCE,
        kind: 'drive-source',
        deps: [],
        units: 0,
        input: { folderId: folder.folderId, url: folder.url },
      },
      product,
    ];
  }
  const link = checkLink(row.link);
  if (link.status === 'short') return [resolveItem(link.shortUrl, 0), product];
  if (link.status === 'post') {
    return [
      ingestItem({
        route: 'page',
        postId: link.postId,
        username: link.username,
        target: link.postId,
        tried: [],
      }),
      product,
    ];
  }
  return [
    ingestItem({ route: 'page', postId: null, username: null, target: '', tried: [], invalid: link.message }),
  ];
}

/** Everything after the source, once the slide count is known. */
export function planWork(
  row: RowRecord,
  settings: JobSettings,
  sourceItem: string,
  slideCount: number,
): ItemSpec[] {
  const photos = row.photoVariations;
  const texts = row.textVariations;
  const text = textRateKey(settings);
  const image = imageRateKey(settings);
  // Sent inline, the slides need no upload: the analysis and the images read them from source/.
  const uploads = settings.imageInputs === 'inline' ? [] : [FILES];
  const slidesReady = uploads.length > 0 ? FILES : SLIDES;
  const items: ItemSpec[] = [
    { id: FOLDERS, kind: 'folders', deps: [sourceItem, `@${BATCH_FOLDER}`], units: 0 },
    { id: SLIDES, kind: 'slides', deps: [FOLDERS, sourceItem], units: 0 },
    ...(uploads.length > 0 ? [{ id: FILES, kind: 'files', deps: [SLIDES], units: 0 }] : []),
    { id: ANALYSIS, kind: 'analysis', deps: [slidesReady, sourceItem], units: 0, rateKey: text },
  ];
  for (let t = 1; t <= texts; t++) {
    items.push({
      id: copyId(t),
      kind: 'copy',
      deps: [ANALYSIS],
      units: 0,
      rateKey: text,
      input: { text: t },
    });
  }
  // Variation by variation, so the first folders fill (and are saved) first.
  for (let p = 1; p <= photos; p++) {
    for (let t = 1; t <= texts; t++) {
      const variation = variationNumber(p, t, texts);
      const images: string[] = [];
      for (let s = 0; s < slideCount; s++) {
        const id = imageId(p, t, s);
        images.push(id);
        items.push({
          id,
          kind: 'image',
          deps: [copyId(t), PRODUCT, ...uploads, FOLDERS, ANALYSIS],
          units: 1,
          rateKey: image,
          input: { photo: p, text: t, slide: s, variation },
        });
      }
      items.push({
        id: saveId(variation),
        kind: 'save',
        deps: [...images, copyId(t), sourceItem],
        units: 0,
        input: { photo: p, text: t, variation },
      });
    }
  }
  return items;
}
