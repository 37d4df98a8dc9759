/**
 * These services as a script really meets them: behind the runtime's boundary, called from a vm context
 * whose Arrays, Dates and Errors are not Node's.
 */
import * as vm from 'node:vm';
import { Boundary } from '../../../emulator/core/boundary';
import { TestEnv } from '../../../emulator/core/env';
import { Execution } from '../../../emulator/core/execution';
import { createScriptContext } from '../../../emulator/core/script-realm';
import { CacheService, CacheStore } from '../../../emulator/services/cache';
import { DriveApp, DriveStore, MimeType } from '../../../emulator/services/drive';
import { PropertiesService, PropertiesStore } from '../../../emulator/services/properties';
import { Utilities } from '../../../emulator/services/utilities';
import { solidPng } from '../blob/images';

function runScript(source: string) {
  const env = new TestEnv({ spreadsheetId: 'sheet-1' });
  const execution = new Execution('exec-1', {
    user: env.execution.user,
    authMode: 'FULL',
    kind: 'menu',
    spreadsheetId: 'sheet-1',
    startedAt: env.now(),
  });
  env.execution = execution;
  const { context, realm } = createScriptContext(() => env.now(), 1);
  const boundary = new Boundary(
    {
      now: () => env.now(),
      spend: (ms) => env.sleep(ms),
      scopes: new Set(['https://www.googleapis.com/auth/drive']),
      countCall: () => undefined,
    },
    execution,
    realm,
  );
  const store = new DriveStore(env);
  const globals: Record<string, unknown> = {
    DriveApp: boundary.global('DriveApp', new DriveApp(env, store)),
    Utilities: boundary.global('Utilities', new Utilities(env)),
    PropertiesService: boundary.global(
      'PropertiesService',
      new PropertiesService(env, new PropertiesStore()),
    ),
    CacheService: boundary.global('CacheService', new CacheService(env, new CacheStore(env))),
    MimeType: boundary.toScript(MimeType, 'MimeType'),
    PNG_BYTES: boundary.toScript([...solidPng(2, 2, [255, 0, 0, 255])], 'test'),
  };
  for (const [name, value] of Object.entries(globals)) (context as Record<string, unknown>)[name] = value;
  return { result: vm.runInContext(source, context) as unknown, store, env };
}

describe('services behind the boundary', () => {
  it('round-trip a blob through Drive, converting it on the way', () => {
    const { result, store } = runScript(`
      const folder = DriveApp.createFolder('Out');
      const png = Utilities.newBlob(PNG_BYTES, MimeType.PNG, 'slide.png');
      const file = folder.createFile(png.getAs(MimeType.JPEG));
      const again = DriveApp.getFileById(file.getId());
      [again.getName(), again.getMimeType(), again.getParents().next().getName(), Array.isArray(again.getBlob().getBytes())];
    `);
    expect(result).toEqual(['slide.jpg', 'image/jpeg', 'Out', true]);
    expect(store.findByPath('jenny@example.com', 'Out/slide.jpg')?.mimeType).toBe('image/jpeg');
  });

  it('formats a script-realm Date and hands back script-realm Dates', () => {
    const { result } = runScript(`
      const file = DriveApp.createFile('a.txt', 'a');
      [Utilities.formatDate(new Date(Date.UTC(2026, 0, 5, 14, 7)), 'UTC', 'yyyy-MM-dd HH:mm'),
       file.getDateCreated() instanceof Date];
    `);
    expect(result).toEqual(['2026-01-05 14:07', true]);
  });

  it('gives scripts enums and plain objects they can use', () => {
    const { result } = runScript(`
      const props = PropertiesService.getDocumentProperties();
      props.setProperties({ a: '1', b: '2' });
      const cache = CacheService.getUserCache();
      cache.putAll({ x: 'y' });
      const all = props.getProperties();
      [Object.keys(all).join(','), all instanceof Object, String(Utilities.DigestAlgorithm.SHA_256),
       DriveApp.Access.ANYONE_WITH_LINK, cache.getAll(['x', 'z']).x];
    `);
    expect(result).toEqual(['a,b', true, 'SHA_256', 'ANYONE_WITH_LINK', 'y']);
  });

  it('throws Apps Script errors the script can catch and read', () => {
    const { result } = runScript(`
      const out = [];
      try { DriveApp.getFileById('1missing'); } catch (e) { out.push(String(e)); }
      try { DriveApp.getFiles().next(); } catch (e) { out.push(e.message, e instanceof Error); }
      out;
    `);
    expect(result).toEqual([
      'Exception: No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
      'Cannot retrieve the next object: iterator has reached the end.',
      true,
    ]);
  });

  it('hides the emulator’s own helpers from scripts', () => {
    const { result } = runScript(`
      const file = DriveApp.createFile('a.txt', 'a');
      let helper;
      try { file._item(); } catch (e) { helper = e.message; }
      [helper, typeof file.context, typeof file.id, String(file)];
    `);
    expect(result).toEqual(['not emulated: File._item', 'undefined', 'undefined', 'File']);
  });
});
