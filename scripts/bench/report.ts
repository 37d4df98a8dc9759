/**
 * The benchmark's figures for one scenario, the lower bound they are judged against, and the table a
 * person reads (or the JSON object a program reads).
 */
import { DEFAULT_LATENCY } from '../../emulator/sim/gemini/options';
import type { BaselineResult } from './baseline';
import type { OursResult } from './ours';
import { describe, IMAGE_LATENCY, TEXT_LATENCY, type Scenario } from './scenario';

export interface ScenarioReport {
  name: string;
  description: string;
  imageRpm: number;
  links: number;
  imagesWanted: number;
  wallSeconds: number;
  lowerBoundSeconds: number;
  ratio: number;
  rowsCompleted: number;
  rowsFailed: number;
  rowsFailedBy429: number;
  duplicateFiles: number;
  lostItems: number;
  execSecondsPerImage: number;
  peakBytesInFlight: number;
  geminiCalls: OursResult['gemini'];
  executions: OursResult['executions'];
  triggerMinutes: number;
  waves: number;
  sheetCallsPerWave: number;
  driveCallsPerWave: number;
  urlFetchCalls: number;
  serviceCalls: number;
  failures: { number: number; error: string }[];
  timeline: OursResult['timeline'];
  imageWaves: OursResult['imageWaves'];
  imageRequestBytes: OursResult['imageRequestBytes'];
  execBreakdown: OursResult['execBreakdown'];
  rounds: OursResult['rounds'];
  rateLimitedBy: OursResult['rateLimitedBy'];
  baseline: (BaselineResult & { ratioToOurs: number }) | null;
}

function median(spec: typeof IMAGE_LATENCY): number {
  return typeof spec === 'number' ? spec : spec.medianMs;
}

/**
 * The longest chain of dependent calls one link needs, at median latencies: its page, its slides, their
 * uploads, the analysis, a copy, then an image and its save.
 */
export function chainSeconds(): number {
  const page = 1_200;
  const slides = 800;
  const upload = median(DEFAULT_LATENCY.upload) * 2;
  const text = median(TEXT_LATENCY);
  const image = median(IMAGE_LATENCY);
  const save = 1_000;
  return (page + slides + upload + text * 2 + image + save) / 1000;
}

export function lowerBoundSeconds(images: number, imageRpm: number): number {
  return Math.max((images / imageRpm) * 60, chainSeconds());
}

