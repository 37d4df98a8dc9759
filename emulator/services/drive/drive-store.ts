/**
 * The emulated Google Drive: every user's items, their bytes and their sharing, in memory or persisted
 * to a directory (see DriveDisk) so that a world can be closed and reopened.
 *
 * The store enforces nothing about who may do what: DriveApp's classes ask it for roles and decide.
 * Its Node-side helpers (addFile with any owner and sharing, readBytes, tree, findByPath, ...) serve
 * test setup, the harness and the simulated Drive REST API.
 */
import type { ServiceEnv } from '../../core/env';
import { typeForName } from '../blob/content-types';
import { DriveDisk } from './drive-disk';
import {
  ROLE_RANK,
  type AccessName,
  type DriveIndex,
  type DriveItemRecord,
  type PermissionName,
  type Role,
} from './drive-types';
import { FOLDER_MIME, isGoogleType } from './mime-type';

export const ROOT_FOLDER_NAME = 'My Drive';

export interface NewItemSpec {
  name: string;
  owner: string;
  /** Parent folder; the owner's "My Drive" when omitted. */
  parentId?: string;
  /** A chosen id (e.g. a spreadsheet's); a fresh env.newId('file') when omitted. */
  id?: string;
  editors?: readonly string[];
  viewers?: readonly string[];
  access?: AccessName;
  permission?: PermissionName;
  description?: string | null;
  trashed?: boolean;
}

export interface NewFileSpec extends NewItemSpec {
  /** Defaults to the type the name's extension implies, else application/octet-stream. */
  mimeType?: string;
  /** Text is stored as UTF-8. Google Workspace types hold no content. */
  content?: Uint8Array | string;
}

export interface TreeNode {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  trashed: boolean;
  owner: string;
  children?: TreeNode[];
}

export type ItemPatch = Partial<
  Pick<
    DriveItemRecord,
    | 'name'
    | 'description'
    | 'trashed'
    | 'parents'
    | 'starred'
    | 'access'
    | 'permission'
    | 'editors'
    | 'viewers'
    | 'owner'
  >
>;

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

function stronger(a: Role | null, b: Role | null): Role | null {
  if (a === null) return b;
  if (b === null) return a;
  return ROLE_RANK[b] > ROLE_RANK[a] ? b : a;
}

export class DriveStore {
  readonly dir: string | null;
  private readonly disk: DriveDisk | null;
  private readonly items = new Map<string, DriveItemRecord>();
  private readonly roots = new Map<string, string>();
  /** Bytes already read or written; in directory mode the rest stay on disk until asked for. */
  private readonly content = new Map<string, Uint8Array>();

  constructor(
    private readonly env: Pick<ServiceEnv, 'now' | 'newId'>,
    options: { dir?: string } = {},
  ) {
    this.dir = options.dir ?? null;
    this.disk = this.dir === null ? null : new DriveDisk(this.dir);
    const saved = this.disk?.readIndex();
    if (saved) {
      for (const item of saved.items) this.items.set(item.id, item);
      for (const [user, id] of Object.entries(saved.roots)) this.roots.set(user, id);
    }
  }

  // ---- queries -------------------------------------------------------------------------------------

  has(id: string): boolean {
    return this.items.has(id);
  }

  /** The live record (read-only to callers), or undefined. */
  get(id: string): Readonly<DriveItemRecord> | undefined {
    return this.items.get(id);
  }

  isFolder(id: string): boolean {
    return this.items.get(id)?.mimeType === FOLDER_MIME;
  }

  isRoot(id: string): boolean {
    for (const rootId of this.roots.values()) if (rootId === id) return true;
    return false;
  }

  /** Every item in creation order (the order listings use). */
  list(): readonly Readonly<DriveItemRecord>[] {
    return [...this.items.values()];
  }

  /** Items whose parents include the folder, trashed or not, in creation order. */
  children(folderId: string): readonly Readonly<DriveItemRecord>[] {
    return this.list().filter((item) => item.parents.includes(folderId));
  }

  /** Id of the user's "My Drive" folder, made on first use. */
  rootId(user: string): string {
    const existing = this.roots.get(user);
    if (existing !== undefined) return existing;
    const id = this.freshId();
    const now = this.env.now();
    this.items.set(id, {
      id,
      name: ROOT_FOLDER_NAME,
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      owner: user,
      editors: [],
      viewers: [],
      access: 'PRIVATE',
      permission: 'NONE',
      description: null,
      starred: false,
      dateCreated: now,
      lastUpdated: now,
      size: 0,
    });
    this.roots.set(user, id);
    this.save();
    return id;
  }

  /** Trashed itself, or inside a trashed folder (every parent trashed), as Drive reports it. */
  isTrashed(id: string, seen: Set<string> = new Set()): boolean {
    const item = this.items.get(id);
    if (!item) return false;
    if (item.trashed) return true;
    if (item.parents.length === 0 || seen.has(id)) return false;
    seen.add(id);
    return item.parents.every((parent) => this.isTrashed(parent, seen));
  }

