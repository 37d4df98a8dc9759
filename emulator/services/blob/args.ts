/**
 * Argument checks shared by the Blob, Utilities and Drive services.
 *
 * Arguments arrive from the script's realm, so nothing here relies on `instanceof` with Node's built-ins:
 * a Date or Array made inside the vm context is a different Date or Array.
 */
import { GasError } from '../../core/env';

/** Apps Script's own name for a JavaScript value's type, as its signature errors print it. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) {
    const first: unknown = value.length > 0 ? value[0] : undefined;
    return `${first === undefined ? 'Object' : describeType(first)}[]`;
  }
  if (isDate(value)) return 'Date';
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    return typeof ctor?.name === 'string' && ctor.name !== 'Object' ? ctor.name : 'Object';
  }
  return typeof value;
}

/** The error Apps Script throws when no overload accepts the arguments, e.g. "The parameters (number) ...". */
export function signatureError(method: string, args: readonly unknown[]): GasError {
  // Trailing undefined arguments are not part of the call as Apps Script sees it.
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end -= 1;
  const types = args.slice(0, end).map(describeType).join(',');
  return new GasError(`The parameters (${types}) don't match the method signature for ${method}.`);
}

/** True for a Date from any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Milliseconds since the epoch of a Date from any realm. */
export function dateMillis(value: Date): number {
  return Date.prototype.getTime.call(value);
}

/** Bytes in the UTF-8 form of a string, which is how Apps Script measures its size limits. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
