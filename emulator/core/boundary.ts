/**
 * The line between a script running in this thread and the emulated services. Every method call on a
 * service object passes here once: the arguments leave the script's realm, `ServiceCalls` does what
 * Apps Script's backend does around the call (kills, time limit, authorization, quotas, cost), and the
 * result or error comes back as values of the script's own realm. Worker executions use the same
 * `ServiceCalls` in the main thread, with their own realm side (emulator/concurrent).
 */
import { GasError } from './env';
import type { Execution } from './execution';
import { intoRealm, outOfRealm, type Realm } from './realm';
import { type BoundaryHost, gasClassName, scriptErrorShape, ServiceCalls } from './service-calls';

export { type BoundaryHost, gasClassName } from './service-calls';

const TARGET = Symbol('boundary.target');

export class Boundary {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  private readonly calls: ServiceCalls;

  constructor(
    host: BoundaryHost,
    execution: Execution,
    private readonly realm: Realm,
  ) {
    this.calls = new ServiceCalls(host, execution);
  }

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
    let plainArgs: unknown[];
    try {
      plainArgs = args.map((arg) => this.fromScript(arg));
    } catch (error) {
      throw this.scriptError(error);
    }
    const outcome = this.calls.call(service, className, target, method, plainArgs);
    switch (outcome.kind) {
      case 'value':
        return this.toScript(outcome.value, service);
      case 'error':
        throw this.scriptError(outcome.error);
      case 'pending':
        // Only the concurrent runtime installs a lock waiter, so only its executions can be made to wait.
        throw this.scriptError(
          new Error(
            `emulator: ${className}.${method} waited for another execution outside ConcurrentRuntime`,
          ),
        );
    }
  }

  /** An error as the script sees it: an Error of its own realm, named like Apps Script's. */
  scriptError(error: unknown): Error {
    const shape = scriptErrorShape(error);
    const scriptError = new this.realm.Error(shape.message);
    scriptError.name = shape.name;
    return scriptError;
  }
}