  /**
   * What `user` may do with the item: its owner owns it; explicit editors and viewers, and the users its
   * link sharing admits, get that role; and everything inside a folder inherits the folder's grants
   * (its owner becoming an editor of items others put there). Null means no access at all.
   */
  roleOf(id: string, user: string): Role | null {
    return this.resolveRole(id, user, true);
  }

  /**
   * Whether the item shows up in the user's searches and listings: granted to them by ownership or by
   * name (directly or through a folder). Link sharing lets a user open an item by id but does not put it
   * in their Drive.
   */
  isListedFor(id: string, user: string): boolean {
    return this.resolveRole(id, user, false) !== null;
  }

  private resolveRole(id: string, user: string, withLinks: boolean): Role | null {
    const item = this.items.get(id);
    if (!item) return null;
    let best = this.grantedRole(item, user, true, withLinks);
    const seen = new Set([id]);
    const queue = [...item.parents];
    while (queue.length > 0) {
      const parentId = queue.shift() ?? '';
      if (seen.has(parentId)) continue;
      seen.add(parentId);
      const parent = this.items.get(parentId);
      if (!parent) continue;
      best = stronger(best, this.grantedRole(parent, user, false, withLinks));
      queue.push(...parent.parents);
    }
    return best;
  }

  private grantedRole(item: DriveItemRecord, user: string, self: boolean, withLinks: boolean): Role | null {
    let role: Role | null = null;
    if (item.owner === user) role = self ? 'owner' : 'editor';
    else if (item.editors.includes(user)) role = 'editor';
    else if (item.viewers.includes(user)) role = 'viewer';
    if (!withLinks) return role;
    const linkAdmits =
      item.access === 'ANYONE' ||
      item.access === 'ANYONE_WITH_LINK' ||
      ((item.access === 'DOMAIN' || item.access === 'DOMAIN_WITH_LINK') &&
        domainOf(item.owner) === domainOf(user));
    if (!linkAdmits) return role;
    const linkRole: Role | null =
      item.permission === 'EDIT'
        ? 'editor'
        : item.permission === 'COMMENT'
          ? 'commenter'
          : item.permission === 'VIEW'
            ? 'viewer'
            : null;
    return stronger(role, linkRole);
  }

  /** A file's bytes, not copied: callers must not change them. Empty for folders and Google types. */
  readBytes(id: string): Uint8Array {
    let bytes = this.content.get(id);
    if (!bytes) {
      bytes = this.items.has(id) && this.disk ? this.disk.readContent(id) : new Uint8Array(0);
      this.content.set(id, bytes);
    }
    return bytes;
  }

  // ---- changes -------------------------------------------------------------------------------------

  addFolder(spec: NewItemSpec): string {
    return this.insert(spec, FOLDER_MIME, null);
  }

  addFile(spec: NewFileSpec): string {
    const mimeType = spec.mimeType ?? typeForName(spec.name) ?? 'application/octet-stream';
    const content = spec.content ?? new Uint8Array(0);
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return this.insert(spec, mimeType, isGoogleType(mimeType) ? null : bytes);
  }

  private insert(spec: NewItemSpec, mimeType: string, bytes: Uint8Array | null): string {
    const parentId = spec.parentId ?? this.rootId(spec.owner);
    if (!this.isFolder(parentId)) throw new Error(`Drive store: parent ${parentId} is not a folder`);
    const id = this.freshId(spec.id);
    const now = this.env.now();
    this.items.set(id, {
      id,
      name: spec.name,
      mimeType,
      parents: [parentId],
      trashed: spec.trashed ?? false,
      owner: spec.owner,
      editors: [...(spec.editors ?? [])],
      viewers: [...(spec.viewers ?? [])],
      access: spec.access ?? 'PRIVATE',
      permission: spec.permission ?? 'NONE',
      description: spec.description ?? null,
      starred: false,
      dateCreated: now,
      lastUpdated: now,
      size: bytes?.length ?? 0,
    });
    if (bytes) {
      this.content.set(id, bytes);
      this.disk?.writeContent(id, bytes);
    }
    this.save();
    return id;
  }

  /** Changes metadata; `touch` also moves lastUpdated to now (for edits, not for moves or trashing). */
  update(id: string, patch: ItemPatch, touch = false): void {
    const item = this.record(id);
    Object.assign(item, patch);
    if (patch.parents) item.parents = [...patch.parents];
    if (patch.editors) item.editors = [...patch.editors];
    if (patch.viewers) item.viewers = [...patch.viewers];
    if (touch) item.lastUpdated = this.env.now();
    this.save();
  }

  /** Replaces a file's bytes (taken, not copied) and, if given, its MIME type. */
  writeBytes(id: string, bytes: Uint8Array, mimeType?: string): void {
    const item = this.record(id);
    item.size = bytes.length;
    if (mimeType !== undefined) item.mimeType = mimeType;
    item.lastUpdated = this.env.now();
    this.content.set(id, bytes);
    this.disk?.writeContent(id, bytes);
    this.save();
  }

  /**
   * Removes an item for good, with everything inside it that has no other parent left (what emptying
   * the trash does). Afterwards the id is unknown to DriveApp.
   */
  deleteForever(id: string): void {
    if (this.isRoot(id)) throw new Error('Drive store: a root folder cannot be deleted');
    this.record(id);
    const doomed = new Set([id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const item of this.items.values()) {
        if (!doomed.has(item.id) && item.parents.length > 0 && item.parents.every((p) => doomed.has(p))) {
          doomed.add(item.id);
          grew = true;
        }
      }
    }
    for (const item of this.items.values()) {
      if (!doomed.has(item.id) && item.parents.some((p) => doomed.has(p))) {
        item.parents = item.parents.filter((p) => !doomed.has(p));
      }
    }
    for (const gone of doomed) {
      this.items.delete(gone);
      this.content.delete(gone);
      this.disk?.deleteContent(gone);
    }
    this.save();
  }

  /** Deletes for good every explicitly trashed item (of one owner, if given); returns how many went. */
  emptyTrash(owner?: string): number {
    const before = this.items.size;
    for (const item of this.list()) {
      if (this.items.has(item.id) && item.trashed && (owner === undefined || item.owner === owner)) {
        this.deleteForever(item.id);
      }
    }
    return before - this.items.size;
  }

  // ---- Node-side views -----------------------------------------------------------------------------

  /** The metadata of everything, as saved in the index file. */
  toJSON(): DriveIndex {
    return {
      version: 1,
      roots: Object.fromEntries(this.roots),
      items: this.list().map((item) => structuredClone(item)),
    };
  }

  /** The folder tree under a folder id, or under a user's "My Drive" when given an e-mail address. */
  tree(folderIdOrUser: string): TreeNode {
    const rootId = this.items.has(folderIdOrUser) ? folderIdOrUser : this.rootId(folderIdOrUser);
    const build = (id: string, seen: Set<string>): TreeNode => {
      const item = this.record(id);
      const node: TreeNode = {
        id,
        name: item.name,
        mimeType: item.mimeType,
        size: item.size,
        trashed: this.isTrashed(id),
        owner: item.owner,
      };
      if (item.mimeType === FOLDER_MIME && !seen.has(id)) {
        const inner = new Set(seen).add(id);
        node.children = this.children(id).map((child) => build(child.id, inner));
      }
      return node;
    };
    return build(rootId, new Set());
  }

  /** The tree as indented text ("My Drive/", "  Slides/", "    a.jpg  image/jpeg  1234 B"), for logs. */
  formatTree(folderIdOrUser: string): string {
    const lines: string[] = [];
    const walk = (node: TreeNode, depth: number) => {
      const pad = '  '.repeat(depth);
      const mark = node.trashed ? '  [trashed]' : '';
      if (node.children) {
        lines.push(`${pad}${node.name}/${mark}`);
        for (const child of node.children) walk(child, depth + 1);
      } else {
        lines.push(`${pad}${node.name}  ${node.mimeType}  ${node.size} B${mark}`);
      }
    };
    walk(this.tree(folderIdOrUser), 0);
    return lines.join('\n');
  }

  /**
   * Every untrashed item at a path under the user's "My Drive", e.g. "Slideshows/run 1/out.jpg" (a
   * leading "My Drive/" or "/" is allowed). Several when Drive holds duplicate names, as it may.
   */
  findAllByPath(user: string, path: string): Readonly<DriveItemRecord>[] {
    const parts = path.split('/').filter((part) => part.length > 0);
    if (parts[0] === ROOT_FOLDER_NAME) parts.shift();
    let level: Readonly<DriveItemRecord>[] = [this.record(this.rootId(user))];
    for (const part of parts) {
      level = level.flatMap((folder) =>
        this.children(folder.id).filter((child) => child.name === part && !this.isTrashed(child.id)),
      );
    }
    return level;
  }

  /** The first (oldest) untrashed item at the path, or undefined. */
  findByPath(user: string, path: string): Readonly<DriveItemRecord> | undefined {
    return this.findAllByPath(user, path)[0];
  }

  /** "My Drive/a/b.png": the item's path through its first parents. */
  pathOf(id: string): string {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let current = this.items.get(id); current && !seen.has(current.id);) {
      seen.add(current.id);
      names.unshift(current.name);
      const parent = current.parents[0];
      current = parent === undefined ? undefined : this.items.get(parent);
    }
    return names.join('/');
  }

  // ---- internals -----------------------------------------------------------------------------------

  private record(id: string): DriveItemRecord {
    const item = this.items.get(id);
    if (!item) throw new Error(`Drive store: no item ${id}`);
    return item;
  }

  private freshId(requested?: string): string {
    if (requested !== undefined) {
      if (this.items.has(requested)) throw new Error(`Drive store: an item ${requested} already exists`);
      return requested;
    }
    // A reopened store may meet ids its environment hands out again; skipping them keeps ids unique.
    let id = this.env.newId('file');
    while (this.items.has(id)) id = this.env.newId('file');
    return id;
  }

  private save(): void {
    this.disk?.writeIndex(this.toJSON());
  }
}
