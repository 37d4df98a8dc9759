/**
 * The endpoints of the simulated Drive REST API: create (metadata only, or a folder), multipart upload,
 * list, get, download, patch. Each one checks the caller as Drive would (see context.ts) and changes
 * the world's DriveStore, so DriveApp sees the result.
 */
import { z } from 'zod';
import { bodyText, type SimRequest, type SimResponse } from '../../core/http';
import { FOLDER_MIME } from '../../services/drive/mime-type';
import { isGoogleType } from '../../services/drive';
import { checkReadable, checkWritable, resolveId, storageUsed, type SimContext } from './context';
import { parseFields, type FieldSelection } from './fields';
import { boundaryOf, parseMultipart } from './multipart';
import { DEFAULT_FILE_SELECTION, selectFile } from './resource';
import * as wire from './wire';

export { listFiles } from './list';

const MetadataSchema = z.object({
  name: z.string().optional(),
  mimeType: z.string().optional(),
  parents: z.array(z.string()).optional(),
  description: z.string().optional(),
  appProperties: z.record(z.string(), z.string()).optional(),
});
type Metadata = z.infer<typeof MetadataSchema>;

const PatchSchema = z.object({
  name: z.string().min(1).optional(),
  trashed: z.boolean().optional(),
  description: z.string().optional(),
  appProperties: z.record(z.string(), z.string().nullable()).optional(),
});

/** The `fields` of a request, Drive's default when absent, or the 400 Drive answers when malformed. */
export function fieldsOf(url: URL): FieldSelection | SimResponse {
  const text = url.searchParams.get('fields');
  if (text === null) return DEFAULT_FILE_SELECTION;
  return parseFields(text) ?? wire.invalidValue('fields', `Invalid field selection ${text}`);
}

