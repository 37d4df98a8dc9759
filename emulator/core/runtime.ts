/**
 * Runs the bundle as Apps Script would: each entry-point call is one execution with a fresh global
 * context, its own start time, user and authorization mode, and its service calls go through the
 * boundary (costs, scopes, the 6-minute kill, quotas). Triggers that come due fire as new executions.
 */
import * as vm from 'node:vm';
import { Boundary, type BoundaryHost } from './boundary';
import type { AuthMode } from './env';
import { Execution, type ExecutionKind, type KillPlan } from './execution';
import { createScriptContext } from './script-realm';
import { checkTransportable } from './transport';
import { CONSUMER_LIMITS } from './quotas';
import type { WorldBase as World } from './world';

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

/** Real-time guard for pure JavaScript that never calls a service (an infinite loop in the bundle). */
const SCRIPT_CPU_GUARD_MS = 120_000;

export class Runtime {
  private readonly script: vm.Script;
  private executionCounter = 0;

  constructor(readonly world: World) {
    this.script = new vm.Script(world.project.code, { filename: 'Code.js' });
  }

  /**
   * A google.script.run call from the sidebar: one execution in full authorization whose arguments and
   * result must be what the transport can carry.
   */
  callFromSidebar<T = unknown>(
    functionName: string,
    args: unknown[] = [],
    options: RunOptions = {},
  ): ExecutionReport<T> {
    checkTransportable(args, 'arguments');
    const report = this.run<T>(functionName, args, { ...options, kind: 'sidebar', authMode: 'FULL' });
    if (report.status === 'completed') {
      try {
        checkTransportable(report.value, `${functionName}() result`);
      } catch (error) {
        return {
          ...report,
          status: 'failed',
          value: undefined,
          error: { name: 'TransportError', message: String((error as Error).message) },
        };
      }
    }
    return report;
  }

  /**
   * Fires, in time order, every installable trigger that comes due up to `until` (default: now), each as
   * a new execution of its owner in full authorization. On the virtual clock, time jumps to each trigger's
   * due moment. A trigger whose owner spent the day's trigger runtime does not run, as in Apps Script.
   */
  runDueTriggers(until: number = this.world.clock.now()): ExecutionReport[] {
    const reports: ExecutionReport[] = [];
    for (;;) {
      const next = this.world.triggers.due(until)[0];
      if (!next) return reports;
      const clock = this.world.clock;
      if (clock.kind === 'virtual' && next.nextAt > clock.now()) clock.advance(next.nextAt - clock.now());
      const firedAt = clock.now();
      this.world.triggers.fired(next, firedAt);
      const spent = this.world.quotas.used('triggerRuntimeMs', next.owner, firedAt);
      if (spent >= CONSUMER_LIMITS.triggerRuntimeMsPerDay) {
        this.world.skippedTriggers.push({
          id: next.id,
          handler: next.handler,
          at: firedAt,
          reason: 'trigger runtime quota',
        });
        continue;
      }
      const event = { authMode: 'FULL', triggerUid: next.id, timestamp: firedAt };
      reports.push(this.run(next.handler, [event], { user: next.owner, authMode: 'FULL', kind: 'trigger' }));
    }
  }

  /** Runs one entry point as one execution and reports how it ended. Never throws for script errors. */
  run<T = unknown>(functionName: string, args: unknown[] = [], options: RunOptions = {}): ExecutionReport<T> {
    const world = this.world;
    if (world.currentExecution) {
      throw new Error(
        `An execution (${world.currentExecution.id}) is already running: executions run one at a time here.`,
      );
    }
    this.executionCounter += 1;
    const execution = new Execution(`exec-${this.executionCounter}`, {
      user: options.user ?? world.defaultUser,
      authMode: options.authMode ?? 'FULL',
      kind: options.kind ?? 'sidebar',
      spreadsheetId: world.boundSpreadsheetId,
      startedAt: world.clock.now(),
      kill: options.kill,
    });
    world.currentExecution = execution;
    world.executions.push(execution);
    const { context, realm } = createScriptContext(
      () => world.clock.now(),
      world.seed * 7919 + this.executionCounter,
    );
    const host: BoundaryHost = {
      now: () => world.clock.now(),
      spend: (ms) => {
        world.clock.advance(ms);
        execution.busyMs += ms;
      },
      scopes: world.scopes,
      countCall: (_service, className, method) => world.quotas.countCall(className, method),
    };
    const boundary = new Boundary(host, execution, realm);
    for (const global of world.globalsFor(execution)) {
      context[global.name] = global.plain
        ? boundary.toScript(global.target, global.service)
        : boundary.global(global.service, global.target);
    }

    let value: unknown;
    let error: ExecutionReport['error'];
    try {
      this.script.runInContext(context, { timeout: SCRIPT_CPU_GUARD_MS });
      const entry: unknown = context[functionName];
      if (typeof entry !== 'function') {
        throw new Error(`Script function not found: ${functionName}`);
      }
      context.__emulatorCall = { name: functionName, args: boundary.toScript(args, 'runtime') };
      const result = vm.runInContext(
        'globalThis[__emulatorCall.name].apply(null, __emulatorCall.args)',
        context,
        {
          timeout: SCRIPT_CPU_GUARD_MS,
        },
      ) as unknown;
      value = boundary.fromScript(result);
    } catch (thrown) {
      const source = thrown as { name?: string; message?: string; stack?: string };
      error = {
        name: source.name ?? 'Error',
        message: source.message ?? String(thrown),
        stack: source.stack,
      };
    } finally {
      execution.endedAt = world.clock.now();
      world.locks.releaseAll(execution.id);
      world.currentExecution = null;
      if (execution.kind === 'trigger') {
        world.quotas.add(
          'triggerRuntimeMs',
          execution.user,
          execution.startedAt,
          world.clock.now() - execution.startedAt,
        );
      }
    }

    const status = execution.killedBy ? 'killed' : error ? 'failed' : 'completed';
    execution.status = status;
    if (status === 'killed' && execution.killedBy) {
      error = { name: 'Exception', message: execution.killedBy.message };
    }
    const report: ExecutionReport<T> = {
      id: execution.id,
      functionName,
      kind: execution.kind,
      user: execution.user,
      status,
      startedAt: execution.startedAt,
      endedAt: execution.endedAt ?? execution.startedAt,
      durationMs: (execution.endedAt ?? execution.startedAt) - execution.startedAt,
      calls: execution.calls,
      logs: execution.logs,
    };
    if (status === 'completed') report.value = value as T;
    else report.error = error;
    world.onExecutionEnd(report);
    return report;
  }
}
