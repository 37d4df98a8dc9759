/**
 * The batch as the sidebar and the trigger drive it: start, pump, tick, progress, cancel, retry, resume,
 * new batch. Every function is one Apps Script execution; state changes happen under the document lock.
 * The job type is a parameter: this file never names TikTok or Gemini.
 */
import { BATCH_SHEET_NAME } from '../../shared/app';
import type { Settings } from '../../shared/settings';
import { newBatch, sheetRows } from '../engine/batch';
import { cancelBatch, resumeBatch, retryFailed } from '../engine/lifecycle';
import { demandBytes, rowsInProgressLimit } from '../engine/claim';
import { LOCK_WAIT_MS, MAX_WAVE_BYTES } from '../engine/limits';
import { lanesFor } from '../../shared/lanes';
import type { EnginePorts } from '../engine/ports';
import { readProgress, type Progress } from '../engine/progress';
import { runExecution, saveAndShow } from '../engine/run';
import type { BatchState, RowSpec } from '../engine/types';
import { appsScriptPorts } from '../gas/engine-ports';
import { GasBatchSheet } from '../gas/batch-sheet';
import { ensureBatchTrigger, removeBatchTrigger } from '../gas/triggers';
import { readApiKey, readSettings } from '../settings/store';
import type { JobBinding } from './binding';
import { estimateBatch, type BatchEstimate } from './estimate';

/** A sidebar pump keeps starting waves for this long, so progress comes back every few tens of seconds. */
export const PUMP_BUDGET_MS = 40_000;
/**
 * With several lanes in flight one of them comes back about this often, so each may keep going longer:
 * a wave then claims the next in the same hold of the lock as its record, and a new execution (its
 * start, its first claim) is paid for every few waves instead of every wave.
 */
const PROGRESS_EVERY_MS = 10_000;

/** How long one pump keeps starting waves, when `lanes` pumps are kept in flight. */
export function pumpBudgetMs(lanes: number): number {
  return Math.max(PUMP_BUDGET_MS, lanes * PROGRESS_EVERY_MS);
}
/**
 * How long a pump with nothing to take waits for work other executions will bring: long enough for a
 * batch's first rows to be prepared (their images are ready some seconds after the start, when the
 * sidebar's lanes would otherwise have ended with nothing to do), short enough that at a batch's end
 * the lanes with nothing left soon give their calls back.
 */
export const PUMP_WAIT_FOR_WORK_MS = 30_000;
/** A trigger uses most of its six minutes. */
export const TICK_BUDGET_MS = 4 * 60_000;

export class BatchError extends Error {
  override name = 'BatchError';
}

export interface StartOptions {
  photoVariations?: number;
  textVariations?: number;
  /** Only these rows (single-link mode, a preview); default every ready row. */
  rowIds?: string[];
}

export interface StartResult {
  progress: Progress;
  estimate: BatchEstimate;
  skipped: { rowNumber: number; status: string }[];
  trigger: { everyMinutes: number };
}

/** The user's secrets, by name: the Gemini key from their properties, and their OAuth token for Drive. */
function secretNamed(name: string): string | null {
  if (name === 'apiKey') return readApiKey();
  if (name === 'oauthToken') return ScriptApp.getOAuthToken();
  return null;
}

interface Context {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GasBatchSheet;
  ports: EnginePorts;
  settings: Settings;
}

function context(): Context {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = new GasBatchSheet(spreadsheet);
  const ports = appsScriptPorts(spreadsheet, sheet, secretNamed);
  return { spreadsheet, sheet, ports, settings: readSettings() };
}

function locked<T>(ports: EnginePorts, work: () => T): T {
  if (!ports.lock.acquire(LOCK_WAIT_MS)) {
    throw new BatchError('The add-on is busy saving the batch; try again in a few seconds.');
  }
  try {
    return work();
  } finally {
    ports.lock.release();
  }
}

function isOpen(state: BatchState | null): boolean {
  return state !== null && (state.meta.status === 'running' || state.meta.status === 'paused');
}

