/**
 * Everything that outlives one execution: the clock, the spreadsheets, Drive, properties, caches, locks,
 * triggers, the simulated network, quotas and the record of executions. A test, the local harness and
 * the benchmark each build one world and run the bundle's entry points against it.
 */
import type { Clock } from './clock';
import { deterministicId, type ExecutionInfo, type ServiceEnv } from './env';
import type { Execution, ExecutionKind, KillPlan } from './execution';
import type { ExecutionReport } from './runtime';
import { HttpRouter } from './router';
import { Quotas } from './quotas';
import { LockTable } from '../services/lock';
import { TriggerStore, type Deployment } from '../services/script-app';
import type { FetchRecord } from '../services/urlfetch/urlfetch';

export interface ProjectFiles {
  /** build/Code.js */
  code: string;
  /** build/*.html by name without extension, e.g. { Sidebar: '<!doctype html>...' } */
  html: Record<string, string>;
  /** build/appsscript.json, parsed */
  manifest: Manifest;
}

export interface Manifest {
  timeZone: string;
  oauthScopes: string[];
  urlFetchWhitelist?: string[];
}

/** A global the script sees: a service object behind the boundary, or plain data (MimeType). */
export interface ScriptGlobal {
  name: string;
  service: string;
  target: object;
  plain?: boolean;
}

export interface WorldBaseOptions {
  project: ProjectFiles;
  clock: Clock;
  seed?: number;
  defaultUser?: string;
  deployment?: Deployment;
}

export abstract class WorldBase {
  readonly project: ProjectFiles;
  readonly clock: Clock;
  readonly seed: number;
  readonly defaultUser: string;
  readonly scopes: ReadonlySet<string>;
  readonly router = new HttpRouter();
  readonly quotas = new Quotas();
  readonly locks = new LockTable();
  readonly triggers: TriggerStore;
  readonly executions: Execution[] = [];
  readonly reports: ExecutionReport[] = [];
  readonly fetches: FetchRecord[] = [];
  readonly skippedTriggers: { id: string; handler: string; at: number; reason: string }[] = [];
  readonly logs: { executionId: string; level: string; line: string }[] = [];
  currentExecution: Execution | null = null;
  /**
   * Kills injected into executions that were given none: the benchmark's kill scenario sets this to
   * kill executions at random points. Called once per execution, with its kind and number.
   */
  killPlanner: ((execution: { kind: ExecutionKind; number: number }) => KillPlan | undefined) | null = null;
  boundSpreadsheetId: string | null = null;
  /** Milliseconds executions spent, by what on ("Class.method", or a wait's label): where time goes. */
  readonly spentMs = new Map<string, number>();
  private idCounter = 0;

  /** What services see of the world: time, the running execution, ids. */
  readonly env: ServiceEnv;

  protected constructor(options: WorldBaseOptions) {
    this.project = options.project;
    this.clock = options.clock;
    this.seed = options.seed ?? 1;
    this.defaultUser = options.defaultUser ?? 'jenny@example.com';
    this.scopes = new Set(options.project.manifest.oauthScopes);
    this.triggers = new TriggerStore(options.deployment ?? 'bound');
    this.env = {
      now: () => this.clock.now(),
      sleep: (ms: number, label = 'Utilities.sleep') => {
        this.clock.advance(ms);
        if (this.currentExecution) this.currentExecution.busyMs += ms;
        this.tally(label, ms);
      },
      current: (): ExecutionInfo => {
        if (!this.currentExecution)
          throw new Error('No execution is running: services are only callable from one.');
        return this.currentExecution;
      },
      newId: (kind) => deterministicId(`${kind}:${this.seed}`, ++this.idCounter),
    };
  }

  /** The globals of one execution (a fresh set each time, as Apps Script gives each execution). */
  abstract globalsFor(execution: Execution): ScriptGlobal[];

  onExecutionEnd(report: ExecutionReport): void {
    this.reports.push(report);
  }

  /** How many ids this world has handed out: saved with its state, so a reopened world never repeats one. */
  idsIssued(): number {
    return this.idCounter;
  }

  /** Goes on from a saved count of ids (never back: ids already issued stay unique). */
  resumeIds(issued: number): void {
    this.idCounter = Math.max(this.idCounter, Math.floor(issued));
  }

  tally(label: string, ms: number): void {
    this.spentMs.set(label, (this.spentMs.get(label) ?? 0) + ms);
  }

  log(level: string, line: string): void {
    this.logs.push({ executionId: this.currentExecution?.id ?? '-', level, line });
    this.currentExecution?.logs.push(line);
  }
}
