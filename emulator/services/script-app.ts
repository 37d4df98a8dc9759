/**
 * ScriptApp: installable time-driven triggers (kept in the world; the runtime fires the due ones as new
 * executions), the AuthMode enum, and the OAuth token the script may send to Google's REST APIs.
 */
import { GasError, type ServiceEnv } from '../core/env';

export interface TriggerRecord {
  id: string;
  handler: string;
  owner: string;
  spreadsheetId: string | null;
  /** Repeat interval for recurring triggers; null for a one-shot `.after(ms)` trigger. */
  everyMs: number | null;
  nextAt: number;
}

export type Deployment = 'bound' | 'addon';

const MAX_TRIGGERS_PER_USER = 20;
const ALLOWED_MINUTES = [1, 5, 10, 15, 30];
const HOUR = 60 * 60 * 1000;

export class TriggerStore {
  readonly triggers: TriggerRecord[] = [];

  constructor(readonly deployment: Deployment) {}

  due(now: number): TriggerRecord[] {
    return this.triggers
      .filter((trigger) => trigger.nextAt <= now)
      .sort((a, b) => a.nextAt - b.nextAt || a.id.localeCompare(b.id));
  }

  nextDueAt(): number | null {
    return this.triggers.reduce<number | null>(
      (soonest, t) => (soonest === null || t.nextAt < soonest ? t.nextAt : soonest),
      null,
    );
  }

  /** After a trigger fired: recurring ones move on, one-shots go away. */
  fired(trigger: TriggerRecord, at: number): void {
    if (trigger.everyMs === null) {
      this.remove(trigger.id);
      return;
    }
    while (trigger.nextAt <= at) trigger.nextAt += trigger.everyMs;
  }

  remove(id: string): boolean {
    const index = this.triggers.findIndex((trigger) => trigger.id === id);
    if (index < 0) return false;
    this.triggers.splice(index, 1);
    return true;
  }

  toJSON(): TriggerRecord[] {
    return this.triggers.map((trigger) => ({ ...trigger }));
  }

  load(records: TriggerRecord[]): void {
    this.triggers.splice(0, this.triggers.length, ...records.map((record) => ({ ...record })));
  }
}

export class Trigger {
  static readonly gasName = 'Trigger';
  constructor(private readonly record: TriggerRecord) {}
  getUniqueId(): string {
    return this.record.id;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getEventType(): string {
    return 'CLOCK';
  }
  getTriggerSource(): string {
    return 'CLOCK';
  }
  getTriggerSourceId(): string | null {
    return null;
  }
}

class ClockTriggerBuilder {
  static readonly gasName = 'ClockTriggerBuilder';
  private everyMs: number | null = null;
  private afterMs: number | null = null;

  constructor(
    private readonly app: ScriptApp,
    private readonly handler: string,
  ) {}

  everyMinutes(minutes: number): this {
    if (!ALLOWED_MINUTES.includes(minutes)) {
      throw new GasError('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    }
    this.everyMs = minutes * 60_000;
    return this;
  }

  everyHours(hours: number): this {
    if (!Number.isInteger(hours) || hours < 1) throw new GasError('Invalid argument: hours');
    this.everyMs = hours * HOUR;
    return this;
  }

  after(ms: number): this {
    if (!(ms >= 0)) throw new GasError('Invalid argument: durationMilliseconds');
    this.afterMs = ms;
    return this;
  }

  create(): Trigger {
    return this.app._install(this.handler, this.everyMs, this.afterMs);
  }
}

class TriggerBuilder {
  static readonly gasName = 'TriggerBuilder';
  constructor(
    private readonly app: ScriptApp,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.app, this.handler);
  }
}

export class ScriptApp {
  static readonly gasName = 'ScriptApp';
  readonly AuthMode = {
    NONE: 'NONE',
    LIMITED: 'LIMITED',
    FULL: 'FULL',
    CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  } as const;
  readonly EventType = {
    CLOCK: 'CLOCK',
    ON_OPEN: 'ON_OPEN',
    ON_EDIT: 'ON_EDIT',
    ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
    ON_CHANGE: 'ON_CHANGE',
  } as const;
  readonly TriggerSource = { CLOCK: 'CLOCK', SPREADSHEETS: 'SPREADSHEETS', DRIVE: 'DRIVE' } as const;

  constructor(
    private readonly env: ServiceEnv,
    private readonly store: TriggerStore,
    private readonly scriptId: string,
  ) {}

  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw new GasError('Invalid argument: functionName');
    return new TriggerBuilder(this, functionName);
  }

  getProjectTriggers(): Trigger[] {
    const user = this.env.current().user;
    return this.store.triggers
      .filter((trigger) => trigger.owner === user)
      .map((trigger) => new Trigger(trigger));
  }

  getUserTriggers(_container?: unknown): Trigger[] {
    return this.getProjectTriggers();
  }

  deleteTrigger(trigger: Trigger): void {
    const id = trigger.getUniqueId();
    const record = this.store.triggers.find((t) => t.id === id);
    if (record && record.owner !== this.env.current().user) {
      throw new GasError('You do not have permission to delete this trigger.');
    }
    this.store.remove(id);
  }

  getScriptId(): string {
    return this.scriptId;
  }

  /** An opaque token for the current user; the simulated Google REST APIs accept it as a Bearer token. */
  getOAuthToken(): string {
    return oauthTokenFor(this.env.current().user);
  }

  _install(handler: string, everyMs: number | null, afterMs: number | null): Trigger {
    const current = this.env.current();
    const mine = this.store.triggers.filter((trigger) => trigger.owner === current.user);
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      throw new GasError(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    if (everyMs === null && afterMs === null) {
      throw new GasError('A time-based trigger needs everyMinutes, everyHours or after before create().');
    }
    if (this.store.deployment === 'addon') {
      if (everyMs !== null && everyMs < HOUR) {
        throw new GasError('The recurrence interval for an Add-on trigger must be at least one hour.');
      }
      const sameDocument = mine.filter((trigger) => trigger.spreadsheetId === current.spreadsheetId);
      if (sameDocument.length >= 1) {
        throw new GasError(
          'This add-on already has a time-based trigger for this document (add-ons may have one).',
        );
      }
    }
    const record: TriggerRecord = {
      id: this.env.newId('trigger').slice(0, 20),
      handler,
      owner: current.user,
      spreadsheetId: current.spreadsheetId,
      everyMs,
      nextAt: this.env.now() + (everyMs ?? afterMs ?? 0),
    };
    this.store.triggers.push(record);
    return new Trigger(record);
  }
}

export function oauthTokenFor(user: string): string {
  let hash = 2166136261;
  for (const char of user) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return `ya29.emulated-${hash.toString(36)}`;
}
