/** What a simulated Drive REST API can be told, its defaults, and its seeded latencies. */
import type { DriveStore } from '../../services/drive';
import { seededRandom } from '../seeded-random';

/** A fixed delay, or a lognormal spread around a median, clamped to [minMs, maxMs]. */
export type LatencySpec = number | { medianMs: number; sigma?: number; minMs?: number; maxMs?: number };

/** metadata: create folder, list, get, patch. upload and media also pay per megabyte moved. */
export type DriveCallKind = 'metadata' | 'upload' | 'media' | 'error';

export interface DriveFaultRates {
  /** Share of authenticated requests answered 500/502/503 without any effect. */
  serverError?: number;
  /** Share answered 403 userRateLimitExceeded or 429 rateLimitExceeded without any effect. */
  rateLimit?: number;
  /**
   * Share of creations (folder or upload) that take effect but answer 503, as when a request lands and
   * its answer is lost: a client that retries blindly makes a duplicate.
   */
  lostResponse?: number;
}

export interface DriveRestSimOptions {
  /** The world's Drive: what REST writes, DriveApp sees, and the other way round. */
  store: DriveStore;
  /** The user a Bearer token belongs to (see userForTokenAmong); undefined answers 401. */
  userForToken: (token: string) => string | undefined;
  latency?: Partial<Record<DriveCallKind, LatencySpec>>;
  /** Transfer time per MiB, on top of the call's latency. */
  perMegabyteMs?: Partial<Record<'upload' | 'media', number>>;
  faults?: DriveFaultRates;
  seed?: number;
  /** A user's storage (bytes of the files they own, trash included). Default: a consumer account's 15 GB. */
  storageLimitBytes?: number;
  /** The Cloud project number Drive names in drive.file refusals. */
  appId?: string;
}

export const DEFAULT_LATENCY: Readonly<Record<DriveCallKind, LatencySpec>> = {
  metadata: { medianMs: 220, sigma: 0.2, minMs: 150, maxMs: 300 },
  upload: { medianMs: 400, sigma: 0.2, minMs: 250, maxMs: 1_500 },
  media: { medianMs: 250, sigma: 0.2, minMs: 120, maxMs: 1_000 },
  error: { medianMs: 100, sigma: 0.3, minMs: 40, maxMs: 400 },
};

export const DEFAULT_PER_MEGABYTE_MS: Readonly<Record<'upload' | 'media', number>> = {
  upload: 150,
  media: 100,
};

export const DEFAULT_APP_ID = '123456789012';

const MEGABYTE = 1024 * 1024;

/** Latencies come from their own seeded stream, so the same seed repeats a run exactly. */
export function latencyModel(options: DriveRestSimOptions): (kind: DriveCallKind, bytes?: number) => number {
  const next = seededRandom((options.seed ?? 1) ^ 0x1b873593);
  const specs = { ...DEFAULT_LATENCY, ...options.latency };
  const perMegabyte = { ...DEFAULT_PER_MEGABYTE_MS, ...options.perMegabyteMs };
  const normal = () => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return (kind, bytes = 0) => {
    const spec = specs[kind];
    const base =
      typeof spec === 'number'
        ? spec
        : Math.min(
            spec.maxMs ?? Infinity,
            Math.max(spec.minMs ?? 0, spec.medianMs * Math.exp((spec.sigma ?? 0) * normal())),
          );
    const transfer = kind === 'upload' || kind === 'media' ? (bytes / MEGABYTE) * perMegabyte[kind] : 0;
    return Math.round(base + transfer);
  };
}
