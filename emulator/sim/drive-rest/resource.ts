/** A Drive item as the REST API describes it (`drive#file`), cut down to the requested `fields`. */
import { FOLDER_MIME } from '../../services/drive/mime-type';
import { isGoogleType } from '../../services/drive';
import type { SimContext } from './context';
import { project, type FieldSelection } from './fields';

export const FILE_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'id',
  'name',
  'mimeType',
  'parents',
  'size',
  'createdTime',
  'modifiedTime',
  'trashed',
  'explicitlyTrashed',
  'starred',
  'description',
  'webViewLink',
  'appProperties',
  'ownedByMe',
]);

/** What Drive returns when no `fields` is given. */
export const DEFAULT_FILE_SELECTION: FieldSelection = new Map(
  ['kind', 'id', 'name', 'mimeType'].map((name) => [name, true as const]),
);

export function fileResource(context: SimContext, id: string, user: string): Record<string, unknown> {
  const item = context.store.get(id);
  if (!item) throw new Error(`Drive REST sim: no item ${id}`);
  const folder = item.mimeType === FOLDER_MIME;
  const binary = !folder && !isGoogleType(item.mimeType);
  return {
    kind: 'drive#file',
    id,
    name: item.name,
    mimeType: item.mimeType,
    parents: item.parents.length > 0 ? [...item.parents] : undefined,
    size: binary ? String(item.size) : undefined,
    createdTime: new Date(item.dateCreated).toISOString(),
    modifiedTime: new Date(item.lastUpdated).toISOString(),
    trashed: context.store.isTrashed(id),
    explicitlyTrashed: item.trashed,
    starred: item.starred,
    description: item.description ?? undefined,
    webViewLink: folder
      ? `https://drive.google.com/drive/folders/${id}`
      : `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
    appProperties: context.grants.appPropertiesOf(id),
    ownedByMe: item.owner === user,
  };
}

export function selectFile(
  context: SimContext,
  id: string,
  user: string,
  selection: FieldSelection | true,
): { ok: Record<string, unknown> } | { unknown: string } {
  return project(fileResource(context, id, user), selection, FILE_FIELDS);
}
