/**
 * What File and Folder have in common: names, dates, parents, trash, stars and sharing.
 *
 * An object is a handle on an id: every call reads the store afresh and checks the current user's
 * access, so a change made through one handle shows through every other, as in Apps Script.
 * Who may do what, per the Drive sharing model: any role may read; renaming, describing, moving,
 * sharing and writing content take editor access; trashing takes ownership (in My Drive only the owner
 * may trash an item).
 */
import { GasError } from '../../core/env';
import { signatureError } from '../blob/args';
import { ACCESS_DENIED, currentUser, folderArgument, requireRole, type DriveContext } from './drive-context';
import {
  Access,
  Permission,
  type AccessName,
  type DriveItemRecord,
  type PermissionName,
  type Role,
} from './drive-types';
import { FolderIterator } from './iterators';
import { User } from './user';

const ROLE_PERMISSION: Readonly<Record<Role, PermissionName>> = {
  owner: 'OWNER',
  editor: 'EDIT',
  commenter: 'COMMENT',
  viewer: 'VIEW',
};

export abstract class DriveItem {
  constructor(
    protected readonly context: DriveContext,
    protected readonly id: string,
  ) {}

  /** Apps Script's class name, for signature errors. */
  protected _className(): string {
    return (this.constructor as { gasName?: string }).gasName ?? this.constructor.name;
  }

  /** The record, once the current user is known to hold at least `needed`. */
  protected _item(needed: Role = 'viewer'): Readonly<DriveItemRecord> {
    requireRole(this.context, this.id, needed);
    const item = this.context.store.get(this.id);
    if (!item) throw new Error(`Drive item ${this.id} vanished`);
    return item;
  }

