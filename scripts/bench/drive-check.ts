/**
 * What the batch left in Drive, checked against what it should have left: every completed row's
 * `source/` and `variation_N/` folders complete (lost items are the files missing from them), and no
 * folder holding two files of one name (duplicates, the classic result of a retried write).
 */
import type { World } from '../../emulator/world';
import type { Progress } from '../../src/server/engine/progress';

const FOLDER = 'application/vnd.google-apps.folder';

export interface DriveCheck {
  /** Generated slide images saved in variation folders. */
  images: number;
  /** Files beyond the first with the same name in one folder. */
  duplicateFiles: number;
  /** Files a completed row should have and does not, plus rows that never ended. */
  lostItems: number;
  /** Total bytes of the generated images. */
  imageBytes: number;
}

export function measureDrive(world: World, progress: Progress, variations: number): DriveCheck {
  const store = world.drive;
  const live = (folderId: string) => store.children(folderId).filter((item) => !store.isTrashed(item.id));
  let duplicateFiles = 0;
  let images = 0;
  let imageBytes = 0;
  const walk = (folderId: string, path: string) => {
    const seen = new Map<string, number>();
    for (const item of live(folderId)) {
      const count = (seen.get(item.name) ?? 0) + 1;
      seen.set(item.name, count);
      if (count > 1) duplicateFiles += 1;
      if (item.mimeType === FOLDER) walk(item.id, `${path}${item.name}/`);
      else if (/\/variation_\d+\/$/.test(`/${path}`) && /^slide_\d+\.(jpg|png)$/.test(item.name)) {
        images += 1;
        imageBytes += item.size;
      }
    }
  };
  walk(store.rootId(world.defaultUser), '');

  let lostItems = 0;
  for (const output of progress.outputs) {
    const match = /folders\/([\w-]+)/.exec(output.url);
    const rowFolder = match?.[1];
    const failed = progress.failures.some((failure) => failure.rowId === output.rowId);
    if (!rowFolder || failed) continue;
    const children = live(rowFolder);
    const source = children.find((item) => item.name === 'source' && item.mimeType === FOLDER);
    const slides = source ? live(source.id).filter((item) => /^slide_\d+\./.test(item.name)).length : 0;
    if (slides === 0) lostItems += 1;
    for (let variation = 1; variation <= variations; variation++) {
      const folder = children.find(
        (item) => item.name === `variation_${variation}` && item.mimeType === FOLDER,
      );
      const files = folder ? live(folder.id).map((item) => item.name) : [];
      const made = new Set(files.filter((name) => /^slide_\d+\./.test(name))).size;
      lostItems += Math.max(0, slides - made);
      if (!files.includes('analysis.json')) lostItems += 1;
    }
  }
  // A batch that says it ended has no row still waiting or in progress.
  lostItems += progress.rows.inProgress + progress.rows.queued;
  return { images, duplicateFiles, lostItems, imageBytes };
}
