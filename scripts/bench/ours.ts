/**
 * Our design under the benchmark: the real build/Code.js in the emulator on the virtual clock. Jenny sets
 * up the sheet, pastes the rows and starts the batch; then the open sidebar keeps its pump calls going
 * (as ProgressScreen does) while the minute trigger fires, all as overlapping executions.
 */
import { ConcurrentRuntime, type ConcurrentReport } from '../../emulator/concurrent/runtime';
import type { KillPlan } from '../../emulator/core/execution';
import { Runtime } from '../../emulator/core/runtime';
import { offlineWorld } from '../../emulator/offline-world';
import { DEFAULT_SIM_KEY, GEMINI_HOST } from '../../emulator/sim/gemini';
import type { World } from '../../emulator/world';
import type { FetchRecord } from '../../emulator/services/urlfetch/urlfetch';
import { DEFAULT_IMAGE_MODEL } from '../../src/shared/settings';
import { renderSlideJpeg } from '../../emulator/sim/jpeg-slides';
import { seededRandom } from '../../emulator/sim/seeded-random';
import type { Progress } from '../../src/server/engine/progress';
import { API_KEY_PROPERTY } from '../../src/server/settings/store';
import { SettingsSchema } from '../../src/shared/settings';
import { PAGE_CALLS_AT_ONCE } from '../../src/shared/lanes';
import { ok, setUpBatchSheet } from '../batch/run';
import { measureDrive, type DriveCheck } from './drive-check';
import { benchPosts, geminiOptions, type Scenario } from './scenario';

const SETTINGS_PROPERTY = 'slideshowRemix.settings';
/** The sidebar's rhythm (ProgressScreen): a pump about every 2 s, at least 250 ms apart. */
const PUMP_EVERY_MS = 2_000;
const MIN_GAP_MS = 250;
const ENDED = new Set(['completed', 'cancelled', 'stopped']);
/** No scenario may run longer than this on the virtual clock. */
const MAX_SIMULATED_MS = 24 * 60 * 60_000;

export interface ExecutionFigures {
  count: number;
  seconds: number;
  killed: number;
}

export interface OursResult {
  wallSeconds: number;
  progress: Progress;
  gemini: {
    analysis: number;
    copy: number;
    image: number;
    uploads: number;
    rateLimited: number;
    serverErrors: number;
    blocks: number;
  };
  imagesSaved: number;
  rowsFailedBy429: number;
  failures: { number: number; error: string }[];
  drive: DriveCheck;
  executions: { sidebar: ExecutionFigures; trigger: ExecutionFigures };
  execSecondsPerImage: number;
  peakBytesInFlight: number;
  waves: number;
  sheetCallsPerWave: number;
  driveCallsPerWave: number;
  /** Apps Script's daily trigger runtime quota used (consumer account: 90 min). */
  triggerMinutes: number;
  urlFetchCalls: number;
  /** Apps Script service calls of every kind (what the kill scenario's chance is per). */
  serviceCalls: number;
  /** Minute by minute: how much of the image quota went out, and what was running. */
  timeline: TimelineMinute[];
  /** Bytes of one image request's body (what Files API references save), mean and largest. */
  imageRequestBytes: { mean: number; most: number };
  /** Image requests per fetchAll that carried any: how full the waves were. */
  imageWaves: { count: number; meanImages: number; histogram: Record<string, number> };
  /** Where execution seconds went, per saved image, by kind of work (see `spentOn`). */
  execBreakdown: Record<string, number>;
  /**
   * The fetchAll rounds by what they carried (see `roundKind`): how many, and the seconds executions
   * spent waiting on them in all (each round waits for its slowest answer).
   */
  rounds: Record<string, { count: number; seconds: number }>;
  /** Answers of 429 by what the request was for ("image", "text", ...). */
  rateLimitedBy: Record<string, number>;
}

export interface TimelineMinute {
  minute: number;
  /** Image requests that reached Gemini in this minute. */
  imageCalls: number;
  /** Image requests waiting on Gemini, averaged over the minute. */
  imagesInFlight: number;
  /** Apps Script executions running, averaged over the minute. */
  executions: number;
  /** Pump calls the sidebar was asked to keep in flight (progress.pumps), the last value in the minute. */
  lanes: number;
}

