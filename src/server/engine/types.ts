/**
 * The engine's vocabulary. The engine runs any job type: it knows rows, items, leases, budgets and
 * failures, never TikTok or Gemini. A job type says what items a row needs and how each item turns
 * into HTTP requests and back into a result.
 */

/** JSON that can be stored in the queue state. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A request as UrlFetchApp sends it (`muteHttpExceptions` is always on). */
export interface EngineRequest {
  url: string;
  method: 'get' | 'post' | 'delete' | 'put' | 'patch';
  headers: Record<string, string>;
  contentType?: string;
  /** A text body, sent as is. */
  payload?: string;
  /** A binary body as base64 (never with `payload`). */
  payloadBase64?: string;
  /** Default true; false lets a job read redirects itself. */
  followRedirects?: boolean;
  /**
   * The request the item's rate key meters (a model's generateContent): the engine notes when it went,
   * so the minute's window counts it from then instead of from its claim.
   */
  metered?: boolean;
}

/** A response as the job reads it; bodies are decoded only when asked for. */
export interface EngineResponse {
  status: number;
  headers: Readonly<Record<string, string | string[]>>;
  /**
   * Body size in bytes (as text, its characters: a JSON answer is ASCII but for the odd letter). Read
   * after `text()` or `base64()`, it costs nothing more.
   */
  size: number;
  text(): string;
  base64(): string;
}

export type ItemState = 'queued' | 'leased' | 'done' | 'failed' | 'cancelled';

/** What a job asks for: one unit of work, one network exchange (or a few, in steps). */
export interface ItemSpec {
  /** Unique within its row, stable across retries (e.g. "image:p2:t1:s4"). */
  id: string;
  kind: string;
  /** Ids of items that must be done first: of the same row, or `@id` for an item of the batch itself. */
  deps?: string[];
  /** Budget key for requests-per-minute (e.g. "gemini:gemini-2.5-flash-image"); none means unmetered. */
  rateKey?: string;
  /** Small parameters for the job. */
  input?: Json;
  /** How much of the row's visible progress this item is (e.g. 1 per generated image). */
  units?: number;
}

export interface ItemRecord extends ItemSpec {
  state: ItemState;
  /** Failed tries; a 429 is never counted. */
  attempts: number;
  /** Times an execution died holding this item's lease. */
  takeovers: number;
  /** Times the item was planned again after it had been done (e.g. the batch summary after Retry failed). */
  reruns?: number;
  notBefore?: number;
  lease?: { owner: string; until: number };
  result?: Json;
  error?: string;
}

export type RowState = 'pending' | 'active' | 'completed' | 'failed' | 'cancelled';

export interface RowSpec {
  rowId: string;
  /** Position in the batch, from 1: "Link 7". */
  number: number;
  link: string;
  photo: string;
  description: string;
  photoVariations: number;
  textVariations: number;
}

export interface RowRecord extends RowSpec {
  state: RowState;
  items: ItemRecord[];
  /** A short name for the row in events, set by the job once it knows it (e.g. the author's "@handle"). */
  label?: string;
  output?: { url: string; label: string };
  error?: string;
  startedAt?: number;
  endedAt?: number;
  /** Set when something about the row changed and its cells must be written. */
  dirty?: boolean;
}

export type BatchStatus = 'running' | 'paused' | 'stopped' | 'cancelled' | 'completed';

export interface BatchEvent {
  at: number;
  text: string;
}

export interface BatchSettings {
  /** At most this many rows in progress at once (the PRD's rate-limit guard). */
  rowsInProgress: number;
  /** Requests per minute per rate key. */
  requestsPerMinute: Record<string, number>;
  /** Job-specific settings (models, output format, variations...). */
  job: Json;
}

export interface BatchMeta {
  id: string;
  job: string;
  status: BatchStatus;
  createdAt: number;
  endedAt?: number;
  /** While paused for a daily quota: when to go on. */
  resumeAt?: number;
  /** Why the batch stopped or paused, for the sidebar and the rows. */
  message?: string;
  settings: BatchSettings;
  /**
   * Claim times per rate key of requests not yet known to have gone, for the sliding one-minute window
   * shared by every execution (counted with a guard for the moment between claim and send).
   */
  sent: Record<string, number[]>;
  /** When metered requests went, per rate key, once their wave was recorded (rate.ts). */
  landed?: Record<string, number[]>;
  /** No request with this key before this time (a 429 asked us to wait). */
  holdUntil: Record<string, number>;
  events: BatchEvent[];
  /** Progress units done, and when the first and the latest were done (for the rate and time left). */
  unitsDone: number;
  firstUnitAt?: number;
  lastUnitAt?: number;
  /** Job-level data shared by every row (e.g. the batch folder id). */
  shared: Record<string, Json>;
  /** When a sidebar pump last took work: the trigger stays out of the way while it is recent. */
  lastPumpAt?: number;
  /** What done tries of each class held in a fetchAll (bytes.ts). */
  tryBytes?: Record<string, TryBytes>;
  /** Slow waves recorded, and how long one held its execution from claim to record (cycle.ts). */
  slowWaves?: { count: number; meanMs: number };
}

