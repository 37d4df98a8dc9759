/** What a person reads: the progress line while it runs, and the summary the sidebar would show. */
import type { Progress } from '../../src/server/engine/progress';

export interface Output {
  write(text: string): void;
}

export interface ProgressSink {
  update(progress: Progress): void;
  done(): void;
}

function line(progress: Progress): string {
  const { rows } = progress;
  return `${progress.status} ${progress.percent}% — ${rows.completed} done, ${rows.failed} failed, ${rows.inProgress} in progress, ${rows.queued} queued of ${rows.total}`;
}

/** A redrawn bar on a terminal; elsewhere (a log, CI) one plain line per change, never carriage returns. */
export function progressSink(stderr: Output, isTTY: boolean): ProgressSink {
  let last = '';
  let drawn = false;
  return {
    update(progress) {
      const text = line(progress);
      if (text === last) return;
      last = text;
      if (isTTY) {
        const width = 24;
        const filled = Math.round((progress.percent / 100) * width);
        stderr.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
        drawn = true;
      } else stderr.write(`${text}\n`);
    },
    done() {
      if (drawn) stderr.write('\n');
    },
  };
}

export interface RowReport {
  row: number;
  link: string;
  status: string;
  error: string;
  output: string;
}

export interface Summary {
  status: string;
  rows: RowReport[];
  counts: { done: number; failed: number; cancelled: number; total: number };
  batchFolder: string | null;
  simulatedSeconds: number;
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return [h ? `${h} h` : '', m ? `${m} min` : '', `${s % 60} s`].filter(Boolean).join(' ');
}

export function formatSummary(summary: Summary, message: string | null): string {
  const { counts } = summary;
  const lines = [
    `Batch ${summary.status}: ${counts.done} done, ${counts.failed} failed, ${counts.cancelled} cancelled (of ${counts.total}).`,
  ];
  if (message) lines.push(message);
  const failures = summary.rows.filter((row) => row.status !== '' && row.error !== '');
  if (failures.length > 0) {
    lines.push('Failures:');
    for (const row of failures) lines.push(`  row ${row.row} (${row.link}): ${row.error}`);
  }
  const skipped = summary.rows.filter((row) => row.error === '' && row.output === '' && row.status !== '');
  if (skipped.length > 0 && summary.status === 'completed') {
    lines.push('Not run:');
    for (const row of skipped) lines.push(`  row ${row.row} (${row.link}): ${row.status}`);
  }
  lines.push(`Batch folder: ${summary.batchFolder ?? '(none)'}`);
  lines.push(`Simulated time: ${duration(summary.simulatedSeconds)}`);
  return `${lines.join('\n')}\n`;
}
