/**
 * The concrete emulated world: every service the add-on uses, wired to one clock, one set of stores and
 * one simulated network. `World.open` loads the build output (Code.js, the HTML files, the manifest).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Clock, RealClock, VirtualClock } from './core/clock';
import type { Execution } from './core/execution';
import { type Manifest, type ProjectFiles, type ScriptGlobal, WorldBase } from './core/world';
import { blobBridge } from './services/blob';
import { CacheService, CacheStore } from './services/cache';
import { DriveApp, DriveStore, MimeType } from './services/drive';
import { LockService } from './services/lock';
import { PropertiesService, PropertiesStore } from './services/properties';
import { ScriptApp, type Deployment, type TriggerRecord } from './services/script-app';
import { Console, Logger, Session } from './services/session';
import { createHtmlService, createSpreadsheetApp, SpreadsheetStore } from './services/spreadsheet';
import { DEFAULT_FETCH_LIMITS, UrlFetchApp, type UrlFetchLimits } from './services/urlfetch/urlfetch';
import { Utilities } from './services/utilities';
import { APP_NAME } from '../src/shared/app';
import { CONSUMER_LIMITS } from './core/quotas';

export interface WorldOptions {
  /** The folder with Code.js, *.html and appsscript.json. Default: build/ */
  buildDir?: string;
  /** Or the files themselves (tests of the emulator with a tiny script). */
  project?: ProjectFiles;
  /** 'virtual' (tests, benchmark, harness), 'real' (waits for real), or a clock of your own. */
  clock?: 'virtual' | 'real' | Clock;
  seed?: number;
  user?: string;
  deployment?: Deployment;
  /** Keep Drive, sheets, properties, caches and triggers under this folder, and reload them from it. */
  stateDir?: string;
  /** The name of the spreadsheet the script is bound to. */
  spreadsheetName?: string;
  fetchLimits?: Partial<UrlFetchLimits>;
  /** UrlFetch calls per user and day (default: a consumer account's 20,000). */
  urlFetchCallsPerDay?: number;
}

const BOUND_SPREADSHEET_ID = '1BoundSpreadsheetEmulatedForSlideshowRemix00';
const SCRIPT_ID = '1ScriptProjectEmulatedForSlideshowRemix00000';
const USER_EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

export function loadProject(buildDir: string): ProjectFiles {
  const read = (name: string) => fs.readFileSync(path.join(buildDir, name), 'utf8');
  const html: Record<string, string> = {};
  for (const name of fs.readdirSync(buildDir)) {
    if (name.endsWith('.html')) html[name.slice(0, -'.html'.length)] = read(name);
  }
  return { code: read('Code.js'), html, manifest: JSON.parse(read('appsscript.json')) as Manifest };
}

/** Where ids go on from for a saved state that did not count them. */
const UNCOUNTED_IDS_FLOOR = 1_000_000;

interface SavedState {
  time: number;
  spreadsheets: ReturnType<SpreadsheetStore['toJSON']>;
  properties: ReturnType<PropertiesStore['toJSON']>;
  cache: ReturnType<CacheStore['toJSON']>;
  triggers: TriggerRecord[];
  /** Ids handed out so far (absent in states saved before it was kept). */
  ids?: number;
}

export class World extends WorldBase {
  readonly spreadsheets: SpreadsheetStore;
  readonly drive: DriveStore;
  readonly properties: PropertiesStore;
  readonly cache: CacheStore;
  readonly fetchLimits: UrlFetchLimits;
  readonly urlFetchCallsPerDay: number;
  private readonly stateFile: string | null;

  constructor(options: WorldOptions = {}) {
    const clock =
      options.clock === 'real'
        ? new RealClock()
        : options.clock === undefined || options.clock === 'virtual'
          ? new VirtualClock()
          : options.clock;
    const project = options.project ?? loadProject(options.buildDir ?? 'build');
    super({ project, clock, seed: options.seed, defaultUser: options.user, deployment: options.deployment });
    this.fetchLimits = { ...DEFAULT_FETCH_LIMITS, ...options.fetchLimits };
    this.urlFetchCallsPerDay = options.urlFetchCallsPerDay ?? CONSUMER_LIMITS.urlFetchCallsPerDay;
    this.stateFile = options.stateDir ? path.join(options.stateDir, 'world.json') : null;
    const saved = this.readSaved();
    if (saved && clock instanceof VirtualClock) clock.advanceTo(saved.time);
    // Before any store makes an id: a reopened world goes on from the ids it had issued. A state saved
    // before the count was kept goes on far past anything a local session could have used.
    if (saved) this.resumeIds(saved.ids ?? UNCOUNTED_IDS_FLOOR);
    this.spreadsheets = saved ? SpreadsheetStore.fromJSON(saved.spreadsheets) : new SpreadsheetStore();
    this.properties = saved ? PropertiesStore.fromJSON(saved.properties) : new PropertiesStore();
    this.cache = saved ? CacheStore.fromJSON(saved.cache, this.env) : new CacheStore(this.env);
    if (saved) this.triggers.load(saved.triggers);
    this.drive = new DriveStore(
      this.env,
      options.stateDir ? { dir: path.join(options.stateDir, 'drive') } : {},
    );
    this.boundSpreadsheetId = BOUND_SPREADSHEET_ID;
    if (!this.spreadsheets.get(BOUND_SPREADSHEET_ID)) {
      this.spreadsheets.create({
        id: BOUND_SPREADSHEET_ID,
        name: options.spreadsheetName ?? 'Product slideshows',
        timeZone: project.manifest.timeZone,
      });
    }
  }