export function buildReport(
  scenario: Scenario,
  imagesWanted: number,
  ours: OursResult,
  baseline: BaselineResult | null,
): ScenarioReport {
  // Rows that failed for a reason of their own (a fault) need no images: the bound counts what was made.
  const bound = lowerBoundSeconds(ours.imagesSaved, scenario.imageRpm);
  return {
    name: scenario.name,
    description: describe(scenario),
    imageRpm: scenario.imageRpm,
    links: scenario.links,
    imagesWanted,
    wallSeconds: round(ours.wallSeconds),
    lowerBoundSeconds: round(bound),
    ratio: round(ours.wallSeconds / bound, 2),
    rowsCompleted: ours.progress.rows.completed,
    rowsFailed: ours.progress.rows.failed,
    rowsFailedBy429: ours.rowsFailedBy429,
    duplicateFiles: ours.drive.duplicateFiles,
    lostItems: ours.drive.lostItems,
    execSecondsPerImage: round(ours.execSecondsPerImage, 2),
    peakBytesInFlight: ours.peakBytesInFlight,
    geminiCalls: ours.gemini,
    executions: ours.executions,
    triggerMinutes: round(ours.triggerMinutes, 1),
    waves: ours.waves,
    sheetCallsPerWave: round(ours.sheetCallsPerWave, 1),
    driveCallsPerWave: round(ours.driveCallsPerWave, 1),
    urlFetchCalls: ours.urlFetchCalls,
    serviceCalls: ours.serviceCalls,
    failures: ours.failures,
    timeline: ours.timeline,
    imageWaves: ours.imageWaves,
    imageRequestBytes: ours.imageRequestBytes,
    execBreakdown: ours.execBreakdown,
    rounds: ours.rounds,
    rateLimitedBy: ours.rateLimitedBy,
    baseline: baseline
      ? { ...baseline, ratioToOurs: round(baseline.wallSeconds / ours.wallSeconds, 2) }
      : null,
  };
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function kilobytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function minutes(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${(seconds / 60).toFixed(1)} min`;
}

/** A Markdown table: one line per scenario, ours beside the PRD's design. */
export function table(reports: ScenarioReport[]): string {
  const head = [
    'scenario',
    'image rpm',
    'wall (ours)',
    'lower bound',
    'ratio',
    'PRD design',
    'PRD ÷ ours',
    'rows done / failed',
    'failed by 429',
    'dupes / lost',
    'exec s per image',
    'peak MB in one execution',
  ];
  const lines = reports.map((report) =>
    [
      report.name,
      String(report.imageRpm),
      minutes(report.wallSeconds),
      minutes(report.lowerBoundSeconds),
      `${report.ratio.toFixed(2)}×`,
      report.baseline ? minutes(report.baseline.wallSeconds) : '–',
      report.baseline ? `${report.baseline.ratioToOurs.toFixed(1)}×` : '–',
      `${report.rowsCompleted} / ${report.rowsFailed}`,
      report.baseline
        ? `${report.rowsFailedBy429} (PRD: ${report.baseline.rowsFailedBy429})`
        : String(report.rowsFailedBy429),
      `${report.duplicateFiles} / ${report.lostItems}`,
      report.execSecondsPerImage.toFixed(2),
      (report.peakBytesInFlight / 1024 / 1024).toFixed(1),
    ].join(' | '),
  );
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...lines.map((line) => `| ${line} |`),
  ].join('\n');
}

/** The details under the table: calls, executions, waves. */
export function details(report: ScenarioReport): string {
  const g = report.geminiCalls;
  const e = report.executions;
  return [
    `${report.name}: ${report.description}`,
    `  Gemini calls: ${g.analysis} analysis, ${g.copy} copy, ${g.image} image, ${g.uploads} uploads; ` +
      `${g.rateLimited} answered 429, ${g.serverErrors} 5xx, ${g.blocks} blocked`,
    `  Executions: ${e.sidebar.count} sidebar (${Math.round(e.sidebar.seconds)} s, ${e.sidebar.killed} killed), ` +
      `${e.trigger.count} trigger (${Math.round(e.trigger.seconds)} s, ${e.trigger.killed} killed); ` +
      `trigger runtime used: ${report.triggerMinutes} min of the 90 a day`,
    `  Waves (fetchAll): ${report.waves}; per wave ${report.sheetCallsPerWave} sheet calls and ` +
      `${report.driveCallsPerWave} Drive calls; ${report.urlFetchCalls} UrlFetch calls and ` +
      `${report.serviceCalls} service calls in all`,
    `  Image waves: ${report.imageWaves.count}, ${report.imageWaves.meanImages} images each on average; ` +
      `an image request is ${kilobytes(report.imageRequestBytes.mean)} on average ` +
      `(largest ${kilobytes(report.imageRequestBytes.most)})`,
    `  Execution seconds per image, by what they went on: ` +
      Object.entries(report.execBreakdown)
        .map(([kind, seconds]) => `${kind} ${seconds}`)
        .join(', '),
    report.baseline
      ? `  PRD design: ${minutes(report.baseline.wallSeconds)}, ${report.baseline.rowsCompleted} rows done, ` +
        `${report.baseline.rowsFailed} failed (${report.baseline.rowsFailedBy429} by 429), ` +
        `${report.baseline.rateLimited} answered 429, ${report.baseline.retries} retries`
      : '',
    ...report.failures.slice(0, 8).map((failure) => `  row ${failure.number}: ${failure.error}`),
  ]
    .filter((line) => line !== '')
    .join('\n');
}
