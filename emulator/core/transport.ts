/**
 * What google.script.run can carry between the sidebar and the server: primitives, null, arrays and
 * plain objects made of them. Apps Script turns anything else (a Date, a function, a class instance)
 * into null or fails the call; the emulator fails loudly instead, so such a bug shows up in tests.
 */
import { isDate, isPlainObject } from './realm';

export class TransportError extends Error {
  override name = 'TransportError';
}

export function checkTransportable(value: unknown, where = 'value'): void {
  if (value === null || value === undefined) return;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value))
        throw new TransportError(`${where} is ${value}, which google.script.run cannot carry.`);
      return;
    case 'object':
      break;
    default:
      throw new TransportError(`${where} is a ${typeof value}, which google.script.run cannot carry.`);
  }
  if (isDate(value)) throw new TransportError(`${where} is a Date: send epoch milliseconds instead.`);
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkTransportable(item, `${where}[${index}]`));
    return;
  }
  if (!isPlainObject(value)) throw new TransportError(`${where} is not a plain object.`);
  for (const [key, item] of Object.entries(value)) checkTransportable(item, `${where}.${key}`);
}
