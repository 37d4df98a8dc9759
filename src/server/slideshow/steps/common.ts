/** What every step file shares: the step signature, and small builders for its results. */
import type {
  EngineRequest,
  EngineResponse,
  ItemRecord,
  Json,
  StepContext,
  StepResult,
} from '../../engine/types';

export interface Previous {
  carry?: Json;
  responses: EngineResponse[];
}

export type Step = (item: ItemRecord, context: StepContext, previous?: Previous) => StepResult;

export function send(requests: EngineRequest[], carry: object): StepResult {
  return { kind: 'send', requests, carry: carry as unknown as Json };
}

/** The carry a step sent with its requests; steps write and read their own carry shapes. */
export function carryOf<T>(previous: Previous): T {
  return previous.carry as unknown as T;
}

export function response(previous: Previous, index = 0): EngineResponse {
  const found = previous.responses[index];
  if (!found) throw new Error(`slideshow: response ${index} is missing`);
  return found;
}

/**
 * True on an item's first clean try. Any other try (a retry, a takeover after an execution died, a
 * re-plan) may follow a write that landed, so it looks before writing.
 */
export function isFirstTry(item: ItemRecord): boolean {
  return item.attempts === 0 && item.takeovers === 0 && !item.reruns;
}

export function isStepResult(value: unknown): value is StepResult {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
