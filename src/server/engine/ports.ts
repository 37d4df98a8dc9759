/**
 * The services the engine runs on, as small interfaces. Apps Script's are in src/server/gas/; the
 * engine's unit tests use in-memory ones. The engine never touches an Apps Script global itself.
 */
import type { RowCells } from '../ports/sheet';
import type { BatchState, EngineRequest, EngineResponse } from './types';

export interface StateStore {
  /** The current batch, or null when there is none. */
  load(): BatchState | null;
  save(state: BatchState): void;
  /** Forgets the batch (New batch); outputs in Drive are never touched. */
  clear(): void;
}

export interface LockPort {
  /** Waits up to `ms` for the document lock; false if another execution kept it. */
  acquire(ms: number): boolean;
  release(): void;
}

/**
 * Thrown by an HttpPort when the platform's own daily allowance of requests is spent (Apps Script's
 * "Service invoked too many times for one day: urlfetch"): the batch pauses until `resumeAt`.
 */
export class DailyQuotaError extends Error {
  override name = 'DailyQuotaError';
  constructor(
    message: string,
    readonly resumeAt: number,
  ) {
    super(message);
  }
}

export interface HttpPort {
  /** Sends all requests at once and returns the responses in order; throws if the network failed. */
  fetchAll(requests: EngineRequest[]): EngineResponse[];
}

export interface ClockPort {
  now(): number;
  sleep(ms: number): void;
}

export interface CellsPort {
  writeRowCells(updates: ReadonlyMap<string, RowCells>): void;
}

/** Secrets of the user the execution runs as (the Gemini key lives in their UserProperties, never in state). */
export interface SecretsPort {
  get(name: string): string | null;
}

/** Image conversion, which Apps Script does natively (Blob.getAs) and pure JavaScript would do slowly. */
export interface ImagePort {
  /** Converts base64 image bytes between image/png and image/jpeg; returns base64. */
  convert(base64: string, from: string, to: string): string;
}

export interface EnginePorts {
  secrets: SecretsPort;
  images: ImagePort;
  store: StateStore;
  lock: LockPort;
  http: HttpPort;
  clock: ClockPort;
  cells: CellsPort;
  random(): number;
}
