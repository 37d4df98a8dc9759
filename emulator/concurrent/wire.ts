/**
 * What crosses between the main thread (services, world) and a worker (the script): messages, and the
 * values inside them. Plain data travels by structured clone; a service object travels as a handle, an
 * id into the execution's table in the main thread, with (the first time its class is seen in the
 * execution) what the script may touch on it: method names, enum values, and the emulator's own fields
 * that the script must see as undefined.
 */
import type { MessagePort } from 'node:worker_threads';

/** The key that marks a handle. A NUL-prefixed key is one no script or service writes. */
export const REF = '\u0000ref';

export interface ClassInfo {
  id: number;
  /** Apps Script's class name (what String(object) gives). */
  name: string;
  methods: string[];
  /** Upper-case members (ScriptApp.AuthMode, MimeType.JPEG) as wire values. */
  enums: Record<string, unknown>;
  fields: string[];
}

export interface HandleRef {
  [REF]: number;
  /** The handle's class id, the first time the handle crosses in an execution. */
  cls?: number;
  /** The class itself, the first time the class crosses in an execution. */
  def?: ClassInfo;
}

export function isHandleRef(value: object): value is HandleRef {
  return REF in value;
}

/**
 * Apps Script's Byte[] is a plain array of numbers: a 1.4 MB image is 1.4 million elements, which a
 * structured clone copies one by one. Large arrays of signed bytes cross as one Int8Array instead (a
 * copy of memory) and become plain arrays again on the other side, so nothing changes for either side.
 */
export const BYTES = '\u0000bytes';
const PACK_FROM_LENGTH = 1024;

export interface PackedBytes {
  [BYTES]: Int8Array;
}

export function isPackedBytes(value: object): value is PackedBytes {
  return BYTES in value;
}

/** The array as packed bytes when it is a large array of integers from -128 to 127; otherwise null. */
export function packBytes(values: readonly unknown[]): PackedBytes | null {
  if (values.length < PACK_FROM_LENGTH) return null;
  const out = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || (value | 0) !== value || value < -128 || value > 127) return null;
    out[i] = value;
  }
  return { [BYTES]: out };
}

export interface ErrorShape {
  name: string;
  message: string;
  stack?: string;
}

/** The answer to one service call. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: ErrorShape };

/** What a worker is given when it starts. */
export interface WorkerBoot {
  port: MessagePort;
  /** Counters and flags of the channel (see SyncChannel): [0] is the worker's inbox, [1] the main thread's. */
  signal: Int32Array;
  /** build/Code.js */
  code: string;
}

export const TO_WORKER = 0;
export const TO_MAIN = 1;

export type ToWorker =
  | {
      type: 'start';
      functionName: string;
      args: unknown;
      globals: { name: string; value: unknown }[];
      seed: number;
      now: number;
    }
  | ({ type: 'reply'; now: number } & Reply)
  | { type: 'exit' };

export type ToMain =
  | { type: 'ready' }
  | { type: 'call'; handle: number; method: string; args: unknown[] }
  | { type: 'done'; ok: true; value: unknown }
  | { type: 'done'; ok: false; error: ErrorShape }
  | { type: 'fatal'; message: string };
