/**
 * How an execution begins and ends, the same for the sequential runtime and the concurrent one: its id
 * and seed, the host its service calls are charged to, the end (locks released, trigger runtime
 * counted, the report), what google.script.run may carry, and a due trigger turned into an execution.
 */
import type { AuthMode } from './env';
import { Execution, type ExecutionKind, type KillPlan } from './execution';
import { CONSUMER_LIMITS } from './quotas';
import type { BoundaryHost } from './service-calls';
import { checkTransportable } from './transport';
import type { WorldBase as World } from './world';
import type { TriggerRecord } from '../services/script-app';

export interface RunOptions {
  user?: string;
  authMode?: AuthMode;
  kind?: ExecutionKind;
  kill?: KillPlan;
}

export interface ExecutionReport<T = unknown> {
  id: string;
  functionName: string;
  kind: ExecutionKind;
  user: string;
  status: 'completed' | 'failed' | 'killed';
  value?: T;
  error?: { name: string; message: string; stack?: string };
  startedAt: number;
  endedAt: number;
  durationMs: number;
  calls: number;
  logs: string[];
}

/** How the script's entry point ended, before the execution's fate (a kill) is taken into account. */
export type ScriptOutcome =
  { ok: true; value: unknown } | { ok: false; error: NonNullable<ExecutionReport['error']> };

/** A new execution starting now on the world's clock, with the seed of its Math.random. */
export function openExecution(world: World, options: RunOptions): { execution: Execution; seed: number } {
  // Numbered across the world, so executions of several runtimes on one world never share an id.
  const number = world.executions.length + 1;
  const execution = new Execution(`exec-${number}`, {
    user: options.user ?? world.defaultUser,
    authMode: options.authMode ?? 'FULL',
    kind: options.kind ?? 'sidebar',
    spreadsheetId: world.boundSpreadsheetId,
    startedAt: world.clock.now(),
    kill: options.kill ?? world.killPlanner?.({ kind: options.kind ?? 'sidebar', number }),
  });
  world.executions.push(execution);
  return { execution, seed: world.seed * 7919 + number };
}

/** Service calls of `execution` take time on the world's clock and count in its quotas. */
export function worldHost(world: World, execution: Execution): BoundaryHost {
  return {
    now: () => world.clock.now(),
    spend: (ms, label) => {
      world.clock.advance(ms);
      execution.busyMs += ms;
      world.tally(label, ms);
    },
    scopes: world.scopes,
    countCall: (_service, className, method) => world.quotas.countCall(className, method),
  };
}

/** Ends `execution` now on the world's clock (its locks go, however it ended) and files its report. */
export function closeExecution<T>(
  world: World,
  execution: Execution,
  functionName: string,
  outcome: ScriptOutcome,
): ExecutionReport<T> {
  const endedAt = world.clock.now();
  execution.endedAt = endedAt;
  world.locks.releaseAll(execution.id);
  if (execution.kind === 'trigger') {
    world.quotas.add('triggerRuntimeMs', execution.user, execution.startedAt, endedAt - execution.startedAt);
  }
  const status = execution.killedBy ? 'killed' : outcome.ok ? 'completed' : 'failed';
  execution.status = status;
  const report: ExecutionReport<T> = {
    id: execution.id,
    functionName,
    kind: execution.kind,
    user: execution.user,
    status,
    startedAt: execution.startedAt,
    endedAt,
    durationMs: endedAt - execution.startedAt,
    calls: execution.calls,
    logs: execution.logs,
  };
  if (execution.killedBy) report.error = { name: 'Exception', message: execution.killedBy.message };
  else if (outcome.ok) report.value = outcome.value as T;
  else report.error = outcome.error;
  world.onExecutionEnd(report);
  return report;
}

/** A thrown value as the report shows it. */
export function errorOf(thrown: unknown): NonNullable<ExecutionReport['error']> {
  const source = thrown as { name?: string; message?: string; stack?: string } | null | undefined;
  return {
    name: source?.name ?? 'Error',
    message: source?.message ?? String(thrown),
    stack: source?.stack,
  };
}

/**
 * A google.script.run call's result must be what the transport can carry; otherwise the sidebar sees a
 * failure (the world's record keeps what the function really returned).
 */
export function sidebarReport<R extends ExecutionReport>(report: R): R {
  if (report.status !== 'completed') return report;
  try {
    checkTransportable(report.value, `${report.functionName}() result`);
    return report;
  } catch (error) {
    return {
      ...report,
      status: 'failed',
      value: undefined,
      error: { name: 'TransportError', message: String((error as Error).message) },
    };
  }
}

export interface TriggerRun {
  functionName: string;
  args: unknown[];
  options: RunOptions;
}

/**
 * Marks `trigger` fired at `firedAt` and answers the execution it starts: its owner's, in full
 * authorization. Null when the owner spent the day's trigger runtime: Apps Script skips it, and the
 * world records the skip.
 */
export function fireTrigger(world: World, trigger: TriggerRecord, firedAt: number): TriggerRun | null {
  world.triggers.fired(trigger, firedAt);
  const spent = world.quotas.used('triggerRuntimeMs', trigger.owner, firedAt);
  if (spent >= CONSUMER_LIMITS.triggerRuntimeMsPerDay) {
    world.skippedTriggers.push({
      id: trigger.id,
      handler: trigger.handler,
      at: firedAt,
      reason: 'trigger runtime quota',
    });
    return null;
  }
  const event = { authMode: 'FULL', triggerUid: trigger.id, timestamp: firedAt };
  return {
    functionName: trigger.handler,
    args: [event],
    options: { user: trigger.owner, authMode: 'FULL', kind: 'trigger' },
  };
}
