/**
 * The runtime's boundary lets a script call every function on a service object's prototype chain except
 * `_`-prefixed ones. These tests pin each class's callable surface to Apps Script's own method names, so
 * an emulator helper cannot leak to scripts and let the add-on depend on something the real service lacks.
 */
import { TestEnv } from '../../../emulator/core/env';
import { newBlob } from '../../../emulator/services/blob';
import { CacheService, CacheStore } from '../../../emulator/services/cache';
import { PropertiesService, PropertiesStore } from '../../../emulator/services/properties';
import { Utilities } from '../../../emulator/services/utilities';
import { makeDrive } from './helpers';

function scriptMethods(object: object): string[] {
  const out = new Set<string>();
  for (let proto = Object.getPrototypeOf(object) as object | null; proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value: unknown = Reflect.get(proto, name);
      if (name !== 'constructor' && !name.startsWith('_') && typeof value === 'function') out.add(name);
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return [...out].sort();
}

const SHARED_ITEM_METHODS = [
  'addEditor',
  'addEditors',
  'addViewer',
  'addViewers',
  'getAccess',
  'getDateCreated',
  'getDescription',
  'getEditors',
  'getId',
  'getLastUpdated',
  'getName',
  'getOwner',
  'getParents',
  'getResourceKey',
  'getSharingAccess',
  'getSharingPermission',
  'getSize',
  'getUrl',
  'getViewers',
  'isShareableByEditors',
  'isStarred',
  'isTrashed',
  'moveTo',
  'removeEditor',
  'removeViewer',
  'setDescription',
  'setName',
  'setSharing',
  'setStarred',
  'setTrashed',
];

/** Every name must be a method of the Apps Script class (checked by hand against the reference). */
describe('script-visible methods', () => {
  const { drive } = makeDrive();
  const file = drive.createFile('a', 'a');
  const folder = drive.createFolder('f');

  it('File', () => {
    expect(scriptMethods(file)).toEqual(
      [
        ...SHARED_ITEM_METHODS,
        'getAs',
        'getBlob',
        'getDownloadUrl',
        'getMimeType',
        'makeCopy',
        'setContent',
      ].sort(),
    );
  });

  it('Folder', () => {
    expect(scriptMethods(folder)).toEqual(
      [
        ...SHARED_ITEM_METHODS,
        'addFile',
        'addFolder',
        'createFile',
        'createFolder',
        'getFiles',
        'getFilesByName',
        'getFilesByType',
        'getFolders',
        'getFoldersByName',
        'removeFile',
        'removeFolder',
      ].sort(),
    );
  });

  it('DriveApp, iterators and User', () => {
    expect(scriptMethods(drive)).toEqual([
      'addFile',
      'addFolder',
      'continueFileIterator',
      'continueFolderIterator',
      'createFile',
      'createFolder',
      'getFileById',
      'getFiles',
      'getFilesByName',
      'getFilesByType',
      'getFolderById',
      'getFolders',
      'getFoldersByName',
      'getRootFolder',
      'getStorageLimit',
      'getStorageUsed',
      'getTrashedFiles',
      'getTrashedFolders',
      'removeFile',
      'removeFolder',
    ]);
    expect(scriptMethods(drive.getFiles())).toEqual(['getContinuationToken', 'hasNext', 'next']);
    expect(scriptMethods(drive.getFolders())).toEqual(['getContinuationToken', 'hasNext', 'next']);
    expect(scriptMethods(file.getOwner())).toEqual(['getDomain', 'getEmail', 'getName', 'getPhotoUrl']);
  });

  it('Blob', () => {
    expect(scriptMethods(newBlob('x'))).toEqual([
      'copyBlob',
      'getAs',
      'getBlob',
      'getBytes',
      'getContentType',
      'getDataAsString',
      'getName',
      'isGoogleType',
      'setBytes',
      'setContentType',
      'setContentTypeFromExtension',
      'setDataFromString',
      'setName',
    ]);
  });

  it('Utilities', () => {
    expect(scriptMethods(new Utilities(new TestEnv()))).toEqual([
      'base64Decode',
      'base64DecodeWebSafe',
      'base64Encode',
      'base64EncodeWebSafe',
      'computeDigest',
      'computeHmacSha256Signature',
      'computeHmacSignature',
      'formatDate',
      'getUuid',
      'newBlob',
      'parseCsv',
      'sleep',
    ]);
  });

  it('PropertiesService, Properties, CacheService and Cache', () => {
    const env = new TestEnv({ spreadsheetId: 's' });
    const properties = new PropertiesService(env, new PropertiesStore());
    expect(scriptMethods(properties)).toEqual([
      'getDocumentProperties',
      'getScriptProperties',
      'getUserProperties',
    ]);
    expect(scriptMethods(properties.getScriptProperties())).toEqual([
      'deleteAllProperties',
      'deleteProperty',
      'getKeys',
      'getProperties',
      'getProperty',
      'setProperties',
      'setProperty',
    ]);
    const cache = new CacheService(env, new CacheStore(env));
    expect(scriptMethods(cache)).toEqual(['getDocumentCache', 'getScriptCache', 'getUserCache']);
    expect(scriptMethods(cache.getScriptCache())).toEqual([
      'get',
      'getAll',
      'put',
      'putAll',
      'remove',
      'removeAll',
    ]);
  });
});
