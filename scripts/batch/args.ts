/** The command line of `npm run batch`. */
export class BatchInputError extends Error {}

export interface BatchArgs {
  csv: string;
  out: string;
  photoVariations?: number;
  textVariations?: number;
  json: boolean;
}

export const USAGE =
  'usage: npm run batch -- rows.csv [--out DIR] [--photo-variations N] [--text-variations N] [--json]';

function count(flag: string, value: string | undefined): number {
  const n = Number(value);
  // The sidebar offers 1–10 of each; the server clamps too, but a typo should not run silently.
  if (value === undefined || !Number.isInteger(n) || n < 1 || n > 10) {
    throw new BatchInputError(`${flag} needs a whole number from 1 to 10 (got ${value ?? 'nothing'}).`);
  }
  return n;
}

export function parseArgs(argv: readonly string[]): BatchArgs {
  let csv: string | undefined;
  let out = 'batch-output';
  let photoVariations: number | undefined;
  let textVariations: number | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--out') {
      const dir = value();
      if (!dir) throw new BatchInputError(`--out needs a folder.\n${USAGE}`);
      out = dir;
    } else if (flag === '--photo-variations') photoVariations = count(flag, value());
    else if (flag === '--text-variations') textVariations = count(flag, value());
    else if (flag === '--json') json = true;
    else if (flag?.startsWith('--')) throw new BatchInputError(`Unknown option ${flag}.\n${USAGE}`);
    else if (csv === undefined) csv = arg;
    else throw new BatchInputError(`Only one CSV file, please (got ${csv} and ${arg}).\n${USAGE}`);
  }
  if (csv === undefined) throw new BatchInputError(`Which CSV file?\n${USAGE}`);
  return { csv, out, photoVariations, textVariations, json };
}
