/** PropertiesService and the Properties objects it hands out. */
import type { ServiceEnv } from '../../core/env';
import { signatureError } from '../blob/args';
import { documentScope, SCRIPT_SCOPE, userScope, type PropertiesStore } from './properties-store';

/**
 * One property store as the script sees it. Keys and values are strings: anything else is converted with
 * String(), as the Properties guide says. Reads hand out copies, never a live view.
 */
export class Properties implements GoogleAppsScript.Properties.Properties {
  static readonly gasName = 'Properties';

  constructor(
    private readonly env: ServiceEnv,
    private readonly store: PropertiesStore,
    private readonly scope: string,
  ) {}

  private _count(kind: 'read' | 'write'): void {
    this.store.quota.record(kind, this.env.current().user, this.env.now());
  }

  getProperty(key: string): string | null {
    this._count('read');
    return this.store.map(this.scope).get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    this._count('read');
    return Object.fromEntries(this.store.map(this.scope));
  }

  getKeys(): string[] {
    this._count('read');
    return [...this.store.map(this.scope).keys()];
  }

  setProperty(key: string, value: string): Properties {
    if (value === undefined) throw signatureError('Properties.setProperty', [key, value]);
    this._count('write');
    const next = new Map(this.store.map(this.scope));
    next.set(String(key), String(value));
    this.store.commit(this.scope, next, [String(key)]);
    return this;
  }

  setProperties(properties: Record<string, string>, deleteAllOthers = false): Properties {
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      throw signatureError('Properties.setProperties', [properties, deleteAllOthers]);
    }
    this._count('write');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store.map(this.scope));
    const changed: string[] = [];
    for (const [key, value] of Object.entries(properties)) {
      next.set(key, String(value));
      changed.push(key);
    }
    this.store.commit(this.scope, next, changed);
    return this;
  }

  deleteProperty(key: string): Properties {
    this._count('write');
    this.store.map(this.scope).delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this._count('write');
    this.store.map(this.scope).clear();
    return this;
  }
}

/** getDocumentProperties is left out of the check: the d.ts says non-null, Apps Script documents null. */
export class PropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getScriptProperties' | 'getUserProperties'
> {
  static readonly gasName = 'PropertiesService';

  constructor(
    private readonly env: ServiceEnv,
    private readonly store: PropertiesStore,
  ) {}

  getScriptProperties(): Properties {
    return new Properties(this.env, this.store, SCRIPT_SCOPE);
  }

  getUserProperties(): Properties {
    return new Properties(this.env, this.store, userScope(this.env.current().user));
  }

  /** Null when the script has no container document, as documented. */
  getDocumentProperties(): Properties | null {
    const documentId = this.env.current().spreadsheetId;
    return documentId === null ? null : new Properties(this.env, this.store, documentScope(documentId));
  }
}
