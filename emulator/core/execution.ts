/**
 * One execution of the script: a menu click, a google.script.run call, a trigger firing. Each has its own
 * start time, authorization mode and user, counts its service calls, and can be killed, either by
 * Apps Script's 6-minute limit or on purpose by a test ("kill at call number k").
 */
import type { AuthMode, ExecutionInfo } from './env';

export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

export type ExecutionKind = 'simple-trigger' | 'menu' | 'sidebar' | 'trigger' | 'editor';

export interface KillPlan {
  /** The 1-based index of the service call at which the execution dies. */
  atCall?: number;
  /** Or: it dies at its first service call once this long has passed since it started (virtual ms). */
  afterMs?: number;
  /** 'before': the call never happens. 'after': it takes effect but the script never sees its result. */
  when: 'before' | 'after';
}

export interface ExecutionOptions {
  user: string;
  authMode: AuthMode;
  kind: ExecutionKind;
  spreadsheetId: string | null;
  startedAt: number;
  kill?: KillPlan;
}

export type ExecutionStatus = 'running' | 'completed' | 'failed' | 'killed';

/** Raised at a service call of an execution that has died; the script may catch it, but nothing after runs. */
export class ExecutionKilled extends Error {
  constructor(readonly reason: 'timeout' | 'injected') {
    super(reason === 'timeout' ? TIMEOUT_MESSAGE : 'Execution killed by the emulator (injected fault)');
    this.name = 'Exception';
  }
}

export class Execution implements ExecutionInfo {
  readonly id: string;
  readonly user: string;
  readonly authMode: AuthMode;
  readonly kind: ExecutionKind;
  readonly spreadsheetId: string | null;
  readonly startedAt: number;
  readonly kill: KillPlan | undefined;
  status: ExecutionStatus = 'running';
  killedBy: ExecutionKilled | null = null;
  calls = 0;
  /** Milliseconds charged for service calls (costs, latencies, sleeps). */
  busyMs = 0;
  endedAt: number | null = null;
  readonly logs: string[] = [];

  constructor(id: string, options: ExecutionOptions) {
    this.id = id;
    this.user = options.user;
    this.authMode = options.authMode;
    this.kind = options.kind;
    this.spreadsheetId = options.spreadsheetId;
    this.startedAt = options.startedAt;
    this.kill = options.kill;
  }

  /** Marks the execution dead; every later service call fails with the same error. */
  die(reason: 'timeout' | 'injected'): ExecutionKilled {
    if (!this.killedBy) {
      this.killedBy = new ExecutionKilled(reason);
      this.status = 'killed';
    }
    return this.killedBy;
  }
}
