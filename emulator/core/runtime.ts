/**
 * Runs the bundle as Apps Script would: each entry-point call is one execution with a fresh global
 * context, its own start time, user and authorization mode, and its service calls go through the
 * boundary (costs, scopes, the 6-minute kill, quotas). Triggers that come due fire as new executions.
 * Executions run one at a time, in this thread; emulator/concurrent runs them overlapping.
 */
import * as vm from 'node:vm';
import { Boundary } from './boundary';
import {
  closeExecution,
  errorOf,
  type ExecutionReport,
  fireTrigger,
  openExecution,
  type RunOptions,
  type ScriptOutcome,
  sidebarReport,
  worldHost,
} from './lifecycle';
import { createScriptContext } from './script-realm';
import { checkTransportable } from './transport';
import type { WorldBase as World } from './world';

export type { ExecutionReport, RunOptions } from './lifecycle';

/** Real-time guard for pure JavaScript that never calls a service (an infinite loop in the bundle). */
const SCRIPT_CPU_GUARD_MS = 120_000;

export class Runtime {
  private readonly script: vm.Script;

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
    return sidebarReport(this.run<T>(functionName, args, { ...options, kind: 'sidebar', authMode: 'FULL' }));
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
      const run = fireTrigger(this.world, next, clock.now());
      if (run) reports.push(this.run(run.functionName, run.args, run.options));
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
    const { execution, seed } = openExecution(world, options);
    world.currentExecution = execution;
    const { context, realm } = createScriptContext(() => world.clock.now(), seed);
    const boundary = new Boundary(worldHost(world, execution), execution, realm);
    for (const global of world.globalsFor(execution)) {
      context[global.name] = global.plain
        ? boundary.toScript(global.target, global.service)
        : boundary.global(global.service, global.target);
    }

    let outcome: ScriptOutcome;
    try {
      this.script.runInContext(context, { timeout: SCRIPT_CPU_GUARD_MS });
      const entry: unknown = context[functionName];
      if (typeof entry !== 'function') {
        throw new Error(`Script function not found: ${functionName}`);
      }
      // Service objects in the arguments are events' ranges and sheets (onEdit's e.range): they are
      // SpreadsheetApp's, with its authorization rules.
      context.__emulatorCall = { name: functionName, args: boundary.toScript(args, 'SpreadsheetApp') };
      const result = vm.runInContext(
        'globalThis[__emulatorCall.name].apply(null, __emulatorCall.args)',
        context,
        { timeout: SCRIPT_CPU_GUARD_MS },
      ) as unknown;
      outcome = { ok: true, value: boundary.fromScript(result) };
    } catch (thrown) {
      outcome = { ok: false, error: errorOf(thrown) };
    } finally {
      world.currentExecution = null;
    }
    return closeExecution<T>(world, execution, functionName, outcome);
  }
}
