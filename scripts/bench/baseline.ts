/**
 * The PRD's own design, run against the same simulators for comparison (its "Technical Considerations":
 * Celery with 5 workers, `rate_limit='10/m'` per worker, one VariationTask per link × variation doing
 * its whole pipeline one request at a time, `max_retries=3` with a fixed 60 s retry delay).
 *
 * A discrete-event simulation on its own virtual clock: no Apps Script is involved (the PRD's design is a
 * server), but every TikTok page and Gemini call is answered by a fresh instance of the very simulators
 * our run uses, with the same quotas, latencies and faults, so a 429 or a slow answer costs it what it
 * would cost us.
 */
import { createGeminiSim, DEFAULT_SIM_KEY, GEMINI_HOST } from '../../emulator/sim/gemini';
import { renderSlideJpeg } from '../../emulator/sim/jpeg-slides';
import { createTikTokSim } from '../../emulator/sim/tiktok';
import type { HttpHandler, SimResponse } from '../../emulator/core/http';
import { imageGenerationConfig, imagePart, jsonOutputConfig, textPart } from '../../src/server/gemini';
import { analysisJsonSchema, copyJsonSchema } from '../../src/server/slideshow/schemas';
import { DEFAULT_IMAGE_MODEL, DEFAULT_TEXT_MODEL } from '../../src/shared/settings';
import { benchPosts, geminiOptions, type Scenario } from './scenario';

/** The PRD's figures. */
export const PRD = {
  workers: 5,
  tasksPerMinutePerWorker: 10,
  maxRetries: 3,
  retryDelayMs: 60_000,
} as const;

/** Saving one file to Drive from the PRD's server (after the link completes). */
const DRIVE_UPLOAD_MS = 700;

export interface BaselineResult {
  wallSeconds: number;
  rowsCompleted: number;
  rowsFailed: number;
  rowsFailedBy429: number;
  geminiCalls: number;
  rateLimited: number;
  retries: number;
}

type CallOutcome = { ok: true; latencyMs: number } | { ok: false; latencyMs: number; rateLimited: boolean };

interface Task {
  link: number;
  /** 0: process_link (the ingest), 1..V: generate_variation. */
  variation: number;
  attempt: number;
  readyAt: number;
}

