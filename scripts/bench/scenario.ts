/**
 * What a benchmark scenario is, and the simulated world it runs in: the PRD's batch (100 links, 3 photo ×
 * 2 text variations, 3–10 slides each), Gemini with a per-minute image quota, image latency with a median
 * near 12 s and a long tail, text near 3 s, and optionally faults and killed executions.
 */
import { DEFAULT_IMAGE_MODEL, DEFAULT_TEXT_MODEL } from '../../src/shared/settings';
import { simPost } from '../../emulator/sim/tiktok';
import type { GeminiSimOptions, LatencySpec } from '../../emulator/sim/gemini';

export interface Faults {
  /** Share of Gemini calls answered 500/503/504. */
  serverError: number;
  /** Share of Gemini calls refused for safety. */
  block: number;
  /** Share of TikTok page, short-link and CDN requests that fail (stub, challenge, 503). */
  tiktok: number;
}

export interface Scenario {
  name: string;
  links: number;
  photoVariations: number;
  textVariations: number;
  /** The Gemini project's image quota; Settings say the same (Jenny copies it from AI Studio). */
  imageRpm: number;
  textRpm: number;
  faults: Faults | null;
  /**
   * The kill scenario: executions die at random moments, on average once in this many seconds of
   * execution time (0: never). A chance per second, not per execution, so a few long executions are as
   * exposed as many short ones, whatever the pumps' length.
   */
  killEverySeconds: number;
  /** Rows worked on at once (Settings › rows in progress). */
  rowsInProgress: number;
  /** Output format (Settings): JPEG is converted from Gemini's PNG with Blob.getAs, PNG is kept. */
  format: 'jpeg' | 'png';
  /** Slides and product photos by Files API reference (the default), or inline in every request. */
  imageInputs: 'files' | 'inline';
  seed: number;
}

export const NO_FAULTS: Faults = { serverError: 0, block: 0, tiktok: 0 };
/** The faults scenario: 2% 5xx, 1% safety blocks, 5% TikTok failures. */
export const FAULTS: Faults = { serverError: 0.02, block: 0.01, tiktok: 0.05 };

/**
 * The kill scenario's pace: a kill per 300 s of execution time on average. A 100-link batch at 300 a
 * minute takes about 8,500 execution seconds, so about 28 executions die in it: as many as when a tenth
 * of the far more numerous short executions of earlier designs died (31).
 */
export const KILL_EVERY_SECONDS = 300;

/** Image calls take a median of 12 s with a long tail (p99 near 30 s, capped at 90 s); text about 3 s. */
export const IMAGE_LATENCY: LatencySpec = { medianMs: 12_000, sigma: 0.4, minMs: 4_000, maxMs: 90_000 };
export const TEXT_LATENCY: LatencySpec = { medianMs: 3_000, sigma: 0.35, minMs: 800, maxMs: 45_000 };

/**
 * The simulator renders small images (cheap to draw and convert) but pads each PNG to the size of a real
 * Gemini answer, so bytes moved and held are those of real 1024-pixel PNGs.
 */
export const SIM_IMAGE_LONG_SIDE = 192;
export const REAL_IMAGE_PNG_BYTES = Number(process.env.BENCH_PNG_BYTES ?? 1_400_000);

export function geminiOptions(scenario: Scenario): GeminiSimOptions {
  const faults = scenario.faults ?? NO_FAULTS;
  return {
    rpm: { [DEFAULT_IMAGE_MODEL]: scenario.imageRpm, [DEFAULT_TEXT_MODEL]: scenario.textRpm },
    latency: { image: IMAGE_LATENCY, text: TEXT_LATENCY },
    faults: { serverError: faults.serverError, block: faults.block, noImage: 0 },
    imageLongSide: SIM_IMAGE_LONG_SIDE,
    imageBytes: REAL_IMAGE_PNG_BYTES,
  };
}

/** `count` distinct public photo posts, the same for every run: their ids, handles and slide counts. */
export function benchPosts(count: number): { postId: string; link: string; slides: number }[] {
  const posts: { postId: string; link: string; slides: number }[] = [];
  for (let n = 0; posts.length < count; n++) {
    const postId = String(7_400_000_000_000_000_000n + BigInt(n) * 7_919_000_003n);
    const post = simPost(postId);
    if (post.behaviour !== 'normal') continue;
    posts.push({
      postId,
      link: `https://www.tiktok.com/@${post.author}/photo/${postId}`,
      slides: post.slides.length,
    });
  }
  return posts;
}

export function describe(scenario: Scenario): string {
  const parts = [
    `${scenario.links} links`,
    `${scenario.photoVariations}×${scenario.textVariations} variations`,
    `image quota ${scenario.imageRpm}/min`,
  ];
  if (scenario.faults) {
    const f = scenario.faults;
    parts.push(`faults ${f.serverError * 100}% 5xx, ${f.block * 100}% blocks, ${f.tiktok * 100}% TikTok`);
  }
  if (scenario.killEverySeconds > 0) {
    parts.push(
      `executions killed at random moments, once per ${scenario.killEverySeconds} s of execution on average`,
    );
  }
  if (scenario.format === 'png') parts.push('PNG output');
  if (scenario.imageInputs === 'inline') parts.push('images sent inline');
  return parts.join(', ');
}
