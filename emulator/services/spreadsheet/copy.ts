import { isDate } from './values';

/**
 * A deep copy of builder arguments (arrays, Dates, primitives), made with this realm's Array and Date.
 * Keeps what a rule stores independent of arrays the script may mutate later.
 */
export function deepCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (isDate(value)) return new Date(value.getTime());
  return value;
}

export function deepCopyList(values: readonly unknown[]): unknown[] {
  return values.map(deepCopy);
}
