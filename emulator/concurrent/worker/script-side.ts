/**
 * The script's side of a worker execution: each handle the main thread sends becomes a Proxy in the
 * script's realm that shows what the in-thread boundary would (methods, enums, fields as undefined,
 * "not emulated" for the rest) and turns each method call into one synchronous call to the main thread.
 * Values cross as in the in-thread boundary: copied into the script's realm, handles unwrapped on the
 * way out.
 */
import { intoRealm, outOfRealm, type Realm } from '../../core/realm';
import {
  BYTES,
  type ClassInfo,
  type ErrorShape,
  type HandleRef,
  isHandleRef,
  isPackedBytes,
  packBytes,
  type PackedBytes,
  REF,
  type Reply,
} from '../wire';

/** Sends one call to the main thread and blocks until its answer. */
export type Transport = (handle: number, method: string, args: unknown[]) => Reply;

interface ClassView {
  name: string;
  methods: ReadonlySet<string>;
  fields: ReadonlySet<string>;
  enums: Map<string, unknown>;
}

export class ScriptSide {
  private readonly proxies = new Map<number, object>();
  private readonly handles = new WeakMap<object, number>();
  private readonly classes = new Map<number, ClassView>();

  constructor(
    private readonly realm: Realm,
    private readonly transport: Transport,
  ) {}

  toScript(value: unknown): unknown {
    return intoRealm(
      value,
      this.realm,
      (wire) => (isPackedBytes(wire) ? this.bytesToScript(wire) : this.proxyFor(wire as HandleRef)),
      (wire) => isHandleRef(wire) || isPackedBytes(wire),
    );
  }

  fromScript(value: unknown): unknown {
    return outOfRealm(value, (object) => {
      const id = this.handles.get(object);
      if (id !== undefined) return { [REF]: id };
      return Array.isArray(object) ? (packBytes(object) ?? undefined) : undefined;
    });
  }

  private bytesToScript(packed: PackedBytes): unknown[] {
    const bytes = packed[BYTES];
    const out = new this.realm.Array(bytes.length) as unknown[];
    for (let i = 0; i < bytes.length; i++) out[i] = bytes[i];
    return out;
  }

  scriptError(shape: ErrorShape): Error {
    const error = new this.realm.Error(shape.message);
    error.name = shape.name;
    return error;
  }

  private proxyFor(ref: HandleRef): object {
    const id = ref[REF];
    const known = this.proxies.get(id);
    if (known) return known;
    const view = ref.def ? this.define(ref.def) : this.classes.get(ref.cls ?? -1);
    if (!view) throw new Error(`emulator: handle ${id} arrived without its class`);
    const callers = new Map<string, (...args: unknown[]) => unknown>();
    const proxy = new Proxy(
      {},
      {
        get: (_object, property) => {
          if (typeof property === 'symbol') return undefined;
          if (property === 'toString') return () => view.name;
          if (view.methods.has(property)) {
            let caller = callers.get(property);
            if (!caller) {
              caller = (...args: unknown[]) => this.invoke(id, view.name, property, args);
              callers.set(property, caller);
            }
            return caller;
          }
          if (view.enums.has(property)) return view.enums.get(property);
          if (view.fields.has(property) || property === 'then' || property === 'toJSON') return undefined;
          return () => {
            throw this.scriptError({ name: 'Exception', message: `not emulated: ${view.name}.${property}` });
          };
        },
        set: () => false,
        defineProperty: () => false,
        deleteProperty: () => false,
      },
    );
    this.proxies.set(id, proxy);
    this.handles.set(proxy, id);
    return proxy;
  }

  private define(info: ClassInfo): ClassView {
    const view: ClassView = {
      name: info.name,
      methods: new Set(info.methods),
      fields: new Set(info.fields),
      enums: new Map(),
    };
    // Registered before its enums are read: an enum may hold a handle of this very class.
    this.classes.set(info.id, view);
    for (const [name, value] of Object.entries(info.enums)) view.enums.set(name, this.toScript(value));
    return view;
  }

  private invoke(id: number, className: string, method: string, args: unknown[]): unknown {
    let reply: Reply;
    try {
      reply = this.transport(
        id,
        method,
        args.map((arg) => this.fromScript(arg)),
      );
    } catch (error) {
      // A function or symbol in the arguments cannot be cloned to the main thread.
      const message = error instanceof Error ? error.message : String(error);
      throw this.scriptError({
        name: 'Exception',
        message: `${className}.${method}: ${message} (emulator: worker)`,
      });
    }
    if (reply.ok) return this.toScript(reply.value);
    throw this.scriptError(reply.error);
  }
}