/** Errors a 429 would leave behind, had one ever failed a row. */
const RATE_LIMIT_TEXT = /429|rate limit|too many requests|per minute|resource[_ ]exhausted/i;

const SHEET_CLASSES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RichTextValue']);
const DRIVE_CLASSES = new Set(['DriveApp', 'Folder', 'File', 'FileIterator', 'FolderIterator']);

export async function runOurs(scenario: Scenario, buildDir = 'build'): Promise<OursResult> {
  const settings = SettingsSchema.parse({
    imageRequestsPerMinute: scenario.imageRpm,
    textRequestsPerMinute: scenario.textRpm,
    rowsInProgress: scenario.rowsInProgress,
    photoVariations: scenario.photoVariations,
    textVariations: scenario.textVariations,
    outputFormat: scenario.format,
    imageInputs: scenario.imageInputs,
  });
  const { world, gemini } = offlineWorld({
    buildDir,
    clock: 'virtual',
    seed: scenario.seed,
    sims: {
      gemini: geminiOptions(scenario),
      tiktok: { failureRate: scenario.faults?.tiktok ?? 0 },
    },
    userProperties: {
      [API_KEY_PROPERTY]: DEFAULT_SIM_KEY,
      [SETTINGS_PROPERTY]: JSON.stringify(settings),
    },
  });
  const purposes = countPurposes(world);
  const runtime = new Runtime(world);

  const { sheet, column } = setUpBatchSheet(world, runtime);

  // Each row its own product: a phone-sized photo in Jenny's Drive (the job fetches Drive's preview).
  const posts = benchPosts(scenario.links);
  const values = posts.map((post, index) => {
    const photo = renderSlideJpeg(
      { width: 900, height: 900, seed: 1000 + index, number: 1, count: 1, text: `PRODUCT ${index + 1}` },
      85,
    );
    const id = world.drive.addFile({
      name: `product-${index + 1}.jpg`,
      owner: world.defaultUser,
      mimeType: 'image/jpeg',
      content: photo,
    });
    return {
      link: post.link,
      photo: `https://drive.google.com/file/d/${id}/view`,
      description: `Product ${index + 1}: a vitamin C serum, 30 ml, fragrance free, for dull skin.`,
    };
  });
  const block = (key: 'link' | 'photo' | 'description') =>
    sheet.getRange(2, column(key), values.length, 1).setValues(values.map((row) => [row[key]]));
  block('link');
  block('photo');
  block('description');

  const variations = {
    photoVariations: scenario.photoVariations,
    textVariations: scenario.textVariations,
  };
  const started = ok(runtime.callFromSidebar('startBatch', [variations]), 'Start batch') as {
    progress: Progress;
  };
  const startedAt = world.clock.now();
  const spentBefore = new Map(world.spentMs);
  const callsBefore = new Map(world.quotas.calls);
  const fetchesBefore = world.fetches.length;

  // The kill scenario: executions die at random moments, at the service call they are making then
  // (before it or after it took effect), with the same chance every second. The moment is drawn when an
  // execution starts: the time until a kill with a constant chance per second is exponential.
  if (scenario.killEverySeconds > 0) {
    const random = seededRandom(scenario.seed * 31 + 7);
    world.killPlanner = (): KillPlan => ({
      afterMs: -Math.log(1 - random()) * scenario.killEverySeconds * 1000,
      when: random() < 0.5 ? 'before' : 'after',
    });
  }

  const sim = new ConcurrentRuntime(world, { workers: 3 });
  let progress: Progress | null = null;
  let endedAt: number | null = null;
  const reports: ConcurrentReport[] = [];
  // As ProgressScreen does: as many pump calls in flight as the progress asks for (its `pumps`), each
  // lane calling again about 2 s after its previous call began.
  let inFlight = 0;
  const lanesAsked: { at: number; lanes: number }[] = [];
  const pump = (at: number) => {
    inFlight += 1;
    sim.schedule({
      functionName: 'pumpBatch',
      at,
      onDone: (report) => {
        inFlight -= 1;
        const value = report.status === 'completed' ? (report.value as Progress | null) : null;
        if (value) progress = value;
        if (progress && ENDED.has(progress.status)) {
          endedAt ??= report.endedAt;
          return;
        }
        const next = report.endedAt + Math.max(MIN_GAP_MS, PUMP_EVERY_MS - report.durationMs);
        // The page's own limit, not the server's lane count: the bench can never run more than a page can.
        const lanes = Math.min(PAGE_CALLS_AT_ONCE, Math.max(1, progress?.pumps ?? 1));
        lanesAsked.push({ at: report.endedAt, lanes });
        for (let lane = 0; inFlight < lanes; lane++) pump(next + lane * MIN_GAP_MS);
      },
    });
  };
  // As ProgressScreen does: as many lanes at once as the start asked for, a moment apart.
  const firstLanes = Math.min(PAGE_CALLS_AT_ONCE, Math.max(1, started.progress.pumps ?? 1));
  for (let lane = 0; lane < firstLanes; lane++) pump(startedAt + (lane + 1) * MIN_GAP_MS);
  try {
    reports.push(...sim.runUntil(() => endedAt !== null && !sim.busy, startedAt + MAX_SIMULATED_MS));
  } finally {
    world.killPlanner = null;
    await sim.close();
  }
  const final = progress as Progress | null;
  if (!final || endedAt === null) {
    throw new Error(`The batch did not end within a simulated day: ${JSON.stringify(final?.rows)}`);
  }

  const drive = measureDrive(world, final, scenario.photoVariations * scenario.textVariations);
  const figures = (kind: 'sidebar' | 'trigger'): ExecutionFigures => {
    const mine = reports.filter((report) => report.kind === kind);
    return {
      count: mine.length,
      seconds: mine.reduce((sum, report) => sum + report.durationMs, 0) / 1000,
      killed: mine.filter((report) => report.status === 'killed').length,
    };
  };
  const sidebar = figures('sidebar');
  const trigger = figures('trigger');
  /** Service calls made during the run: of the classes wanted, or of every class. */
  const callsDuring = (wanted?: Set<string>) => {
    let total = 0;
    for (const [key, count] of world.quotas.calls) {
      if (!wanted || wanted.has(key.split('.')[0] ?? '')) total += count - (callsBefore.get(key) ?? 0);
    }
    return total;
  };
  const waves =
    (world.quotas.calls.get('UrlFetchApp.fetchAll') ?? 0) - (callsBefore.get('UrlFetchApp.fetchAll') ?? 0);
  const fetches = world.fetches.slice(fetchesBefore);
  const driveRest = fetches.filter((fetch) => /googleapis\.com\/(upload\/)?drive\//.test(fetch.url)).length;
  const failures = final.failures.map(({ number, error }) => ({ number, error }));
  return {
    wallSeconds: (endedAt - startedAt) / 1000,
    progress: final,
    gemini: {
      analysis: purposes.analysis,
      copy: purposes.copy,
      image: gemini.stats.calls.image,
      uploads: gemini.stats.calls.upload,
      rateLimited: gemini.stats.rateLimited + gemini.stats.quotaDay,
      serverErrors: gemini.stats.serverErrors,
      blocks: gemini.stats.blocks,
    },
    imagesSaved: drive.images,
    rowsFailedBy429: failures.filter((failure) => RATE_LIMIT_TEXT.test(failure.error)).length,
    failures,
    drive,
    executions: { sidebar, trigger },
    execSecondsPerImage: drive.images === 0 ? 0 : (sidebar.seconds + trigger.seconds) / drive.images,
    peakBytesInFlight: Math.max(0, ...reports.map((report) => report.peakFetchBytes)),
    waves,
    sheetCallsPerWave: waves === 0 ? 0 : callsDuring(SHEET_CLASSES) / waves,
    driveCallsPerWave: waves === 0 ? 0 : (callsDuring(DRIVE_CLASSES) + driveRest) / waves,
    triggerMinutes: trigger.seconds / 60,
    urlFetchCalls: fetches.length,
    serviceCalls: callsDuring(),
    timeline: timeline(fetches, reports, lanesAsked, startedAt, endedAt),
    imageWaves: imageWaves(fetches),
    imageRequestBytes: imageRequestBytes(fetches),
    execBreakdown: spentOn(world, spentBefore, sidebar.seconds + trigger.seconds, drive.images),
    rounds: rounds(fetches),
    rateLimitedBy: countBy(
      fetches.filter((fetch) => fetch.status === 429),
      (fetch) => requestKind(fetch.url),
    ),
  };
}

/** What one request was for, from its address. */
function requestKind(url: string): string {
  if (url.includes(`${DEFAULT_IMAGE_MODEL}:generateContent`)) return 'image';
  if (url.includes(':generateContent')) return 'text';
  if (url.includes('/upload/v1beta/files')) return 'files upload';
  if (/googleapis\.com\/upload\/drive\//.test(url)) return 'drive upload';
  if (url.includes('googleapis.com')) return 'drive read';
  if (url.includes('tiktok')) return 'tiktok';
  return 'other';
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/** A round is named by its requests' kinds: "image", "image+text", "drive upload". */
function rounds(fetches: readonly FetchRecord[]): OursResult['rounds'] {
  const byRound = new Map<string, { kinds: Set<string>; longest: number }>();
  for (const fetch of fetches) {
    const key = `${fetch.executionId}@${fetch.at}`;
    const round = byRound.get(key) ?? { kinds: new Set<string>(), longest: 0 };
    round.kinds.add(requestKind(fetch.url));
    round.longest = Math.max(round.longest, fetch.latencyMs);
    byRound.set(key, round);
  }
  const out: OursResult['rounds'] = {};
  for (const { kinds, longest } of byRound.values()) {
    const name = [...kinds].sort().join('+');
    const entry = (out[name] ??= { count: 0, seconds: 0 });
    entry.count += 1;
    entry.seconds = Math.round((entry.seconds + longest / 1000) * 10) / 10;
  }
  return out;
}

/** The kinds of work execution time is reported under, by the "Class.method" (or wait) it went on. */
function kindOf(label: string): string {
  const [className = '', method = ''] = label.split('.');
  if (label === 'UrlFetchApp.wait') return 'waiting on fetches';
  if (method === 'getAs') return 'image conversion';
  if (label === 'Utilities.sleep') return 'sleeping';
  if (label === 'Lock.wait' || className === 'Lock') return 'locks';
  if (SHEET_CLASSES.has(className)) return 'sheet';
  if (DRIVE_CLASSES.has(className)) return 'DriveApp';
  if (className === 'Properties' || className === 'Cache') return 'properties and cache';
  if (className === 'UrlFetchApp' || className === 'HTTPResponse') return 'fetch calls';
  if (className === 'Utilities' || className === 'Blob') return 'bytes (base64, blobs)';
  return 'other';
}

/**
 * Execution seconds per saved image, by kind of work, from what each service call was charged in this
 * run; "waiting for a lock or the scheduler" is the rest of the executions' time (a lock waited for
 * under the concurrent scheduler takes time without a charge).
 */
function spentOn(
  world: World,
  before: ReadonlyMap<string, number>,
  execSeconds: number,
  images: number,
): Record<string, number> {
  if (images === 0) return {};
  const byKind = new Map<string, number>();
  let charged = 0;
  for (const [label, ms] of world.spentMs) {
    const spent = ms - (before.get(label) ?? 0);
    if (spent <= 0) continue;
    const kind = kindOf(label);
    byKind.set(kind, (byKind.get(kind) ?? 0) + spent);
    charged += spent;
  }
  byKind.set('waiting for a lock or the scheduler', Math.max(0, execSeconds * 1000 - charged));
  const perImage = (ms: number) => Math.round(ms / 10 / images) / 100;
  return Object.fromEntries(
    [...byKind].sort((a, b) => b[1] - a[1]).map(([kind, ms]) => [kind, perImage(ms)]),
  );
}

function imageRequestBytes(fetches: readonly FetchRecord[]): OursResult['imageRequestBytes'] {
  const sizes = fetches
    .filter((fetch) => fetch.url.includes(`${DEFAULT_IMAGE_MODEL}:generateContent`))
    .map((fetch) => fetch.requestBytes);
  if (sizes.length === 0) return { mean: 0, most: 0 };
  return {
    mean: Math.round(sizes.reduce((sum, size) => sum + size, 0) / sizes.length),
    most: Math.max(...sizes),
  };
}

function imageWaves(fetches: readonly FetchRecord[]): OursResult['imageWaves'] {
  const waves = new Map<string, number>();
  for (const fetch of fetches) {
    if (!fetch.url.includes(`${DEFAULT_IMAGE_MODEL}:generateContent`)) continue;
    const key = `${fetch.executionId}@${fetch.at}`;
    waves.set(key, (waves.get(key) ?? 0) + 1);
  }
  const histogram: Record<string, number> = {};
  let total = 0;
  for (const size of waves.values()) {
    const bucket = size >= 16 ? '16+' : size >= 8 ? '8-15' : size >= 4 ? '4-7' : size >= 2 ? '2-3' : '1';
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    total += size;
  }
  const count = waves.size;
  return { count, meanImages: count === 0 ? 0 : Math.round((total / count) * 10) / 10, histogram };
}

/** Per simulated minute from the start: image calls sent, image calls and executions running. */
function timeline(
  fetches: readonly FetchRecord[],
  reports: readonly ConcurrentReport[],
  lanesAsked: readonly { at: number; lanes: number }[],
  startedAt: number,
  endedAt: number,
): TimelineMinute[] {
  const count = Math.max(1, Math.ceil((endedAt - startedAt) / 60_000));
  const minutes: TimelineMinute[] = Array.from({ length: count }, (_, minute) => ({
    minute,
    imageCalls: 0,
    imagesInFlight: 0,
    executions: 0,
    lanes: 1,
  }));
  // Adds the part of [from, to) that falls in each minute, as a share of the minute.
  const spread = (from: number, to: number, field: 'imagesInFlight' | 'executions') => {
    for (let minute = Math.max(0, Math.floor((from - startedAt) / 60_000)); minute < count; minute++) {
      const start = startedAt + minute * 60_000;
      const overlap = Math.min(to, start + 60_000) - Math.max(from, start);
      if (overlap <= 0) break;
      (minutes[minute] as TimelineMinute)[field] += overlap / 60_000;
    }
  };
  for (const fetch of fetches) {
    if (!fetch.url.includes(`${DEFAULT_IMAGE_MODEL}:generateContent`)) continue;
    const minute = minutes[Math.floor((fetch.at - startedAt) / 60_000)];
    if (minute) minute.imageCalls += 1;
    spread(fetch.at, fetch.at + fetch.latencyMs, 'imagesInFlight');
  }
  for (const { at, lanes } of lanesAsked) {
    const minute = minutes[Math.floor((at - startedAt) / 60_000)];
    if (minute) minute.lanes = lanes;
  }
  for (const report of reports) spread(report.endedAt - report.durationMs, report.endedAt, 'executions');
  return minutes.map((minute) => ({
    ...minute,
    imagesInFlight: Math.round(minute.imagesInFlight * 10) / 10,
    executions: Math.round(minute.executions * 10) / 10,
  }));
}

/**
 * Gemini's text calls by what they are for, read off the requests: an analysis carries the slides
 * (as files or inline), a copy call carries only text.
 */
function countPurposes(world: World): { analysis: number; copy: number } {
  const counts = { analysis: 0, copy: 0 };
  const handler = world.router.find(GEMINI_HOST);
  if (!handler) throw new Error('The simulated Gemini is not registered.');
  world.router.register(GEMINI_HOST, (request, context) => {
    if (request.url.includes(':generateContent')) {
      const body = Buffer.from(request.body).toString('utf8');
      if (!body.includes('"IMAGE"')) {
        if (body.includes('fileData') || body.includes('inlineData')) counts.analysis += 1;
        else counts.copy += 1;
      }
    }
    return handler(request, context);
  });
  return counts;
}
