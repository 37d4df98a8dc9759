/**
 * Copies the batch's Drive folder out of the emulated Drive as real folders and files, so a person can
 * open the JPEGs and analysis.json. Only the batch folder: the product photos were the user's own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TreeNode } from '../../emulator/services/drive';
import type { World } from '../../emulator/world';

const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** Drive allows any name; a file system does not allow "/" or NUL, nor "." and "..". */
function safeName(name: string): string {
  const cleaned = name.replace(/[/\\\0]/g, '_');
  return cleaned === '.' || cleaned === '..' || cleaned === '' ? '_' : cleaned;
}

export interface ExportResult {
  /** The batch folder on disk, or null when the batch made none. */
  batchFolder: string | null;
  /** Drive item id → its path on disk, for mapping the sheet's Output links. */
  paths: Map<string, string>;
  files: number;
}

export function exportBatchFolder(world: World, outDir: string): ExportResult {
  const drive = world.drive;
  const root = drive.rootId(world.defaultUser);
  const batch = drive
    .children(root)
    .filter(
      (item) =>
        item.mimeType === FOLDER_MIME && item.name.startsWith('TikTok Batch ') && !drive.isTrashed(item.id),
    )
    .pop();
  const paths = new Map<string, string>();
  if (!batch) return { batchFolder: null, paths, files: 0 };
  let files = 0;
  const write = (node: TreeNode, dir: string) => {
    if (node.trashed) return;
    // Drive may hold two items of one name in a folder; on disk the second gets a suffix.
    let target = path.join(dir, safeName(node.name));
    for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${safeName(node.name)} (${n})`);
    paths.set(node.id, target);
    if (node.children) {
      fs.mkdirSync(target, { recursive: true });
      for (const child of node.children) write(child, target);
    } else {
      fs.writeFileSync(target, drive.readBytes(node.id));
      files += 1;
    }
  };
  const tree = drive.tree(batch.id);
  const destination = path.resolve(outDir);
  fs.mkdirSync(destination, { recursive: true });
  // A rerun into the same DIR replaces that batch's folder rather than adding "(2)" copies.
  fs.rmSync(path.join(destination, safeName(tree.name)), { recursive: true, force: true });
  write(tree, destination);
  return { batchFolder: paths.get(batch.id) ?? null, paths, files };
}
