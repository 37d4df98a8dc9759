/**
 * GET /drive/v3/files: search with `q` (the subset in query.ts), in creation order, paged by
 * `pageSize` (1-1000, default 100) and an opaque `nextPageToken` tied to the query it came from.
 */
import type { SimResponse } from '../../core/http';
import { resolveId, type SimContext } from './context';
import { parseFields, type FieldSelection } from './fields';
import { parseQuery, type Clause } from './query';
import { DEFAULT_FILE_SELECTION, selectFile } from './resource';
import * as wire from './wire';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;
const LIST_FIELDS = new Set(['kind', 'nextPageToken', 'incompleteSearch', 'files']);

function pageToken(q: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q, offset }), 'utf8').toString('base64url');
}

function readPageToken(token: string, q: string): number | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { q: tokenQ, offset } = value as { q?: unknown; offset?: unknown };
    return tokenQ === q && typeof offset === 'number' && Number.isInteger(offset) && offset >= 0
      ? offset
      : null;
  } catch {
    return null;
  }
}

function matches(context: SimContext, id: string, clauses: readonly Clause[], user: string): boolean {
  const item = context.store.get(id);
  if (!item) return false;
  return clauses.every((clause) => {
    switch (clause.kind) {
      case 'in-parents':
        return item.parents.includes(resolveId(context, user, clause.parentId));
      case 'name':
        return (item.name === clause.value) !== clause.negated;
      case 'mimeType':
        return (item.mimeType === clause.value) !== clause.negated;
      case 'trashed':
        return (context.store.isTrashed(id) === clause.value) !== clause.negated;
    }
  });
}

/** Candidates: a named folder's children the user may open, else everything in the user's Drive. */
function candidates(context: SimContext, clauses: readonly Clause[], user: string): string[] {
  const parent = clauses.find((clause) => clause.kind === 'in-parents');
  const { store } = context;
  if (parent) {
    const id = resolveId(context, user, parent.parentId);
    return store
      .children(id)
      .filter((item) => store.roleOf(item.id, user) !== null)
      .map((item) => item.id);
  }
  return store
    .list()
    .filter((item) => !store.isRoot(item.id) && store.isListedFor(item.id, user))
    .map((item) => item.id);
}

interface ListSelection {
  top: Set<string>;
  files: FieldSelection | true;
}

function listSelection(text: string | null): ListSelection | string {
  if (text === null) return { top: new Set(LIST_FIELDS), files: DEFAULT_FILE_SELECTION };
  const parsed = parseFields(text);
  if (parsed === null) return text;
  if (parsed.has('*')) return { top: new Set(LIST_FIELDS), files: true };
  const top = new Set<string>();
  let files: FieldSelection | true = true;
  for (const [name, sub] of parsed) {
    if (!LIST_FIELDS.has(name) || (name !== 'files' && sub !== true)) return name;
    top.add(name);
    if (name === 'files') files = sub;
  }
  return { top, files };
}

export function listFiles(context: SimContext, user: string, url: URL): SimResponse {
  const q = url.searchParams.get('q') ?? '';
  const clauses = q.trim() === '' ? [] : parseQuery(q);
  if (clauses === null) return wire.invalidValue('q');
  const sizeText = url.searchParams.get('pageSize');
  const pageSize = sizeText === null ? DEFAULT_PAGE_SIZE : Number(sizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return wire.invalidValue(
      'pageSize',
      `Invalid value '${sizeText}'. Values must be within the range: [1, 1000]`,
    );
  }
  const tokenText = url.searchParams.get('pageToken');
  const offset = tokenText === null ? 0 : readPageToken(tokenText, q);
  if (offset === null) return wire.invalidValue('pageToken');
  const selection = listSelection(url.searchParams.get('fields'));
  if (typeof selection === 'string')
    return wire.invalidValue('fields', `Invalid field selection ${selection}`);

  const found = candidates(context, clauses, user).filter((id) => matches(context, id, clauses, user));
  const page = found.slice(offset, offset + pageSize);
  const files: Record<string, unknown>[] = [];
  for (const id of page) {
    const selected = selectFile(context, id, user, selection.files);
    if ('unknown' in selected)
      return wire.invalidValue('fields', `Invalid field selection ${selected.unknown}`);
    files.push(selected.ok);
  }
  const next = offset + pageSize < found.length ? pageToken(q, offset + pageSize) : undefined;
  const body: Record<string, unknown> = {};
  if (selection.top.has('kind')) body.kind = 'drive#fileList';
  if (selection.top.has('nextPageToken') && next !== undefined) body.nextPageToken = next;
  if (selection.top.has('incompleteSearch')) body.incompleteSearch = false;
  if (selection.top.has('files')) body.files = files;
  return wire.json(200, body);
}