  abstract getUrl(): string;
  abstract getSize(): number;

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this._item().name;
  }

  setName(name: string): this {
    if (typeof name !== 'string') throw signatureError(`${this._className()}.setName`, [name]);
    this._item('editor');
    this.context.store.update(this.id, { name }, true);
    return this;
  }

  getDescription(): string | null {
    return this._item().description;
  }

  setDescription(description: string): this {
    this._item('editor');
    this.context.store.update(
      this.id,
      { description: description === null ? null : String(description) },
      true,
    );
    return this;
  }

  getDateCreated(): Date {
    return new Date(this._item().dateCreated);
  }

  getLastUpdated(): Date {
    return new Date(this._item().lastUpdated);
  }

  getOwner(): User {
    return new User(this._item().owner);
  }

  /** The parent folders the current user can see. */
  getParents(): FolderIterator {
    const user = currentUser(this.context);
    const parents = this._item().parents.filter((parent) => this.context.store.roleOf(parent, user) !== null);
    return new FolderIterator(this.context, parents);
  }

  /** True when trashed itself or sitting in a trashed folder. */
  isTrashed(): boolean {
    this._item();
    return this.context.store.isTrashed(this.id);
  }

  setTrashed(trashed: boolean): this {
    if (typeof trashed !== 'boolean') throw signatureError(`${this._className()}.setTrashed`, [trashed]);
    this._item();
    if (this.context.store.isRoot(this.id)) throw new GasError(ACCESS_DENIED);
    requireRole(this.context, this.id, 'owner');
    this.context.store.update(this.id, { trashed });
    return this;
  }

  /** Stars are per user in Drive; the emulator keeps one star per item. */
  isStarred(): boolean {
    return this._item().starred;
  }

  setStarred(starred: boolean): this {
    this._item();
    this.context.store.update(this.id, { starred: Boolean(starred) });
    return this;
  }

  /** Moves the item into `destination`, out of every other parent. */
  moveTo(destination: DriveItem): this {
    const method = `${this._className()}.moveTo`;
    const target = folderArgument(this.context, destination, method, [destination]);
    this._item('editor');
    requireRole(this.context, target, 'editor');
    if (this.context.store.isRoot(this.id)) throw new GasError(ACCESS_DENIED);
    // A folder cannot go inside itself or its own subfolders.
    for (let at: string | undefined = target; at !== undefined; at = this.context.store.get(at)?.parents[0]) {
      if (at === this.id) throw new GasError(`Invalid argument: destination`);
    }
    this.context.store.update(this.id, { parents: [target] });
    return this;
  }

  getSharingAccess(): AccessName {
    return this._item().access;
  }

  getSharingPermission(): PermissionName {
    return this._item().permission;
  }

  setSharing(accessType: AccessName, permissionType: PermissionName): this {
    const access = String(accessType);
    const permission = String(permissionType);
    if (!(access in Access) || !(permission in Permission)) {
      throw signatureError(`${this._className()}.setSharing`, [accessType, permissionType]);
    }
    this._item('editor');
    this.context.store.update(this.id, {
      access: access as AccessName,
      permission: permission as PermissionName,
    });
    return this;
  }

  /** The owner and editors; empty for a user who cannot edit, as documented. */
  getEditors(): User[] {
    const item = this._item();
    if (!this._canEdit()) return [];
    return [item.owner, ...item.editors].map((email) => new User(email));
  }

  /** Everyone who can view, editors and owner included (Apps Script's viewers are "at least viewers"). */
  getViewers(): User[] {
    const item = this._item();
    if (!this._canEdit()) return [];
    return [item.owner, ...item.editors, ...item.viewers].map((email) => new User(email));
  }

  addEditor(emailOrUser: string | User): this {
    return this.addEditors([this._emailOf(emailOrUser, 'addEditor')]);
  }

  addEditors(emailAddresses: string[]): this {
    const emails = this._emailList(emailAddresses, 'addEditors');
    const item = this._item('editor');
    const editors = [...item.editors];
    for (const email of emails) if (email !== item.owner && !editors.includes(email)) editors.push(email);
    this.context.store.update(this.id, { editors, viewers: item.viewers.filter((v) => !emails.includes(v)) });
    return this;
  }

  addViewer(emailOrUser: string | User): this {
    return this.addViewers([this._emailOf(emailOrUser, 'addViewer')]);
  }

  /** Adding someone who can already edit changes nothing: Drive does not downgrade by adding. */
  addViewers(emailAddresses: string[]): this {
    const emails = this._emailList(emailAddresses, 'addViewers');
    const item = this._item('editor');
    const viewers = [...item.viewers];
    for (const email of emails) {
      if (email !== item.owner && !item.editors.includes(email) && !viewers.includes(email))
        viewers.push(email);
    }
    this.context.store.update(this.id, { viewers });
    return this;
  }

  removeEditor(emailOrUser: string | User): this {
    const email = this._emailOf(emailOrUser, 'removeEditor');
    const item = this._item('editor');
    this.context.store.update(this.id, { editors: item.editors.filter((e) => e !== email) });
    return this;
  }

  removeViewer(emailOrUser: string | User): this {
    const email = this._emailOf(emailOrUser, 'removeViewer');
    const item = this._item('editor');
    this.context.store.update(this.id, { viewers: item.viewers.filter((v) => v !== email) });
    return this;
  }

  /** The permission `user` holds on the item, sharing by link included. */
  getAccess(emailOrUser: string | User): PermissionName {
    const email = this._emailOf(emailOrUser, 'getAccess');
    this._item();
    const role = this.context.store.roleOf(this.id, email);
    return role === null ? 'NONE' : ROLE_PERMISSION[role];
  }

  isShareableByEditors(): boolean {
    this._item();
    return true;
  }

  getResourceKey(): string | null {
    this._item();
    return null;
  }

  private _canEdit(): boolean {
    const role = this.context.store.roleOf(this.id, currentUser(this.context));
    return role === 'editor' || role === 'owner';
  }

  private _emailOf(value: unknown, method: string): string {
    if (typeof value === 'string') return value;
    const getEmail = (value as { getEmail?: unknown } | null)?.getEmail;
    if (typeof value === 'object' && value !== null && typeof getEmail === 'function') {
      return String(getEmail.call(value));
    }
    throw signatureError(`${this._className()}.${method}`, [value]);
  }

  private _emailList(values: unknown, method: string): string[] {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw signatureError(`${this._className()}.${method}`, [values]);
    }
    for (const email of values) {
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new GasError(`Invalid email: ${email}`);
    }
    return values;
  }
}
