/**
 * The emulated Drive as the harness page browses it: Jenny's My Drive, folder by folder, each file's
 * bytes served with a content type that cannot run anything in the page, and product photos put there
 * from her computer. Items are asked for by id only, and only items Jenny can open are answered: there is
 * no path to walk out of the emulated Drive.
 */
import type { DriveStore } from '../../emulator/services/drive';
import { FOLDER_MIME } from '../../emulator/services/drive/mime-type';

/** Drive ids are letters, digits, '-' and '_'; anything else is refused before any look-up. */
const DRIVE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export const PRODUCT_PHOTOS_FOLDER = 'Product photos';

export type ItemKind = 'folder' | 'image' | 'text' | 'other';

export interface DriveItemView {
  id: string;
  name: string;
  mimeType: string;
  kind: ItemKind;
  size: number;
  updated: number;
}

export interface FolderView {
  folder: { id: string; name: string };
  /** From My Drive down to this folder. */
  path: { id: string; name: string }[];
  items: DriveItemView[];
  /** When a file was asked for: the file, shown in its folder. */
  focus?: string;
}

/** Images a browser shows without running anything (no SVG: it may carry script). */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const TEXT_TYPES = /^(text\/plain|text\/csv|application\/json)$/;

export function kindOf(mimeType: string): ItemKind {
  if (mimeType === FOLDER_MIME) return 'folder';
  if (IMAGE_TYPES.has(mimeType)) return 'image';
  if (TEXT_TYPES.test(mimeType)) return 'text';
  return 'other';
}

export class DriveView {
  constructor(
    private readonly drive: DriveStore,
    private readonly user: string,
  ) {}

  /** The item, if the id is well formed, the item exists, is not in the trash and Jenny may open it. */
  private openable(id: string) {
    if (!DRIVE_ID.test(id)) return undefined;
    const item = this.drive.get(id);
    if (!item || this.drive.isTrashed(id) || this.drive.roleOf(id, this.user) === null) return undefined;
    return item;
  }

  /**
   * A folder's listing (My Drive when `id` is empty): folders first, then files, each by name. A file's
   * id gives its folder's listing with the file as `focus`.
   */
  folder(id: string): FolderView | null {
    const asked = this.openable(id === '' ? this.drive.rootId(this.user) : id);
    if (!asked) return null;
    const parentId = asked.mimeType === FOLDER_MIME ? asked.id : asked.parents[0];
    const folder = parentId === undefined ? undefined : this.openable(parentId);
    if (!folder || folder.mimeType !== FOLDER_MIME) return null;
    const folderId = folder.id;
    const items = this.drive
      .children(folderId)
      .filter((item) => !this.drive.isTrashed(item.id) && this.drive.roleOf(item.id, this.user) !== null)
      .map((item): DriveItemView => ({
        id: item.id,
        name: item.name,
        mimeType: item.mimeType,
        kind: kindOf(item.mimeType),
        size: item.size,
        updated: item.lastUpdated,
      }))
      .sort(
        (a, b) =>
          Number(b.kind === 'folder') - Number(a.kind === 'folder') ||
          a.name.localeCompare(b.name, 'en', { numeric: true }),
      );
    const path: { id: string; name: string }[] = [];
    const seen = new Set<string>();
    for (let current: typeof folder | undefined = folder; current && !seen.has(current.id);) {
      seen.add(current.id);
      path.unshift({ id: current.id, name: current.name });
      const parent: string | undefined = current.parents[0];
      current = parent === undefined ? undefined : this.openable(parent);
    }
    const view: FolderView = { folder: { id: folder.id, name: folder.name }, path, items };
    if (asked.id !== folder.id) view.focus = asked.id;
    return view;
  }

  /**
   * A file's bytes and the headers to send them with: images as themselves, JSON and text as plain
   * text, anything else as a download.
   */
  file(id: string): { bytes: Uint8Array; headers: Record<string, string> } | null {
    const item = this.openable(id);
    if (!item || item.mimeType === FOLDER_MIME) return null;
    const kind = kindOf(item.mimeType);
    const headers: Record<string, string> = {
      'Content-Type':
        kind === 'image'
          ? item.mimeType
          : kind === 'text'
            ? 'text/plain; charset=utf-8'
            : 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': 'no-store',
    };
    if (kind === 'other') {
      headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`;
    }
    return { bytes: this.drive.readBytes(id), headers };
  }

  /** Puts a photo from Jenny's computer into My Drive › Product photos, as her own file. */
  addProductPhoto(name: string, mimeType: string, bytes: Uint8Array): string {
    const root = this.drive.rootId(this.user);
    let folderId = this.drive
      .children(root)
      .find(
        (item) =>
          item.name === PRODUCT_PHOTOS_FOLDER &&
          item.mimeType === FOLDER_MIME &&
          !this.drive.isTrashed(item.id),
      )?.id;
    folderId ??= this.drive.addFolder({ name: PRODUCT_PHOTOS_FOLDER, owner: this.user, parentId: root });
    return this.drive.addFile({ name, owner: this.user, parentId: folderId, mimeType, content: bytes });
  }
}

/** The image type the bytes really are (JPEG or PNG, what the add-on takes), or null. */
export function sniffPhoto(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > png.length && png.every((byte, i) => bytes[i] === byte)) return 'image/png';
  return null;
}

/** A file name safe to keep: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string, fallback: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || fallback).slice(0, 200);
}
