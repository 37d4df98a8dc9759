/**
 * The contract between emulated Apps Script services and the runtime that hosts them.
 *
 * Services are plain classes that keep their state in memory (and can snapshot it to JSON).
 * They never read the wall clock or Math.random: time, the current execution and ids come from here,
 * so a run on the virtual clock repeats exactly.
 */

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** What a service may know about the execution that is calling it. */
export interface ExecutionInfo {
  readonly id: string;
  /** E-mail of the user the execution runs as (UserProperties, user caches and locks are keyed on it). */
  readonly user: string;
  readonly authMode: AuthMode;
  /** Milliseconds since the epoch on the runtime's clock. */
  readonly startedAt: number;
  /** The spreadsheet the script is bound to, if any. */
  readonly spreadsheetId: string | null;
}

export interface ServiceEnv {
  /** Milliseconds since the epoch on the runtime's clock (virtual or real). */
  now(): number;
  /**
   * Lets `ms` pass for the current execution (advances the virtual clock, or blocks on the real one);
   * `label` names what the time went on in the world's tally (default: Utilities.sleep).
   */
  sleep(ms: number, label?: string): void;
  /** The execution that is calling the service right now. Throws if none is. */
  current(): ExecutionInfo;
  /** A new id that is unique in this world and the same on every run with the same seed. */
  newId(kind: 'file' | 'spreadsheet' | 'uuid' | 'trigger' | 'other'): string;
}

/**
 * An error as Apps Script services throw them: `String(e)` reads "Exception: <message>".
 * The runtime re-creates it in the script's own realm when it crosses the boundary.
 */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Thrown for a method the add-on does not use, so a gap is loud instead of silently wrong. */
export function notEmulated(name: string): never {
  throw new GasError(`not emulated: ${name}`);
}

/** A ServiceEnv for unit tests of one service: a settable clock and a single FULL-auth execution. */
export class TestEnv implements ServiceEnv {
  time: number;
  execution: ExecutionInfo;
  private counter = 0;

  constructor(
    options: { time?: number; user?: string; authMode?: AuthMode; spreadsheetId?: string | null } = {},
  ) {
    this.time = options.time ?? Date.UTC(2026, 10, 22, 12, 0, 0);
    this.execution = {
      id: 'exec-test',
      user: options.user ?? 'jenny@example.com',
      authMode: options.authMode ?? 'FULL',
      startedAt: this.time,
      spreadsheetId: options.spreadsheetId ?? null,
    };
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): void {
    this.time += ms;
  }

  current(): ExecutionInfo {
    return this.execution;
  }

  newId(kind: string): string {
    this.counter += 1;
    return deterministicId(kind, this.counter);
  }
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

/** A pseudo-random but repeatable character stream seeded by the id's kind and counter. */
function idChars(kind: string, counter: number, length: number, alphabet: string): string {
  let state = (counter * 2654435761 + kind.length * 97) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + i * 3266489917 + counter) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
}

/** A Drive-looking id (44 characters of base64url, as Drive's are) or a v4-shaped uuid, from a counter. */
export function deterministicId(kind: string, counter: number): string {
  if (kind === 'uuid') {
    const h = idChars(kind, counter, 32, HEX);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  return '1' + idChars(kind, counter, 43, ID_ALPHABET);
}
