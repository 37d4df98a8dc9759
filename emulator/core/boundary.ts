/**
 * The line between the script and the emulated services. Every method call on a service object passes
 * here once, and here the emulator does what Apps Script's backend does around a call: refuse it when
 * the execution is dead or out of time, check the authorization mode and the manifest's scopes, count
 * quotas, charge the call's typical cost on the clock, and turn errors into Apps Script exceptions in
 * the script's own realm.
 */
import { costOf, priceOf } from './costs';
import { GasError } from './env';
import { EXECUTION_LIMIT_MS, type Execution, ExecutionKilled } from './execution';
import { intoRealm, outOfRealm, type Realm } from './realm';
import { modeAllows, requirementOf } from './scopes';

export interface BoundaryHost {
  now(): number;
  /** Lets time pass for the current execution. */
  spend(ms: number): void;
  readonly scopes: ReadonlySet<string>;
  countCall(service: string, className: string, method: string): void;
}

/** Apps Script's names for the emulator's classes, where the TypeScript class is named differently. */
export function gasClassName(target: object): string {
  const ctor = (target as { constructor?: { gasName?: string; name?: string } }).constructor;
  const raw = ctor?.gasName ?? ctor?.name ?? 'Object';
  return raw.replace(/^(Emulated|Emu|Sim)/, '').replace(/(Impl|Emulation|Emulator)$/, '');
}

const TARGET = Symbol('boundary.target');

export class Boundary {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(
    private readonly host: BoundaryHost,
    private readonly execution: Execution,
    private readonly realm: Realm,
  ) {}

  /** Turns an emulator value into what the script sees. */
  toScript(value: unknown, service: string): unknown {
    return intoRealm(value, this.realm, (object) => this.wrap(object, service));
  }

  /** Turns a script value (arguments) into what the emulator's services take. */
  fromScript(value: unknown): unknown {
    return outOfRealm(value, (object) => this.targets.get(object));
  }

  /** A global service object (SpreadsheetApp, DriveApp, ...) as the script sees it. */
  global(service: string, target: object): unknown {
    return this.wrap(target, service);
  }

  private wrap(target: object, service: string): object {
    const known = this.proxies.get(target);
    if (known) return known;
    const className = gasClassName(target);
    const proxy = new Proxy(target, {
      get: (object, property) => {
        if (property === TARGET) return object;
        if (typeof property === 'symbol') return undefined;
        if (property === 'toString') return () => className;
        // Only methods and upper-case enum members (ScriptApp.AuthMode, MimeType.JPEG) are Apps Script's:
        // lower-case fields and `_`-prefixed helpers are the emulator's own state.
        const member: unknown = property.startsWith('_') ? undefined : Reflect.get(object, property);
        if (typeof member !== 'function' && member !== undefined && !/^[A-Z]/.test(property)) {
          return undefined;
        }
        if (typeof member === 'function') {
          return (...args: unknown[]) => this.invoke(service, className, object, property, args);
        }
        if (member === undefined) {
          if (property === 'then' || property === 'toJSON') return undefined;
          return () => {
            throw this.scriptError(new GasError(`not emulated: ${className}.${property}`));
          };
        }
        return this.toScript(member, service);
      },
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  private invoke(
    service: string,
    className: string,
    target: object,
    method: string,
    args: unknown[],
  ): unknown {
    const execution = this.execution;
    if (execution.killedBy) throw this.scriptError(execution.killedBy);
    execution.calls += 1;
    const kill = execution.kill;
    if (kill && kill.when === 'before' && execution.calls >= kill.atCall) {
      throw this.scriptError(execution.die('injected'));
    }
    if (this.host.now() - execution.startedAt > EXECUTION_LIMIT_MS) {
      throw this.scriptError(execution.die('timeout'));
    }
    const requirement = requirementOf(service, className, method);
    const scopeOk =
      requirement.scopes.length === 0 || requirement.scopes.some((scope) => this.host.scopes.has(scope));
    if (!modeAllows(execution.authMode, requirement.mode) || !scopeOk) {
      throw this.scriptError(
        new GasError(
          `You do not have permission to call ${service === className ? service : className}.${method}. ` +
            `Required permissions: ${requirement.scopes.join(' || ') || `AuthMode.${requirement.mode}`}`,
        ),
      );
    }
    this.host.countCall(service, className, method);

    let result: unknown;
    try {
      const plainArgs = args.map((arg) => this.fromScript(arg));
      result = (Reflect.get(target, method) as (...a: unknown[]) => unknown).apply(target, plainArgs);
    } catch (error) {
      this.charge(className, method, target, undefined);
      if (error instanceof ExecutionKilled) throw this.scriptError(error);
      throw this.scriptError(error);
    }
    this.charge(className, method, target, result);
    if (kill && kill.when === 'after' && execution.calls >= kill.atCall) {
      throw this.scriptError(execution.die('injected'));
    }
    return this.toScript(result, service);
  }

  private charge(className: string, method: string, target: object, result: unknown): void {
    const cells = cellCount(target, method);
    const bytes = byteCount(result);
    this.host.spend(priceOf(costOf(className, method), { cells, bytes }));
  }

  /** An error as the script sees it: an Error of its own realm, named like Apps Script's. */
  scriptError(error: unknown): Error {
    const source = error instanceof Error ? error : new Error(String(error));
    const scriptError = new this.realm.Error(source.message);
    scriptError.name = source.name === 'Error' || source.name === 'TypeError' ? 'Exception' : source.name;
    if (source.name === 'TypeError' || source.name === 'RangeError') {
      // An emulator bug should not hide behind an Apps Script-looking message.
      scriptError.message = `${source.message} (emulator: ${source.name})`;
    }
    return scriptError;
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
