/**
 * What Apps Script's backend does around one service call, wherever the script runs (in this thread or
 * in a worker): refuse it when the execution is dead or out of time, check the authorization mode and
 * the manifest's scopes, count it, call the service, and charge the call's typical cost on the clock.
 * Values here are the emulator's own; turning them into the script's realm is the caller's business.
 */
import { costOf, priceOf } from './costs';
import { GasError } from './env';
import { EXECUTION_LIMIT_MS, type Execution, type KillPlan } from './execution';
import { Pending, type Settled } from './pending';
import { modeAllows, requirementOf } from './scopes';

export interface BoundaryHost {
  now(): number;
  /** Lets time pass for the current execution, tallied under `label` ("Class.method"). */
  spend(ms: number, label: string): void;
  readonly scopes: ReadonlySet<string>;
  countCall(service: string, className: string, method: string): void;
}

export type CallOutcome =
  | { kind: 'value'; value: unknown }
  | { kind: 'error'; error: unknown }
  /** The answer comes later (a lock wait); `finish` charges the call once it has, as the caller. */
  | { kind: 'pending'; pending: Pending<unknown>; finish: () => CallOutcome };

/** Apps Script's names for the emulator's classes, where the TypeScript class is named differently. */
export function gasClassName(target: object): string {
  const ctor = (target as { constructor?: { gasName?: string; name?: string } }).constructor;
  const raw = ctor?.gasName ?? ctor?.name ?? 'Object';
  return raw.replace(/^(Emulated|Emu|Sim)/, '').replace(/(Impl|Emulation|Emulator)$/, '');
}

/** An error as the script sees it: Apps Script names service errors "Exception". */
export function scriptErrorShape(error: unknown): { name: string; message: string } {
  const source = error instanceof Error ? error : new Error(String(error));
  const name = source.name === 'Error' || source.name === 'TypeError' ? 'Exception' : source.name;
  // An emulator bug should not hide behind an Apps Script-looking message.
  const message =
    source.name === 'TypeError' || source.name === 'RangeError'
      ? `${source.message} (emulator: ${source.name})`
      : source.message;
  return { name, message };
}

export class ServiceCalls {
  constructor(
    private readonly host: BoundaryHost,
    private readonly execution: Execution,
  ) {}

  call(service: string, className: string, target: object, method: string, args: unknown[]): CallOutcome {
    const execution = this.execution;
    if (execution.killedBy) return { kind: 'error', error: execution.killedBy };
    execution.calls += 1;
    const kill = execution.kill;
    if (kill && kill.when === 'before' && this.killDue(kill)) {
      return { kind: 'error', error: execution.die('injected') };
    }
    if (this.host.now() - execution.startedAt > EXECUTION_LIMIT_MS) {
      return { kind: 'error', error: execution.die('timeout') };
    }
    const denied = this.denial(service, className, method);
    if (denied) return { kind: 'error', error: denied };
    this.host.countCall(service, className, method);

    let result: unknown;
    try {
      result = (Reflect.get(target, method) as (...a: unknown[]) => unknown).apply(target, args);
    } catch (error) {
      return this.finish(className, method, target, { ok: false, error });
    }
    if (result instanceof Pending) {
      const pending = result as Pending<unknown>;
      return {
        kind: 'pending',
        pending,
        finish: () => this.finish(className, method, target, pending.read()),
      };
    }
    return this.finish(className, method, target, { ok: true, value: result });
  }

  private denial(service: string, className: string, method: string): GasError | null {
    const requirement = requirementOf(service, className, method);
    const scopeOk =
      requirement.scopes.length === 0 || requirement.scopes.some((scope) => this.host.scopes.has(scope));
    if (modeAllows(this.execution.authMode, requirement.mode) && scopeOk) return null;
    return new GasError(
      `You do not have permission to call ${service === className ? service : className}.${method}. ` +
        `Required permissions: ${requirement.scopes.join(' || ') || `AuthMode.${requirement.mode}`}`,
    );
  }

  private finish(className: string, method: string, target: object, settled: Settled<unknown>): CallOutcome {
    this.charge(className, method, target, settled.ok ? settled.value : undefined);
    if (!settled.ok) return { kind: 'error', error: settled.error };
    const kill = this.execution.kill;
    if (kill && kill.when === 'after' && this.killDue(kill)) {
      return { kind: 'error', error: this.execution.die('injected') };
    }
    return { kind: 'value', value: settled.value };
  }

  /** Whether an injected kill's moment has come: its call reached, or its time since the start passed. */
  private killDue(kill: KillPlan): boolean {
    const { calls, startedAt } = this.execution;
    if (kill.atCall !== undefined && calls >= kill.atCall) return true;
    return kill.afterMs !== undefined && this.host.now() - startedAt >= kill.afterMs;
  }

  private charge(className: string, method: string, target: object, result: unknown): void {
    const cells = cellCount(target, method);
    const bytes = byteCount(result);
    this.host.spend(priceOf(costOf(className, method), { cells, bytes }), `${className}.${method}`);
  }
}

function cellCount(target: object, method: string): number {
  if (
    !/^(get|set)(Values|DisplayValues|Formulas|Notes|Backgrounds|RichTextValues|NumberFormats|DataValidations)$/.test(
      method,
    )
  ) {
    return 0;
  }
  const range = target as { getNumRows?: () => number; getNumColumns?: () => number };
  if (typeof range.getNumRows !== 'function' || typeof range.getNumColumns !== 'function') return 0;
  return range.getNumRows() * range.getNumColumns();
}

function byteCount(result: unknown): number {
  if (typeof result === 'string') return result.length;
  if (Array.isArray(result) && typeof result[0] === 'number') return result.length;
  return 0;
}
