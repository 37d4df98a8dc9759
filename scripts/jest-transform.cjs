// Jest's TypeScript transform: esbuild strips types and turns modules into CommonJS in well under a
// millisecond per file (type-checking is `npm run typecheck`'s job). esbuild is already the bundler.
const esbuild = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = esbuild.transformSync(source, {
      loader: filename.endsWith('x') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return require('node:crypto')
      .createHash('sha1')
      .update(`${esbuild.version}\0${filename}\0${source}`)
      .digest('hex');
  },
};
