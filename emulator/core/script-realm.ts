/**
 * A fresh vm context per execution, as Apps Script starts each execution with fresh globals. The context
 * has only what V8 itself provides (no require, process, Buffer, URL, TextEncoder, fetch or timers, none
 * of which Apps Script has), plus a Date that reads the emulator's clock and a Math.random seeded for the
 * execution, so runs on the virtual clock repeat exactly.
 */
import * as vm from 'node:vm';
import { seededRandom } from './random';
import type { Realm } from './realm';

const PATCH = `
(function (now, random) {
  const RealDate = Date;
  function EmulatedDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
  }
  EmulatedDate.prototype = RealDate.prototype;
  EmulatedDate.now = now;
  EmulatedDate.UTC = RealDate.UTC;
  EmulatedDate.parse = RealDate.parse;
  Object.defineProperty(globalThis, 'Date', { value: EmulatedDate, writable: true, configurable: true });
  Math.random = random;
  return EmulatedDate;
})`;

export interface ScriptContext {
  context: vm.Context;
  realm: Realm;
}

export function createScriptContext(now: () => number, seed: number): ScriptContext {
  const context = vm.createContext(
    {},
    { name: 'Apps Script execution', codeGeneration: { strings: true, wasm: false } },
  );
  const patch = vm.runInContext(PATCH, context) as (
    now: () => number,
    random: () => number,
  ) => DateConstructor;
  const date = patch(now, seededRandom(seed));
  const realm: Realm = {
    Array: vm.runInContext('Array', context) as ArrayConstructor,
    Object: vm.runInContext('Object', context) as ObjectConstructor,
    Date: date,
    Error: vm.runInContext('Error', context) as ErrorConstructor,
  };
  return { context, realm };
}