/** A file resource cut to `fields`, or 400 for a field Drive does not know. */
export function answerWithFile(
  context: SimContext,
  id: string,
  user: string,
  fields: FieldSelection,
): SimResponse {
  const selected = selectFile(context, id, user, fields);
  if ('unknown' in selected)
    return wire.invalidValue('fields', `Invalid field selection ${selected.unknown}`);
  return wire.json(200, selected.ok);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The one parent a new item goes into (My Drive when none is named), if the app may write there. */
function parentFor(context: SimContext, user: string, metadata: Metadata): { id: string } | SimResponse {
  const parents = metadata.parents ?? ['root'];
  if (parents.length !== 1) {
    return wire.badRequest('A file must have exactly one parent when the simulator creates it.');
  }
  const requested = parents[0] ?? 'root';
  const checked = checkWritable(context, user, requested, 'editor');
  if (!checked.ok) return checked.response;
  if (!context.store.isFolder(checked.id)) {
    return wire.invalidValue('parents', `The specified parent ${requested} is not a folder.`);
  }
  return { id: checked.id };
}

function created(
  context: SimContext,
  id: string,
  user: string,
  metadata: Metadata,
  fields: FieldSelection,
): SimResponse {
  context.grants.grant(id);
  if (metadata.appProperties) context.grants.setAppProperties(id, metadata.appProperties);
  return answerWithFile(context, id, user, fields);
}

/** POST /drive/v3/files: a folder, or an empty file, from JSON metadata alone. */
export function createFromMetadata(
  context: SimContext,
  user: string,
  request: SimRequest,
  url: URL,
): SimResponse {
  const fields = fieldsOf(url);
  if (!(fields instanceof Map)) return fields;
  const parsed = MetadataSchema.safeParse(request.body.length === 0 ? {} : parseJson(bodyText(request)));
  if (!parsed.success) return wire.badRequest('Invalid JSON payload received.');
  const metadata = parsed.data;
  const parent = parentFor(context, user, metadata);
  if (!('id' in parent)) return parent;
  const name = metadata.name ?? 'Untitled';
  const spec = { name, owner: user, parentId: parent.id, description: metadata.description ?? null };
  const id =
    metadata.mimeType === FOLDER_MIME
      ? context.store.addFolder(spec)
      : context.store.addFile({ ...spec, mimeType: metadata.mimeType ?? 'application/octet-stream' });
  return created(context, id, user, metadata, fields);
}

/** POST /upload/drive/v3/files?uploadType=multipart: metadata and bytes in one body. */
export function uploadMultipart(
  context: SimContext,
  user: string,
  request: SimRequest,
  url: URL,
): SimResponse {
  const uploadType = url.searchParams.get('uploadType');
  if (uploadType !== 'multipart') {
    return wire.invalidValue(
      'uploadType',
      `The simulator supports uploadType=multipart only, not ${uploadType}.`,
    );
  }
  const fields = fieldsOf(url);
  if (!(fields instanceof Map)) return fields;
  const boundary = boundaryOf(request.headers['content-type']);
  const parts = boundary === null ? null : parseMultipart(request.body, boundary);
  const [metadataPart, mediaPart] = parts ?? [];
  if (!parts || parts.length !== 2 || !metadataPart || !mediaPart) {
    return wire.badRequest('Malformed multipart body.');
  }
  if (!/^application\/json\b/i.test(metadataPart.headers['content-type'] ?? '')) {
    return wire.badRequest('The first part of a multipart upload must be the JSON metadata.');
  }
  const parsed = MetadataSchema.safeParse(parseJson(new TextDecoder().decode(metadataPart.body)));
  if (!parsed.success) return wire.badRequest('Invalid JSON payload received.');
  const metadata = parsed.data;
  const mimeType = metadata.mimeType ?? mediaPart.headers['content-type'] ?? 'application/octet-stream';
  if (mimeType === FOLDER_MIME || isGoogleType(mimeType)) {
    return wire.badRequest('The simulator does not convert uploads into Google types or folders.');
  }
  const parent = parentFor(context, user, metadata);
  if (!('id' in parent)) return parent;
  if (storageUsed(context, user) + mediaPart.body.length > context.storageLimitBytes) {
    return wire.storageQuotaExceeded();
  }
  const id = context.store.addFile({
    name: metadata.name ?? 'Untitled',
    owner: user,
    parentId: parent.id,
    mimeType,
    content: mediaPart.body,
    description: metadata.description ?? null,
  });
  return created(context, id, user, metadata, fields);
}

/** GET /drive/v3/files/{id} */
export function getFile(context: SimContext, user: string, rawId: string, url: URL): SimResponse {
  const fields = fieldsOf(url);
  if (!(fields instanceof Map)) return fields;
  const checked = checkReadable(context, user, rawId);
  return checked.ok ? answerWithFile(context, checked.id, user, fields) : checked.response;
}

/** GET /drive/v3/files/{id}?alt=media: the bytes, exactly as stored. */
export function downloadFile(context: SimContext, user: string, rawId: string): SimResponse {
  const checked = checkReadable(context, user, rawId);
  if (!checked.ok) return checked.response;
  const item = context.store.get(checked.id);
  if (!item || item.mimeType === FOLDER_MIME || isGoogleType(item.mimeType)) return wire.notDownloadable();
  const bytes = context.store.readBytes(checked.id);
  return {
    status: 200,
    headers: { 'Content-Type': item.mimeType, 'Content-Length': String(bytes.length) },
    body: new Uint8Array(bytes),
  };
}

/** PATCH /drive/v3/files/{id}: rename, trash or untrash, description, appProperties. */
export function patchFile(
  context: SimContext,
  user: string,
  rawId: string,
  request: SimRequest,
  url: URL,
): SimResponse {
  const fields = fieldsOf(url);
  if (!(fields instanceof Map)) return fields;
  const parsed = PatchSchema.safeParse(parseJson(bodyText(request)));
  if (!parsed.success) return wire.badRequest('Invalid JSON payload received.');
  const patch = parsed.data;
  // Drive lets only the owner trash an item in My Drive; renaming needs edit access.
  const checked = checkWritable(context, user, rawId, patch.trashed === undefined ? 'editor' : 'owner');
  if (!checked.ok) return checked.response;
  const id = checked.id;
  if (id === resolveId(context, user, 'root')) return wire.insufficientFilePermissions(rawId);
  if (patch.trashed !== undefined) context.store.update(id, { trashed: patch.trashed });
  if (patch.name !== undefined || patch.description !== undefined) {
    context.store.update(
      id,
      {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
      },
      true,
    );
  }
  if (patch.appProperties) context.grants.setAppProperties(id, patch.appProperties);
  return answerWithFile(context, id, user, fields);
}
