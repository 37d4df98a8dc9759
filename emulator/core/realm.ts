/**
 * Values crossing between the emulator (Node's realm) and the script's vm context (its own realm, as
 * Apps Script's is). Arrays, plain objects and Dates are copied into the receiving realm so that the
 * script's `instanceof Date` and `Array.isArray` behave, and service objects are wrapped on the way in
 * and unwrapped on the way out.
 */

/** The script realm's constructors. */
export interface Realm {
  readonly Array: ArrayConstructor;
  readonly Object: ObjectConstructor;
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
}

export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A class instance of an emulated service (Range, File, Blob, ...), as opposed to plain data. */
export function isServiceObject(value: unknown): value is object {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !isDate(value) &&
    !ArrayBuffer.isView(value) &&
    !isPlainObject(value)
  );
}

export type Wrap = (value: object) => unknown;
export type Unwrap = (value: object) => object | undefined;

/**
 * `isWrapped` tells which objects the script gets wrapped rather than copied: service objects here, the
 * handles that stand for them in a worker (emulator/concurrent).
 */
export function intoRealm(
  value: unknown,
  realm: Realm,
  wrap: Wrap,
  isWrapped: (value: object) => boolean = isServiceObject,
): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new realm.Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = intoRealm(value[i], realm, wrap, isWrapped);
    return out;
  }
  if (isDate(value)) return new realm.Date(value.getTime());
  if (isWrapped(value)) return wrap(value);
  const out = new realm.Object() as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) out[key] = intoRealm(item, realm, wrap, isWrapped);
  return out;
}

export function outOfRealm(value: unknown, unwrap: Unwrap): unknown {
  if (value === null || typeof value !== 'object') return value;
  const target = unwrap(value);
  if (target) return target;
  if (Array.isArray(value)) return value.map((item) => outOfRealm(item, unwrap));
  if (isDate(value)) return new Date(value.getTime());
  if (ArrayBuffer.isView(value)) return value;
  if (Object.prototype.toString.call(value) === '[object Error]') {
    const source = value as Error;
    const error = new Error(source.message);
    error.name = source.name;
    return error;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = outOfRealm(item, unwrap);
  return out;
}
