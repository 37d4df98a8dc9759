/** Reading what a batch left in the emulated world: files by path, decoded images, JSON files. */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { SlideshowWorld } from './world';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** Untrashed items under My Drive, by path relative to it ("TikTok Batch …/Link_001_@x/source/slide_0.jpg"). */
export function filesByPath(
  ctx: SlideshowWorld,
): Map<string, { id: string; mimeType: string; count: number }> {
  const out = new Map<string, { id: string; mimeType: string; count: number }>();
  const walk = (id: string, prefix: string) => {
    for (const item of ctx.world.drive.children(id)) {
      if (ctx.world.drive.isTrashed(item.id)) continue;
      const folder = item.mimeType === FOLDER_MIME;
      const path = `${prefix}${item.name}${folder ? '/' : ''}`;
      const seen = out.get(path);
      out.set(path, { id: item.id, mimeType: item.mimeType, count: (seen?.count ?? 0) + 1 });
      if (folder) walk(item.id, path);
    }
  };
  walk(ctx.world.drive.rootId(ctx.user), '');
  return out;
}

/** Paths that hold more than one item (a second copy of anything). */
export function duplicates(ctx: SlideshowWorld): string[] {
  return [...filesByPath(ctx)].filter(([, entry]) => entry.count > 1).map(([path]) => path);
}

export function readJson(ctx: SlideshowWorld, id: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(ctx.world.drive.readBytes(id)).toString('utf8')) as Record<string, unknown>;
}

export function decodeJpeg(bytes: Uint8Array): { width: number; height: number } {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: image.width, height: image.height };
}

export function decodePng(bytes: Uint8Array): { width: number; height: number } {
  const image = PNG.sync.read(Buffer.from(bytes));
  return { width: image.width, height: image.height };
}

/** The one batch folder's name (fails if there is not exactly one). */
export function batchFolder(ctx: SlideshowWorld): string {
  const names = [...filesByPath(ctx).keys()].filter((path) => /^TikTok Batch [^/]+\/$/.test(path));
  if (names.length !== 1) throw new Error(`expected one batch folder, found ${names.join(', ')}`);
  return names[0] as string;
}