/** Bytes done tries held: the largest, how many, and (Welford) their mean and summed squared deviations. */
export interface TryBytes {
  most: number;
  count: number;
  mean?: number;
  m2?: number;
}

export interface BatchState {
  meta: BatchMeta;
  rows: RowRecord[];
}

/** How an item's try ended badly. The kind decides what happens next. */
export type Failure =
  /** Worth another try later (5xx, time-out, a blank answer): counts an attempt, backs off. */
  | { kind: 'retry'; message: string }
  /** Trying again will not help (the post is private, the photo is not an image): fails the row. */
  | { kind: 'fatal'; message: string }
  /** A 429: wait, try again, count nothing. */
  | { kind: 'rate-limited'; message: string; retryAfterMs: number; rateKey?: string }
  /** A per-day quota: the whole batch waits until `resumeAt`. */
  | { kind: 'quota-day'; message: string; resumeAt: number }
  /** Bad key, no billing, unknown model: the whole batch stops with one message. */
  | { kind: 'settings'; message: string };

/** One step of an item: send requests (and come back with their responses), or finish. */
export type StepResult =
  | { kind: 'send'; requests: EngineRequest[]; carry?: Json }
  | {
      kind: 'done';
      result?: Json;
      newItems?: ItemSpec[];
      output?: { url: string; label: string };
      event?: string;
      /** The row's short name in events and the sidebar (e.g. "@handle"), once the job knows it. */
      label?: string;
    }
  | { kind: 'fail'; failure: Failure };

export interface StepContext {
  readonly row: RowRecord;
  readonly meta: BatchMeta;
  readonly now: number;
  /** The result of a done item of the same row, or of the batch (`@id`). */
  resultOf(itemId: string): Json | undefined;
  /** A secret of the user this execution runs as (e.g. the API key): used in a header, never stored. */
  secret(name: string): string | null;
  /** Converts base64 image bytes between image/png and image/jpeg (Apps Script's Blob.getAs). */
  convertImage(base64: string, from: string, to: string): string;
}

export interface JobType {
  readonly name: string;
  /** The items a row starts with, when it becomes active. */
  plan(row: RowRecord, meta: BatchMeta): ItemSpec[];
  /** First step of an item (no responses yet), or the next one after `responses` came back. */
  step(
    item: ItemRecord,
    context: StepContext,
    previous?: { carry?: Json; responses: EngineResponse[] },
  ): StepResult;
  /** Rough bytes a try of this item holds in memory (requests + responses), for the wave's byte budget. */
  estimateBytes?(item: ItemRecord, meta: BatchMeta): number;
  /**
   * Items whose answers take long (generated images). While fewer than a whole wave of them may go,
   * quick items that are ready go first in a wave of their own, so a row's short steps never wait for a
   * slow wave; once a whole wave may go, the quick items ride along in it (see claim.ts).
   */
  isSlow?(item: ItemRecord): boolean;
  /**
   * The most fetchAll rounds this try of the item can take (default MAX_STEPS_PER_WAVE). Its lease covers
   * that many and no more, so the items of an execution that died come free again sooner.
   */
  stepsOf?(item: ItemRecord, meta: BatchMeta): number;
  /** The Status text for an active row, e.g. "Generating 3/6"; the engine words the other states. */
  describe?(row: RowRecord): string;
  /** Items of the batch itself, planned at start (e.g. create the batch folder); rows may depend on them. */
  planBatch?(meta: BatchMeta): ItemSpec[];
  /** Items of the batch planned once every row has ended (e.g. write batch.json). */
  planFinish?(state: BatchState): ItemSpec[];
  /**
   * Rows to keep in progress so the request budgets never go unused (more than the settings' minimum
   * when the quotas are large); the engine caps it at MAX_ROWS_IN_PROGRESS.
   */
  rowsWanted?(meta: BatchMeta): number;
  /**
   * Sidebar calls to keep in flight so the request budgets are used (one execution holds a wave of a
   * bounded size for as long as its slowest request); capped at MAX_PUMPS_IN_FLIGHT.
   */
  pumpsWanted?(meta: BatchMeta): number;
  /**
   * Sidebar calls to start with, when `startingRows` rows start at once (the batch's rows, within the
   * rows-in-progress limit): as many as the waves those rows will soon have ready fill (the engine
   * caps it by pumpsWanted). Lanes that start before there is work wait for it; without this the
   * sidebar starts one lane per row and adds more only when a pump returns.
   */
  startLanes?(meta: BatchMeta, startingRows: number): number;
}

/** The id of the pseudo-row that holds the batch's own items; it never appears in the sheet. */
export const BATCH_ROW_ID = '@batch';
