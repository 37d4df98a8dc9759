/** What the Drive store records about each item, the sharing enums, and the on-disk index format. */
import { z } from 'zod';

/** DriveApp.Access: who besides explicitly added users may open the item. */
export const Access = Object.freeze({
  ANYONE: 'ANYONE',
  ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
  DOMAIN: 'DOMAIN',
  DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK',
  PRIVATE: 'PRIVATE',
} as const);

/** DriveApp.Permission: what those users may do. */
export const Permission = Object.freeze({
  VIEW: 'VIEW',
  EDIT: 'EDIT',
  COMMENT: 'COMMENT',
  OWNER: 'OWNER',
  ORGANIZER: 'ORGANIZER',
  FILE_ORGANIZER: 'FILE_ORGANIZER',
  NONE: 'NONE',
} as const);

export type AccessName = keyof typeof Access;
export type PermissionName = keyof typeof Permission;

const accessSchema = z.enum(Object.keys(Access) as [AccessName, ...AccessName[]]);
const permissionSchema = z.enum(Object.keys(Permission) as [PermissionName, ...PermissionName[]]);

export const itemSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  mimeType: z.string(),
  /** Folder ids; empty for a user's root folder. */
  parents: z.array(z.string()),
  /** Explicitly trashed; items inside a trashed folder count as trashed too (see DriveStore.isTrashed). */
  trashed: z.boolean(),
  owner: z.string(),
  editors: z.array(z.string()),
  viewers: z.array(z.string()),
  access: accessSchema,
  permission: permissionSchema,
  description: z.string().nullable(),
  starred: z.boolean(),
  /** Epoch milliseconds on the environment's clock. */
  dateCreated: z.number(),
  lastUpdated: z.number(),
  /** Bytes of content; 0 for folders and Google Workspace files. */
  size: z.number(),
});

export type DriveItemRecord = z.infer<typeof itemSchema>;

export const indexSchema = z.object({
  version: z.literal(1),
  /** User e-mail → id of that user's "My Drive" folder. */
  roots: z.record(z.string(), z.string()),
  /** In creation order, which is the order listings return. */
  items: z.array(itemSchema),
});

export type DriveIndex = z.infer<typeof indexSchema>;

/** Access an item grants a user, weakest first. */
export type Role = 'viewer' | 'commenter' | 'editor' | 'owner';

export const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };
