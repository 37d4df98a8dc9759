/**
 * The quota side of a generateContent call, answered as Gemini does: a project without billing gets
 * limit-0 quotas on image models, then the per-day and per-minute limits apply.
 */
import type { SimResponse } from '../../core/http';
import type { SimKey, SimModel } from './options';
import type { SimState } from './state';
import * as wire from './wire';

export interface Caller {
  project: string;
  key: SimKey;
}

export function checkQuota(
  state: SimState,
  model: SimModel,
  caller: Caller,
  now: number,
): SimResponse | undefined {
  if (model.kind === 'image' && caller.key.noBilling) {
    // Image models have no free tier: the free-tier quotas exist with a limit of 0.
    state.stats.billing += 1;
    return wire.quotaExceeded(
      [
        {
          metric: 'generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
          model: model.id,
          limit: 0,
        },
        {
          metric: 'generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
          model: model.id,
          limit: 0,
        },
      ],
      30_000 + state.faultRng.int(0, 29_000),
    );
  }
  const perMinute = state.rpm[model.id];
  const perDay = state.rpd[model.id];
  const decision = state.quota.admit(caller.project, model.id, now, perMinute, perDay);
  if (decision.ok) return undefined;
  const tier = caller.key.noBilling ? 'free_tier' : 'paid_tier';
  const suffix = caller.key.noBilling ? '-FreeTier' : '';
  if (decision.scope === 'day') {
    state.stats.quotaDay += 1;
    return wire.quotaExceeded(
      [
        {
          metric: `generate_content_${tier}_requests`,
          quotaId: `GenerateRequestsPerDayPerProjectPerModel${suffix}`,
          model: model.id,
          limit: perDay ?? 0,
        },
      ],
      // Gemini's RetryInfo is short even for a daily quota; the QuotaFailure is what says "per day".
      20_000 + state.faultRng.int(0, 40_000),
    );
  }
  state.stats.rateLimited += 1;
  return wire.quotaExceeded(
    [
      {
        metric: `generate_content_${tier}_requests`,
        quotaId: `GenerateRequestsPerMinutePerProjectPerModel${suffix}`,
        model: model.id,
        limit: perMinute ?? 0,
      },
    ],
    decision.retryAfterMs,
  );
}
