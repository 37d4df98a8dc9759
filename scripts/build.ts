/** npm run build: build/Code.js, build/Sidebar.html and build/appsscript.json, the folder clasp pushes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildServer, BuildError } from './build/server';
import { buildSidebar } from './build/sidebar';
import { checkManifest } from './build/manifest';

const OUT = 'build';

async function main(): Promise<void> {
  const started = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  const server = await buildServer('src/server/index.ts');
  fs.writeFileSync(path.join(OUT, 'Code.js'), server.code);
  const sidebar = await buildSidebar('src/sidebar/main.tsx', 'src/sidebar/index.html');
  fs.writeFileSync(path.join(OUT, 'Sidebar.html'), sidebar);
  const manifestText = fs.readFileSync('appsscript.json', 'utf8');
  checkManifest(manifestText);
  fs.writeFileSync(path.join(OUT, 'appsscript.json'), manifestText);
  const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
  console.log(
    `build/Code.js ${kb(server.code)} (${server.exports.length} entry points), build/Sidebar.html ${kb(sidebar)}, build/appsscript.json — ${Date.now() - started} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof BuildError ? `Build failed: ${error.message}` : error);
  process.exit(1);
});
