import * as fs from 'node:fs';
import * as vm from 'node:vm';
import { buildServer, checkServerBundle, listEntryExports, SERVER_GLOBAL, stubFor } from '../../scripts/build/server';

const FIXTURE = 'tests/fixtures/build/entry-ok.ts';

describe('server bundle', () => {
  it('lists the entry module exports from the module itself', async () => {
    await expect(listEntryExports(FIXTURE)).resolves.toEqual(['alpha', 'beta', 'onOpen']);
  });

  it('appends one top-level stub per export that calls into the bundle', async () => {
    const { code, exports } = await buildServer(FIXTURE);
    expect(exports).toEqual(['alpha', 'beta', 'onOpen']);
    for (const name of exports) expect(code).toContain(stubFor(name));
    const context = vm.createContext({});
    vm.runInContext(code, context);
    expect(vm.runInContext('alpha()', context)).toBe('a');
    expect(vm.runInContext('beta(21)', context)).toBe(42);
    expect(typeof vm.runInContext(SERVER_GLOBAL, context)).toBe('object');
  });

  it('produces a classic script with no import or export statement', async () => {
    const { code } = await buildServer(FIXTURE);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(() => new vm.Script(code)).not.toThrow();
  });

  it('refuses an entry that exports nothing', async () => {
    await expect(buildServer('tests/fixtures/build/entry-empty.ts')).rejects.toThrow(/exports nothing/);
  });

  it('rejects a bundle that still has an export statement', () => {
    const code = 'export function onOpen() {}\nfunction onOpen(...args) { return X.onOpen(...args); }\n';
    expect(() => checkServerBundle(code, ['onOpen'])).toThrow(/not a classic script/);
  });

  it('rejects a bundle that still has an import statement', () => {
    const code = "import { x } from './x';\nfunction onOpen() {}\n";
    expect(() => checkServerBundle(code, ['onOpen'])).toThrow(/not a classic script/);
  });

  it('rejects dynamic import()', () => {
    const code = "function onOpen() { return import('./x'); }\n";
    expect(() => checkServerBundle(code, ['onOpen'])).toThrow(/dynamic import/);
  });

  it('rejects an export without its stub', () => {
    const code = 'var SlideshowRemix = { a: 1 };\nfunction onOpen(...args) {}\n';
    expect(() => checkServerBundle(code, ['onOpen', 'showSidebar'])).toThrow(/stub for: showSidebar/);
  });

  it('built build/Code.js has a stub for every export of src/server/index.ts', async () => {
    const names = await listEntryExports('src/server/index.ts');
    const code = fs.readFileSync('build/Code.js', 'utf8');
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'getAppInfo']));
    expect(() => checkServerBundle(code, names)).not.toThrow();
  });
});

describe('dynamic import check', () => {
  it('ignores import() mentioned in a comment', () => {
    const code = '// a library comment about `import()` of a path\nfunction onOpen() {}\n';
    expect(() => checkServerBundle(code, ['onOpen'])).not.toThrow();
  });
});