export function runBaseline(scenario: Scenario): BaselineResult {
  const gemini = createGeminiSim({ ...geminiOptions(scenario), seed: scenario.seed });
  const tiktok = createTikTokSim({ seed: scenario.seed, failureRate: scenario.faults?.tiktok ?? 0 });
  const geminiHandler = gemini.handlers[GEMINI_HOST] as HttpHandler;
  const posts = benchPosts(scenario.links);
  const variations = scenario.photoVariations * scenario.textVariations;
  const slide = Buffer.from(
    renderSlideJpeg({ width: 96, height: 128, seed: 1, number: 1, count: 1, text: 'SLIDE' }),
  );
  const photo = Buffer.from(
    renderSlideJpeg({ width: 96, height: 96, seed: 2, number: 1, count: 1, text: 'PRODUCT' }),
  );
  const inline = (bytes: Buffer) => imagePart({ mimeType: 'image/jpeg', base64: bytes.toString('base64') });

  let rateLimited = 0;
  let geminiCalls = 0;
  let retries = 0;
  const call = (handler: HttpHandler, url: string, body: unknown, now: number): CallOutcome => {
    const response: SimResponse = handler(
      {
        url,
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'x-goog-api-key': DEFAULT_SIM_KEY, 'content-type': 'application/json' },
        body: body === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(body)),
      },
      { now },
    );
    const latencyMs = response.latencyMs ?? 0;
    if (response.status === 200) return { ok: true, latencyMs };
    if (response.status === 429) rateLimited += 1;
    return { ok: false, latencyMs, rateLimited: response.status === 429 };
  };
  const generate = (model: string, body: unknown, now: number): CallOutcome => {
    geminiCalls += 1;
    return call(geminiHandler, `https://${GEMINI_HOST}/v1beta/models/${model}:generateContent`, body, now);
  };

  /** A task's calls, in order: each answers how long it took and whether it failed (and why). */
  const stepsOf = (task: Task): ((now: number) => CallOutcome)[] => {
    const post = posts[task.link];
    if (!post) throw new Error('no post');
    if (task.variation === 0) {
      const page = tiktok.handlers['www.tiktok.com'] as HttpHandler;
      return [
        (now) => {
          const answer = page(
            { url: post.link, method: 'GET', headers: {}, body: new Uint8Array() },
            { now },
          );
          // The slides are downloaded one after another once the page is read.
          const latencyMs = (answer.latencyMs ?? 0) + post.slides * 300;
          return answer.status === 200
            ? { ok: true, latencyMs }
            : { ok: false, latencyMs, rateLimited: false };
        },
      ];
    }
    const request = (model: string, body: unknown) => (now: number) => generate(model, body, now);
    const steps = [
      request(DEFAULT_TEXT_MODEL, {
        contents: [
          { role: 'user', parts: [inline(slide), textPart('Analyse each slide of this slideshow.')] },
        ],
        generationConfig: jsonOutputConfig(analysisJsonSchema()),
      }),
      request(DEFAULT_TEXT_MODEL, {
        contents: [
          { role: 'user', parts: [textPart('Write new slide texts and a caption for this product.')] },
        ],
        generationConfig: jsonOutputConfig(copyJsonSchema()),
      }),
    ];
    for (let index = 0; index < post.slides; index++) {
      steps.push(
        request(DEFAULT_IMAGE_MODEL, {
          contents: [
            {
              role: 'user',
              parts: [textPart(`Remake slide ${index + 1} with this product.`), inline(slide), inline(photo)],
            },
          ],
          generationConfig: imageGenerationConfig('3:4'),
        }),
      );
    }
    steps.push((): CallOutcome => ({ ok: true, latencyMs: post.slides * DRIVE_UPLOAD_MS }));
    return steps;
  };

  // Celery: one FIFO queue; 5 workers, each starting at most 10 tasks a minute, each running one task
  // at a time. Every call happens in global time order, so the simulators' rate windows see the truth.
  interface Worker {
    at: number;
    task: Task | null;
    steps: ((now: number) => CallOutcome)[];
    next: number;
    starts: number[];
  }
  const queue: Task[] = posts.map((_, link) => ({ link, variation: 0, attempt: 0, readyAt: 0 }));
  const workers: Worker[] = Array.from({ length: PRD.workers }, () => ({
    at: 0,
    task: null,
    steps: [],
    next: 0,
    starts: [],
  }));
  const linkFailed = new Set<number>();
  const linkFailedBy429 = new Set<number>();
  let end = 0;
  const windowFree = (worker: Worker) =>
    worker.starts.length < PRD.tasksPerMinutePerWorker
      ? 0
      : (worker.starts[worker.starts.length - PRD.tasksPerMinutePerWorker] ?? 0) + 60_000;
  /** When the worker acts next: its running task's next call, or taking a task from the queue. */
  const nextAction = (worker: Worker): number => {
    if (worker.task) return worker.at;
    const ready = queue.reduce((soonest, task) => Math.min(soonest, task.readyAt), Number.POSITIVE_INFINITY);
    return Math.max(worker.at, windowFree(worker), ready);
  };
  for (;;) {
    let worker: Worker | null = null;
    let at = Number.POSITIVE_INFINITY;
    for (const candidate of workers) {
      const time = nextAction(candidate);
      if (time < at) {
        at = time;
        worker = candidate;
      }
    }
    if (!worker || at === Number.POSITIVE_INFINITY) break;
    worker.at = at;
    if (!worker.task) {
      const index = queue.findIndex((task) => task.readyAt <= at);
      const [task] = queue.splice(index, 1);
      if (!task) throw new Error('baseline: no ready task');
      worker.task = task;
      worker.steps = stepsOf(task);
      worker.next = 0;
      worker.starts.push(at);
      continue;
    }
    const task = worker.task;
    const outcome = (worker.steps[worker.next] as (now: number) => CallOutcome)(at);
    worker.at = at + outcome.latencyMs;
    end = Math.max(end, worker.at);
    worker.next += 1;
    if (!outcome.ok) {
      worker.task = null;
      if (task.attempt < PRD.maxRetries) {
        retries += 1;
        queue.push({ ...task, attempt: task.attempt + 1, readyAt: worker.at + PRD.retryDelayMs });
      } else {
        linkFailed.add(task.link);
        if (outcome.rateLimited) linkFailedBy429.add(task.link);
      }
      continue;
    }
    if (worker.next < worker.steps.length) continue;
    worker.task = null;
    if (task.variation === 0) {
      for (let variation = 1; variation <= variations; variation++) {
        queue.push({ link: task.link, variation, attempt: 0, readyAt: worker.at });
      }
    }
  }
  const rowsFailed = linkFailed.size;
  return {
    wallSeconds: end / 1000,
    rowsCompleted: posts.length - rowsFailed,
    rowsFailed,
    rowsFailedBy429: linkFailedBy429.size,
    geminiCalls,
    rateLimited,
    retries,
  };
}
