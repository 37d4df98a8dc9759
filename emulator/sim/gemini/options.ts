/** What a simulated Gemini can be told, and what it does when told nothing. */

export type SimModelKind = 'text' | 'image' | 'other';

export interface SimModel {
  /** Without the `models/` prefix: `gemini-2.5-flash`. */
  id: string;
  kind: SimModelKind;
  displayName?: string;
  supportedGenerationMethods?: string[];
  inputTokenLimit?: number;
  outputTokenLimit?: number;
  /** A thinking model returns thought parts (text, and draft images for image models) when asked to. */
  thinking?: boolean;
}

export interface SimKey {
  key: string;
  /** Quotas and uploaded files belong to a project, not a key. */
  project?: string;
  /** A project without billing: image models answer 429 with a quota limit of 0 (they have no free tier). */
  noBilling?: boolean;
}

/** A fixed delay, or a lognormal spread around a median (sigma 0.5 gives a long tail). */
export type LatencySpec = number | { medianMs: number; sigma?: number; minMs?: number; maxMs?: number };

export type CallKind = 'models' | 'text' | 'image' | 'upload' | 'file' | 'error';

export interface FaultRates {
  /** Share of generateContent calls answered 500, 503 or 504. */
  serverError?: number;
  /** Share answered 200 but refused (prompt blockReason, or finishReason IMAGE_SAFETY / SAFETY). */
  block?: number;
  /** Share of image calls answered 200 without an image. */
  noImage?: number;
}

export interface GeminiSimOptions {
  seed?: number;
  models?: SimModel[];
  /** Keys Gemini accepts; any other gets 400 API_KEY_INVALID. Defaults to DEFAULT_SIM_KEY. */
  keys?: (string | SimKey)[];
  /** Requests per minute per model id (per project), over a sliding 60 s window. Unlisted: no limit. */
  rpm?: Record<string, number>;
  /** Requests per Pacific-time day per model id (per project). Unlisted: no limit. */
  rpd?: Record<string, number>;
  latency?: Partial<Record<CallKind, LatencySpec>>;
  faults?: FaultRates;
  /** A prompt containing any of these (case-insensitive) is refused, so a test can aim a block at one row. */
  blockPromptsContaining?: string[];
  /** The long side of generated images in pixels; the short side follows the aspect ratio. */
  imageLongSide?: number;
  /**
   * Pads each generated PNG to this many bytes (a filler chunk decoders skip), so a benchmark can render
   * small images cheaply yet move and hold the bytes of real ones. Unset: no padding.
   */
  imageBytes?: number;
  /** A folder that keeps uploaded files across restarts (the local harness); unset: memory only. */
  filesDir?: string;
}

/** Shaped like a real key (AIza + 35 characters), so code that hides key-like text treats it as one. */
export const DEFAULT_SIM_KEY = 'AIzaSySimulatedGeminiKey-00000000000000';

export const DEFAULT_MODELS: SimModel[] = [
  {
    id: 'gemini-2.5-flash',
    kind: 'text',
    displayName: 'Gemini 2.5 Flash',
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    thinking: true,
  },
  {
    id: 'gemini-2.5-pro',
    kind: 'text',
    displayName: 'Gemini 2.5 Pro',
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    thinking: true,
  },
  {
    id: 'gemini-2.5-flash-lite',
    kind: 'text',
    displayName: 'Gemini 2.5 Flash-Lite',
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
  },
  {
    id: 'gemini-2.5-flash-image',
    kind: 'image',
    displayName: 'Nano Banana',
    inputTokenLimit: 32_768,
    outputTokenLimit: 32_768,
  },
  {
    id: 'gemini-3-pro-image-preview',
    kind: 'image',
    displayName: 'Nano Banana Pro',
    inputTokenLimit: 65_536,
    outputTokenLimit: 32_768,
    thinking: true,
  },
  {
    id: 'gemini-2.5-flash-preview-tts',
    kind: 'other',
    displayName: 'Gemini 2.5 Flash Preview TTS',
    supportedGenerationMethods: ['countTokens', 'generateContent'],
  },
  {
    id: 'gemini-embedding-001',
    kind: 'other',
    displayName: 'Gemini Embedding 001',
    supportedGenerationMethods: ['embedContent'],
  },
  {
    id: 'imagen-4.0-generate-001',
    kind: 'other',
    displayName: 'Imagen 4',
    supportedGenerationMethods: ['predict'],
  },
];

/** Image calls take long with a long tail; text calls a few seconds. */
export const DEFAULT_LATENCY: Record<CallKind, LatencySpec> = {
  image: { medianMs: 12_000, sigma: 0.35, minMs: 4_000, maxMs: 90_000 },
  text: { medianMs: 3_000, sigma: 0.35, minMs: 800, maxMs: 45_000 },
  models: { medianMs: 250, sigma: 0.2 },
  upload: { medianMs: 600, sigma: 0.3 },
  file: { medianMs: 150, sigma: 0.2 },
  error: { medianMs: 120, sigma: 0.3 },
};

export const DEFAULT_IMAGE_LONG_SIDE = 1024;

export function generationMethods(model: SimModel): string[] {
  if (model.supportedGenerationMethods) return model.supportedGenerationMethods;
  return model.kind === 'other'
    ? ['generateContent']
    : [
        'generateContent',
        'countTokens',
        'batchGenerateContent',
        ...(model.kind === 'text' ? ['createCachedContent'] : []),
      ];
}
