/** Everything one simulated Gemini remembers between requests, built once from its options. */
import { SimFileStore } from './files-store';
import { QuotaBook } from './limits';
import {
  DEFAULT_IMAGE_LONG_SIDE,
  DEFAULT_LATENCY,
  DEFAULT_MODELS,
  DEFAULT_SIM_KEY,
  type CallKind,
  type FaultRates,
  type GeminiSimOptions,
  type SimKey,
  type SimModel,
} from './options';
import { Rng } from './random';
import { emptyStats, type GeminiSimStats } from './stats';
import { ImageCache } from './render';

export interface SimState {
  readonly seed: number;
  readonly models: ReadonlyMap<string, SimModel>;
  readonly modelList: readonly SimModel[];
  readonly keys: ReadonlyMap<string, SimKey>;
  readonly rpm: Readonly<Record<string, number>>;
  readonly rpd: Readonly<Record<string, number>>;
  readonly faults: Required<FaultRates>;
  readonly blockPhrases: readonly string[];
  readonly imageLongSide: number;
  /** Generated PNGs are padded to this size (0: not padded). */
  readonly imageBytes: number;
  readonly stats: GeminiSimStats;
  readonly quota: QuotaBook;
  readonly files: SimFileStore;
  readonly images: ImageCache;
  /** Faults are drawn from their own stream, so changing latencies does not move them, and vice versa. */
  readonly faultRng: Rng;
  latency(kind: CallKind): number;
}

export function createState(options: GeminiSimOptions): SimState {
  const seed = options.seed ?? 1;
  const modelList = options.models ?? DEFAULT_MODELS;
  const keys = new Map<string, SimKey>();
  for (const entry of options.keys ?? [DEFAULT_SIM_KEY]) {
    const key = typeof entry === 'string' ? { key: entry } : entry;
    keys.set(key.key, key);
  }
  const latencyRng = new Rng(seed ^ 0x5bd1e995);
  const latencies = { ...DEFAULT_LATENCY, ...options.latency };
  const imageLongSide = options.imageLongSide ?? DEFAULT_IMAGE_LONG_SIDE;

  return {
    seed,
    models: new Map(modelList.map((model) => [model.id, model])),
    modelList,
    keys,
    rpm: options.rpm ?? {},
    rpd: options.rpd ?? {},
    faults: { serverError: 0, block: 0, noImage: 0, ...options.faults },
    blockPhrases: (options.blockPromptsContaining ?? []).map((phrase) => phrase.toLowerCase()),
    imageLongSide,
    imageBytes: options.imageBytes ?? 0,
    stats: emptyStats(),
    quota: new QuotaBook(),
    files: new SimFileStore(seed, options.filesDir),
    images: new ImageCache(imageLongSide),
    faultRng: new Rng(seed ^ 0x27d4eb2f),
    latency(kind) {
      const spec = latencies[kind];
      if (typeof spec === 'number') return spec;
      const drawn = spec.medianMs * Math.exp((spec.sigma ?? 0) * latencyRng.normal());
      return Math.round(Math.min(spec.maxMs ?? Infinity, Math.max(spec.minMs ?? 0, drawn)));
    },
  };
}