export function createBatchService(binding: JobBinding) {
  const job = binding.job;

  /** Pump calls for the sidebar to keep in flight: as many as the work in flight or ready fills, up to what the quotas can use. */
  function lanesNow(state: BatchState, now: number): number {
    const most = lanesFor(job.pumpsWanted?.(state.meta));
    const filled = Math.ceil(demandBytes(state, job, now) / MAX_WAVE_BYTES);
    return Math.max(1, Math.min(most, filled));
  }

  function progressOf(ports: EnginePorts, state: BatchState | null): Progress | null {
    if (!state) return null;
    const now = ports.clock.now();
    return { ...readProgress(state, now), pumps: lanesNow(state, now) };
  }

  function afterRun(state: BatchState | null): void {
    if (!isOpen(state)) removeBatchTrigger();
  }

  function checkSecrets(): void {
    for (const secret of binding.requiredSecrets) {
      if (!(secret.name === 'apiKey' ? readApiKey() : null)) throw new BatchError(secret.missing);
    }
  }

  return {
    start(options: StartOptions = {}): StartResult {
      const { sheet, ports, settings } = context();
      if (!SpreadsheetApp.getActiveSpreadsheet().getSheetByName(BATCH_SHEET_NAME)) {
        throw new BatchError('There is no Batch sheet yet: use Set up sheet first.');
      }
      checkSecrets();
      const photoVariations = options.photoVariations ?? settings.photoVariations;
      const textVariations = options.textVariations ?? settings.textVariations;
      const check = sheet.readRowChecks({ maxLinks: settings.maxLinksPerBatch });
      const wanted = options.rowIds ? new Set(options.rowIds) : null;
      const chosen = check.rows.filter(({ row }) => !wanted || wanted.has(row.rowId));
      const ready = chosen.filter(({ check: rowCheck }) => rowCheck.ready);
      if (ready.length === 0) {
        throw new BatchError(
          wanted
            ? 'That row is not ready: its Status cell says what is missing.'
            : 'No row is ready: fill Link, Product photo and Product description (the Status column says what is missing).',
        );
      }
      const rows: RowSpec[] = ready.map(({ row }, index) => ({
        rowId: row.rowId,
        number: index + 1,
        link: row.link,
        photo: row.photo,
        description: row.description,
        photoVariations: row.photoVariations ?? photoVariations,
        textVariations: row.textVariations ?? textVariations,
      }));
      const estimate = estimateBatch(binding, rows, settings);
      const state = locked(ports, () => {
        const current = ports.store.load();
        if (isOpen(current)) {
          throw new BatchError(
            'A batch is already running: wait for it, or cancel it, before starting another.',
          );
        }
        const fresh = newBatch({
          id: Utilities.getUuid().slice(0, 8),
          job,
          rows,
          settings: {
            rowsInProgress: settings.rowsInProgress,
            requestsPerMinute: binding.rateLimits(settings),
            job: binding.jobSettings({ ...settings, photoVariations, textVariations }),
          },
          now: ports.clock.now(),
        });
        saveAndShow(fresh, job, ports);
        return fresh;
      });
      const trigger = ensureBatchTrigger();
      // The sidebar starts this many pump calls at once: the lanes the quotas can use, as many as the
      // first rows' images will fill (lanes with nothing to take yet wait for it), or one per row.
      const quota = lanesFor(job.pumpsWanted?.(state.meta));
      const starting = Math.min(rows.length, rowsInProgressLimit(state, job));
      const lanes = Math.min(quota, lanesFor(job.startLanes?.(state.meta, starting) ?? rows.length));
      return {
        progress: { ...readProgress(state, ports.clock.now()), pumps: lanes },
        estimate,
        skipped: chosen
          .filter(({ check: rowCheck }) => !rowCheck.ready)
          .map(({ check: rowCheck }) => ({ rowNumber: rowCheck.rowNumber, status: rowCheck.status })),
        trigger: { everyMinutes: trigger.everyMinutes },
      };
    },

    /** One sidebar call's worth of work; returns the progress to show. */
    pump(): Progress | null {
      const { ports } = context();
      const owner = `pump-${Utilities.getUuid()}`;
      const report = runExecution(job, ports, {
        owner,
        startedAt: ports.clock.now(),
        budgetMs: PUMP_BUDGET_MS,
        // As long as the lanes the sidebar keeps now allow (a single link's one lane: 40 s).
        budgetFor: (state) => pumpBudgetMs(lanesNow(state, ports.clock.now())),
        maxIdleMs: 5_000,
        waitForWorkMs: PUMP_WAIT_FOR_WORK_MS,
        driver: 'sidebar',
      });
      afterRun(report.state);
      return progressOf(ports, report.state ?? ports.store.load());
    },

    /** The time-driven trigger: work while the sidebar is closed; remove itself when nothing is left. */
    tick(): void {
      const { ports } = context();
      const report = runExecution(job, ports, {
        owner: `tick-${Utilities.getUuid()}`,
        startedAt: ports.clock.now(),
        budgetMs: TICK_BUDGET_MS,
        maxIdleMs: 60_000,
        driver: 'trigger',
      });
      afterRun(report.state ?? ports.store.load());
    },

    progress(): Progress | null {
      const { ports } = context();
      return progressOf(ports, ports.store.load());
    },

    cancel(): Progress | null {
      const { ports } = context();
      const state = locked(ports, () => {
        const current = ports.store.load();
        if (!current) return null;
        cancelBatch(current, ports.clock.now());
        saveAndShow(current, job, ports);
        return current;
      });
      removeBatchTrigger();
      return progressOf(ports, state);
    },

    retryFailed(): Progress | null {
      const { ports } = context();
      checkSecrets();
      const state = locked(ports, () => {
        const current = ports.store.load();
        if (!current) throw new BatchError('There is no batch to retry.');
        if (retryFailed(current, ports.clock.now()) === 0 && current.meta.status !== 'running') {
          throw new BatchError('No row failed: there is nothing to retry.');
        }
        saveAndShow(current, job, ports);
        return current;
      });
      ensureBatchTrigger();
      return progressOf(ports, state);
    },

    resume(): Progress | null {
      const { ports } = context();
      checkSecrets();
      const state = locked(ports, () => {
        const current = ports.store.load();
        if (!current || !resumeBatch(current, ports.clock.now())) return current;
        saveAndShow(current, job, ports);
        return current;
      });
      if (isOpen(state)) ensureBatchTrigger();
      return progressOf(ports, state);
    },

    /** Forgets the queue (never the outputs in Drive) and shows each row's check again. */
    reset(): void {
      const { ports, sheet, settings } = context();
      locked(ports, () => {
        const current = ports.store.load();
        if (isOpen(current)) throw new BatchError('A batch is running: cancel it before starting a new one.');
        const rowIds = new Set(current ? sheetRows(current).map((row) => row.rowId) : []);
        ports.store.clear();
        const check = sheet.readRowChecks({ maxLinks: settings.maxLinksPerBatch });
        const cells = new Map(
          check.rows
            .filter(({ row }) => rowIds.has(row.rowId))
            .map(({ row, check: rowCheck }) => [row.rowId, { status: rowCheck.status, error: '' }]),
        );
        sheet.writeRowCells(cells);
      });
      removeBatchTrigger();
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;