  globalsFor(execution: Execution): ScriptGlobal[] {
    const env = this.env;
    const sink = (level: 'log' | 'info' | 'warn' | 'error', line: string) => this.log(level, line);
    const uiAvailable = execution.kind !== 'trigger';
    return [
      {
        name: 'SpreadsheetApp',
        service: 'SpreadsheetApp',
        target: createSpreadsheetApp(env, this.spreadsheets, {
          isUiAvailable: () => uiAvailable,
          addonMenuTitle: APP_NAME,
        }),
      },
      {
        name: 'HtmlService',
        service: 'HtmlService',
        target: createHtmlService((name) => this.project.html[name] ?? null),
      },
      { name: 'DriveApp', service: 'DriveApp', target: new DriveApp(env, this.drive) },
      { name: 'MimeType', service: 'DriveApp', target: MimeType, plain: true },
      {
        name: 'UrlFetchApp',
        service: 'UrlFetchApp',
        target: new UrlFetchApp({
          env,
          router: this.router,
          blobs: blobBridge,
          whitelist: this.project.manifest.urlFetchWhitelist,
          limits: this.fetchLimits,
          takeQuota: (count) =>
            this.quotas.take('urlfetch', execution.user, env.now(), count, this.urlFetchCallsPerDay),
          record: (entry) => this.fetches.push(entry),
        }),
      },
      {
        name: 'PropertiesService',
        service: 'PropertiesService',
        target: new PropertiesService(env, this.properties),
      },
      { name: 'CacheService', service: 'CacheService', target: new CacheService(env, this.cache) },
      { name: 'LockService', service: 'LockService', target: new LockService(env, this.locks) },
      { name: 'ScriptApp', service: 'ScriptApp', target: new ScriptApp(env, this.triggers, SCRIPT_ID) },
      { name: 'Utilities', service: 'Utilities', target: new Utilities(env) },
      {
        name: 'Session',
        service: 'Session',
        target: new Session(env, this.project.manifest.timeZone, this.scopes.has(USER_EMAIL_SCOPE)),
      },
      { name: 'Logger', service: 'Logger', target: new Logger(sink) },
      { name: 'console', service: 'console', target: new Console(sink) },
    ];
  }

  /** The spreadsheet the script is bound to (Node side, for tests and the harness). */
  boundSpreadsheet() {
    const data = this.spreadsheets.get(BOUND_SPREADSHEET_ID);
    if (!data) throw new Error('The bound spreadsheet is missing from the store.');
    return data;
  }

  /**
   * The quotas the add-on could run into, for `user` on the day of `at` (default: now), with Apps Script's
   * consumer-account limits beside them.
   */
  quotaReport(user: string = this.defaultUser, at: number = this.clock.now()) {
    const properties = this.properties.quota.usedBy(user, at);
    return {
      urlFetchCalls: {
        used: this.quotas.used('urlfetch', user, at),
        limit: this.urlFetchCallsPerDay,
      },
      triggerRuntimeMs: {
        used: this.quotas.used('triggerRuntimeMs', user, at),
        limit: CONSUMER_LIMITS.triggerRuntimeMsPerDay,
      },
      propertiesReadsWrites: {
        used: properties.reads + properties.writes,
        limit: this.properties.quota.dailyLimit,
      },
      executions: this.reports.length,
      serviceCallsByClass: this.quotas.callsByClass(),
    };
  }

  /** Writes sheets, properties, caches, triggers and the clock to the state folder (Drive writes itself). */
  save(): void {
    if (!this.stateFile) return;
    const state: SavedState = {
      time: this.clock.now(),
      spreadsheets: this.spreadsheets.toJSON(),
      properties: this.properties.toJSON(),
      cache: this.cache.toJSON(),
      triggers: this.triggers.toJSON(),
      ids: this.idsIssued(),
    };
    fs.mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const temporary = `${this.stateFile}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(state));
    fs.renameSync(temporary, this.stateFile);
  }

  private readSaved(): SavedState | null {
    if (!this.stateFile || !fs.existsSync(this.stateFile)) return null;
    return JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) as SavedState;
  }
}
