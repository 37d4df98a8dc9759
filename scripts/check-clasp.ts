/** Before clasp push: a clear message instead of clasp's when .clasp.json still has the template's id. */
import * as fs from 'node:fs';

const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';

function main(): number {
  if (!fs.existsSync('.clasp.json')) {
    console.error('No .clasp.json: create or bind a script first (README, "Deploy to Google Sheets").');
    return 1;
  }
  const project = JSON.parse(fs.readFileSync('.clasp.json', 'utf8')) as {
    scriptId?: string;
    rootDir?: string;
  };
  if (!project.scriptId || project.scriptId === PLACEHOLDER) {
    console.error(
      '.clasp.json has no script id yet. Run `rm .clasp.json` then `npx clasp create-script --type sheets --rootDir build`' +
        ' (or put your script id in .clasp.json): see README, "Deploy to Google Sheets".',
    );
    return 1;
  }
  if (project.rootDir !== 'build') {
    console.error('.clasp.json must have "rootDir": "build", the folder npm run build writes.');
    return 1;
  }
  return 0;
}

process.exit(main());
