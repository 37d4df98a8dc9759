/**
 * npm run bench -- [--links 100] [--photo-variations 3] [--text-variations 2] [--image-rpm 60,300,1000]
 *                  [--scenario default|faults|kill|all] [--format jpeg|png] [--image-inputs files|inline]
 *                  [--no-baseline] [--seed N] [--check] [--json]
 *
 * The real build/Code.js in the emulator on the virtual clock against the simulated TikTok, Gemini and
 * Drive: an hour of simulated time in minutes, the same figures for the same seed. Beside it, the PRD's
 * own design in the same simulators. With --check, exits 1 when a zero-target (rows failed by 429,
 * duplicate files, lost items) is broken.
 */
import { runBaseline } from './bench/baseline';
import { runOurs } from './bench/ours';
import { buildReport, details, table, type ScenarioReport } from './bench/report';
import { benchPosts, FAULTS, KILL_EVERY_SECONDS, type Scenario } from './bench/scenario';

interface Options {
  links: number;
  photoVariations: number;
  textVariations: number;
  imageRpms: number[];
  scenarios: ('default' | 'faults' | 'kill')[];
  format: 'jpeg' | 'png';
  imageInputs: 'files' | 'inline';
  baseline: boolean;
  seed: number;
  check: boolean;
  json: boolean;
}

class UsageError extends Error {}

function parse(argv: string[]): Options {
  const options: Options = {
    links: 100,
    photoVariations: 3,
    textVariations: 2,
    imageRpms: [60, 300, 1000],
    scenarios: ['default', 'faults', 'kill'],
    format: 'jpeg',
    imageInputs: 'files',
    baseline: true,
    seed: 1,
    check: false,
    json: false,
  };
  const int = (name: string, value: string | undefined, min: number, max: number): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new UsageError(`${name} needs a whole number from ${min} to ${max} (got ${value ?? 'nothing'}).`);
    }
    return number;
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const value = () => argv[++index];
    switch (arg) {
      case '--links':
        options.links = int(arg, value(), 1, 100);
        break;
      case '--photo-variations':
        options.photoVariations = int(arg, value(), 1, 10);
        break;
      case '--text-variations':
        options.textVariations = int(arg, value(), 1, 10);
        break;
      case '--image-rpm':
        options.imageRpms = (value() ?? '').split(',').map((part) => int(arg, part, 1, 30_000));
        break;
      case '--scenario': {
        const name = value();
        if (name === 'all') options.scenarios = ['default', 'faults', 'kill'];
        else if (name === 'default' || name === 'faults' || name === 'kill') options.scenarios = [name];
        else throw new UsageError(`--scenario is default, faults, kill or all (got ${name ?? 'nothing'}).`);
        break;
      }
      case '--format': {
        const format = value();
        if (format !== 'jpeg' && format !== 'png') throw new UsageError('--format is jpeg or png.');
        options.format = format;
        break;
      }
      case '--image-inputs': {
        const inputs = value();
        if (inputs !== 'files' && inputs !== 'inline')
          throw new UsageError('--image-inputs is files or inline.');
        options.imageInputs = inputs;
        break;
      }
      case '--no-baseline':
        options.baseline = false;
        break;
      case '--seed':
        options.seed = int(arg, value(), 0, 2 ** 31 - 1);
        break;
      case '--check':
        options.check = true;
        break;
      case '--json':
        options.json = true;
        break;
      default:
        throw new UsageError(`Unknown option ${arg}. See the top of scripts/bench.ts.`);
    }
  }
  return options;
}

/** The default scenario at every quota asked for; faults and kills at the middle quota. */
function scenariosOf(options: Options): Scenario[] {
  const base = {
    links: options.links,
    photoVariations: options.photoVariations,
    textVariations: options.textVariations,
    textRpm: 1_000,
    faults: null,
    killEverySeconds: 0,
    rowsInProgress: 5,
    format: options.format,
    imageInputs: options.imageInputs,
    seed: options.seed,
  };
  const middle = options.imageRpms[Math.floor((options.imageRpms.length - 1) / 2)] ?? 300;
  const out: Scenario[] = [];
  if (options.scenarios.includes('default')) {
    for (const imageRpm of options.imageRpms) out.push({ ...base, name: `default@${imageRpm}`, imageRpm });
  }
  if (options.scenarios.includes('faults')) {
    out.push({ ...base, name: `faults@${middle}`, imageRpm: middle, faults: FAULTS });
  }
  if (options.scenarios.includes('kill')) {
    out.push({ ...base, name: `kill@${middle}`, imageRpm: middle, killEverySeconds: KILL_EVERY_SECONDS });
  }
  return out;
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const reports: ScenarioReport[] = [];
  for (const scenario of scenariosOf(options)) {
    const began = Date.now();
    if (!options.json) process.stderr.write(`${scenario.name}: running…`);
    const ours = await runOurs(scenario);
    const baseline = options.baseline ? runBaseline(scenario) : null;
    const images = benchPosts(scenario.links).reduce((sum, post) => sum + post.slides, 0);
    const report = buildReport(
      scenario,
      images * scenario.photoVariations * scenario.textVariations,
      ours,
      baseline,
    );
    reports.push(report);
    if (!options.json) process.stderr.write(` ${((Date.now() - began) / 1000).toFixed(0)} s of real time\n`);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ scenarios: reports }, null, 2)}\n`);
  } else {
    console.log(table(reports));
    console.log('');
    for (const report of reports) console.log(details(report));
  }
  if (!options.check) return 0;
  const broken = reports.flatMap((report) => [
    ...(report.rowsFailedBy429 > 0 ? [`${report.name}: ${report.rowsFailedBy429} rows failed by 429`] : []),
    ...(report.duplicateFiles > 0 ? [`${report.name}: ${report.duplicateFiles} duplicate files`] : []),
    ...(report.lostItems > 0 ? [`${report.name}: ${report.lostItems} lost items`] : []),
    ...(report.rowsCompleted === 0 ? [`${report.name}: no row completed`] : []),
  ]);
  for (const line of broken) console.error(`Target broken: ${line}`);
  return broken.length > 0 ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
