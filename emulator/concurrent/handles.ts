/**
 * The main thread's side of one worker execution's values: each service object the script holds is a
 * handle (an id into this table), sent once with what the script may touch on it; plain data is copied.
 * The table lives as long as the execution, as the script's references to its objects do.
 */
import { rememberUnpackedSource, signedSourceOf } from '../core/blobs';
import { isDate, isServiceObject } from '../core/realm';
import { gasClassName } from '../core/service-calls';
import { BYTES, type ClassInfo, type HandleRef, isHandleRef, isPackedBytes, packBytes, REF } from './wire';

export interface HandleEntry {
  target: object;
  /** The service it came from (what scopes and costs are judged by). */
  service: string;
  className: string;
  /** The members the script may call (the worker only sends these; anything else is a bug there). */
  methods: ReadonlySet<string>;
}

interface ClassRecord {
  info: ClassInfo;
  methods: ReadonlySet<string>;
}

export class HandleTable {
  private readonly ids = new Map<object, number>();
  private readonly entries: HandleEntry[] = [];
  /** By prototype: instances of one class share their methods and enums. */
  private readonly classes = new Map<object, ClassRecord>();
  private classCount = 0;

  entry(id: number): HandleEntry {
    const entry = this.entries[id];
    if (!entry) throw new Error(`emulator: the worker named an unknown handle ${id}`);
    return entry;
  }

  /** An emulator value as it travels to the script: service objects become handles. */
  encode(value: unknown, service: string): unknown {
    if (value === null || typeof value !== 'object') {
      // A function cannot cross to another thread; no Apps Script service returns one.
      return typeof value === 'function' ? undefined : value;
    }
    if (Array.isArray(value)) {
      const source = signedSourceOf(value as unknown[]);
      const packed = source ? { [BYTES]: source } : packBytes(value as unknown[]);
      if (packed) return packed;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.encode(value[i], service);
      return out;
    }
    if (isDate(value) || ArrayBuffer.isView(value)) return value;
    if (isServiceObject(value)) return this.ref(value, service);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = this.encode(item, service);
    return out;
  }

  /** `target` as a handle, whatever its shape (a global service object may be a plain object). */
  ref(target: object, service: string): HandleRef {
    const known = this.ids.get(target);
    if (known !== undefined) return { [REF]: known };
    const id = this.entries.length;
    const { record, fresh } = this.classOf(target);
    this.ids.set(target, id);
    this.entries.push({ target, service, className: record.info.name, methods: record.methods });
    const ref: HandleRef = { [REF]: id, cls: record.info.id };
    if (fresh) {
      ref.def = record.info;
      // After the handle is registered, so an enum that leads back to this object ends the walk.
      for (const [name, value] of Object.entries(record.info.enums)) {
        record.info.enums[name] = this.encode(value, service);
      }
    }
    return ref;
  }

  /**
   * A value the worker sent (arguments, a result) as the services take it: handles become their objects.
   * The structured clone is this thread's own copy, so it is changed in place.
   */
  decode(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.decode(value[i]);
      return value;
    }
    if (isDate(value) || ArrayBuffer.isView(value) || value instanceof Error) return value;
    if (isPackedBytes(value)) return unpackBytes(value[BYTES]);
    if (isHandleRef(value)) return this.entry(value[REF]).target;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = this.decode(record[key]);
    return record;
  }

  private classOf(target: object): { record: ClassRecord; fresh: boolean } {
    const proto = Object.getPrototypeOf(target) as object | null;
    // Object literals share Object.prototype but not their members.
    const shared = proto !== null && proto !== Object.prototype;
    const known = shared ? this.classes.get(proto) : undefined;
    if (known) return { record: known, fresh: false };
    const record = describe(target, ++this.classCount);
    if (shared) this.classes.set(proto, record);
    return { record, fresh: true };
  }
}

/**
 * What the boundary's proxy would show of `target`, member by member: methods, upper-case enum values,
 * and the emulator's lower-case fields (undefined to the script). `_`-prefixed helpers and `constructor`
 * are left out: the script meets them as "not emulated".
 */
function describe(target: object, id: number): ClassRecord {
  const names = new Set<string>();
  // Object.prototype too: the in-thread proxy forwards valueOf and hasOwnProperty like any method.
  for (let object: object | null = target; object;) {
    for (const name of Object.getOwnPropertyNames(object)) names.add(name);
    object = Object.getPrototypeOf(object) as object | null;
  }
  const methods: string[] = [];
  const enums: Record<string, unknown> = {};
  const fields: string[] = [];
  for (const name of names) {
    if (name.startsWith('_') || name === 'constructor') continue;
    const member = memberOf(target, name);
    if (typeof member === 'function') methods.push(name);
    else if (member === undefined) continue;
    else if (/^[A-Z]/.test(name)) enums[name] = member;
    else fields.push(name);
  }
  return { info: { id, name: gasClassName(target), methods, enums, fields }, methods: new Set(methods) };
}

function memberOf(target: object, name: string): unknown {
  try {
    return Reflect.get(target, name);
  } catch {
    // A getter that throws is no member the script could use.
    return undefined;
  }
}

/** A plain array again (a loop: Array.from walks a typed array through its iterator, many times slower). */
function unpackBytes(bytes: Int8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] as number;
  rememberUnpackedSource(out, bytes);
  return out;
}
