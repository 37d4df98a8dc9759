/**
 * Bundles src/server for Apps Script: one classic script (no modules), the code inside an IIFE that
 * assigns the entry module's exports to a global, followed by a top-level `function` stub per export
 * so Apps Script can see onOpen, the menu handlers, triggers and the sidebar's calls.
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import * as vm from 'node:vm';

export const SERVER_GLOBAL = 'SlideshowRemix';
const SERVER_TARGET = 'es2020';

export class BuildError extends Error {
  override name = 'BuildError';
}

/** The names the entry module exports, read from esbuild's own analysis of the module. */
export async function listEntryExports(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const outputs = Object.values(result.metafile.outputs).filter((output) => output.entryPoint !== undefined);
  const exports = outputs[0]?.exports ?? [];
  return [...exports].sort();
}

export function stubFor(name: string): string {
  return `function ${name}(...args) { return ${SERVER_GLOBAL}.${name}(...args); }`;
}

/**
 * Fails the build when Apps Script could not load the bundle: it must compile as a classic script
 * (an `import` or `export` statement is a SyntaxError there), must not use dynamic `import()`,
 * and must declare a top-level function for every export.
 */
export function checkServerBundle(code: string, exportNames: readonly string[]): void {
  try {
    new vm.Script(code, { filename: 'Code.js' });
  } catch (error) {
    throw new BuildError(
      `Code.js is not a classic script Apps Script can load (an import or export statement?): ${String(error)}`,
    );
  }
  // Comments may mention import(); only code counts, so look at the bundle with its comments stripped.
  const stripped = esbuild.transformSync(code, { minifyWhitespace: true, legalComments: 'none', charset: 'utf8' }).code;
  if (/\bimport\s*\(/.test(stripped)) {
    throw new BuildError('Code.js uses dynamic import(), which Apps Script does not have.');
  }
  const declared = new Set([...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((match) => match[1]));
  const missing = exportNames.filter((name) => !declared.has(name));
  if (missing.length > 0) {
    throw new BuildError(`Code.js lacks a top-level function stub for: ${missing.join(', ')}.`);
  }
}

export async function buildServer(entry: string): Promise<{ code: string; exports: string[] }> {
  const exports = await listEntryExports(entry);
  if (exports.length === 0) throw new BuildError(`${entry} exports nothing: Apps Script would see no function.`);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: SERVER_GLOBAL,
    target: SERVER_TARGET,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    absWorkingDir: path.resolve('.'),
  });
  const bundle = result.outputFiles[0]?.text ?? '';
  const header = `// Built from src/server by scripts/build. Do not edit: run npm run build.\n`;
  const stubs = exports.map(stubFor).join('\n');
  const code = `${header}${bundle}\n${stubs}\n`;
  checkServerBundle(code, exports);
  return { code, exports };
}
