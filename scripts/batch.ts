/**
 * `npm run batch -- rows.csv [--out DIR] [--photo-variations N] [--text-variations N] [--json]`:
 * one batch of the real bundle, headless and offline, against the simulated TikTok, Gemini and Drive on
 * the virtual clock; the batch's Drive folder is written under DIR. See scripts/batch/.
 */
import * as path from 'node:path';
import { BatchInputError, parseArgs } from './batch/args';
import { loadCsv } from './batch/csv';
import { exportBatchFolder } from './batch/export';
import { formatSummary, progressSink, type Output, type Summary } from './batch/report';
import { runBatch } from './batch/run';

export interface MainIo {
  stdout: Output;
  stderr: Output;
  /** Whether stderr is a terminal: a redrawn progress bar, else plain lines. */
  isTTY: boolean;
  buildDir?: string;
}

const processIo: MainIo = {
  stdout: { write: (text) => void process.stdout.write(text) },
  stderr: { write: (text) => void process.stderr.write(text) },
  isTTY: process.stderr.isTTY === true,
};

/** A path as the user typed it would read: relative under the working folder, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Runs the command; returns the exit code (0 when the batch ran, whatever its rows' fates). */
export function main(argv: readonly string[], io: MainIo = processIo): number {
  try {
    const args = parseArgs(argv);
    const rows = loadCsv(args.csv);
    const sink = progressSink(io.stderr, io.isTTY);
    let run;
    try {
      run = runBatch(rows, {
        buildDir: io.buildDir,
        photoVariations: args.photoVariations,
        textVariations: args.textVariations,
        onProgress: (progress) => sink.update(progress),
      });
    } finally {
      sink.done();
    }
    const exported = exportBatchFolder(run.world, args.out);
    const folderId = (url: string) => /\/folders\/([^/?#]+)/.exec(url)?.[1];
    const summary: Summary = {
      status: run.progress.status,
      rows: run.rows.map((row) => {
        const id = folderId(row.outputUrl);
        const local = id ? exported.paths.get(decodeURIComponent(id)) : undefined;
        return {
          row: row.row,
          link: row.link,
          status: row.status,
          error: row.error,
          output: local ? shown(local) : row.outputUrl,
        };
      }),
      counts: {
        done: run.progress.rows.completed,
        failed: run.progress.rows.failed,
        cancelled: run.progress.rows.cancelled,
        total: run.progress.rows.total,
      },
      batchFolder: exported.batchFolder ? shown(exported.batchFolder) : null,
      simulatedSeconds: run.simulatedSeconds,
    };
    if (args.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
    else io.stdout.write(formatSummary(summary, run.progress.message));
    return 0;
  } catch (error) {
    if (error instanceof BatchInputError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(
      `batch failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
