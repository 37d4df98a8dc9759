/**
 * FileIterator and FolderIterator. The ids are fixed when the iterator is made (Drive pages through a
 * query's results the same way); an item deleted for good meanwhile is skipped. A continuation token
 * carries the ids still to come and the user, so DriveApp.continueFileIterator can pick up later.
 */
import { GasError } from '../../core/env';
import { ITERATOR_END, currentUser, type DriveContext } from './drive-context';
import type { File } from './file';
import type { Folder } from './folder';

export type IteratorKind = 'file' | 'folder';

interface TokenBody {
  kind: IteratorKind;
  user: string;
  ids: string[];
}

export const INVALID_TOKEN = 'Invalid argument: continuationToken';

export function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** The ids a token still holds, if it was made for this kind of iterator and this user. */
export function decodeToken(token: unknown, kind: IteratorKind, user: string): string[] {
  if (typeof token !== 'string') throw new GasError(INVALID_TOKEN);
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
    if (body.kind === kind && body.user === user && Array.isArray(body.ids)) return body.ids.map(String);
  } catch {
    // Falls through to the same error as a well-formed token for another iterator.
  }
  throw new GasError(INVALID_TOKEN);
}

abstract class DriveIterator<T> {
  private position = 0;

  constructor(
    protected readonly context: DriveContext,
    private readonly ids: readonly string[],
    private readonly kind: IteratorKind,
  ) {}

  protected abstract _make(id: string): T;

  private _skipGone(): void {
    while (this.position < this.ids.length && !this.context.store.has(this.ids[this.position] ?? '')) {
      this.position += 1;
    }
  }

  hasNext(): boolean {
    this._skipGone();
    return this.position < this.ids.length;
  }

  next(): T {
    this._skipGone();
    const id = this.ids[this.position];
    if (id === undefined) throw new GasError(ITERATOR_END);
    this.position += 1;
    return this._make(id);
  }

  /** Null once nothing is left to continue with. */
  getContinuationToken(): string | null {
    if (!this.hasNext()) return null;
    return encodeToken({
      kind: this.kind,
      user: currentUser(this.context),
      ids: this.ids.slice(this.position),
    });
  }
}

export class FileIterator extends DriveIterator<File> {
  static readonly gasName = 'FileIterator';

  constructor(context: DriveContext, ids: readonly string[]) {
    super(context, ids, 'file');
  }

  protected _make(id: string): File {
    return this.context.file(id);
  }
}

export class FolderIterator extends DriveIterator<Folder> {
  static readonly gasName = 'FolderIterator';

  constructor(context: DriveContext, ids: readonly string[]) {
    super(context, ids, 'folder');
  }

  protected _make(id: string): Folder {
    return this.context.folder(id);
  }
}
