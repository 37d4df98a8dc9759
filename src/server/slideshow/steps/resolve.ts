/**
 * `resolve`: a short link followed by hand, one redirect per step (UrlFetchApp hides where an automatic
 * redirect ended). The engine allows a few steps per wave, so after that many hops the rest continue in
 * `resolve:2`; MAX_SHORT_LINK_HOPS in all. Nothing is written, so a repeated try is harmless.
 */
import { MAX_STEPS_PER_WAVE } from '../../engine/limits';
import type { StepResult } from '../../engine/types';
import { MAX_SHORT_LINK_HOPS, nextRedirectStep } from '../../tiktok/redirect';
import { headerValue, shortLinkRequest } from '../../tiktok/http';
import { fromTikTok, asTikTok } from '../http';
import { fail, tiktokFailure } from '../failures';
import { ingestItem, RESOLVE, RESOLVE_MORE, resolveItem } from '../plan';
import { carryOf, response, send, type Step } from './common';

interface ResolveInput {
  url: string;
  hops: number;
}
interface ResolveCarry {
  url: string;
  hops: number;
  steps: number;
}

export const resolveStep: Step = (item, _context, previous): StepResult => {
  const input = item.input as unknown as ResolveInput;
  if (!previous) {
    return send([fromTikTok(shortLinkRequest(input.url))], { url: input.url, hops: input.hops, steps: 1 });
  }
  const carry = carryOf<ResolveCarry>(previous);
  const answer = asTikTok(response(previous));
  const step = nextRedirectStep(
    { status: answer.status, location: headerValue(answer, 'location') },
    carry.url,
  );
  if (step.kind === 'dead-end') return fail(tiktokFailure(step.failure, []));
  if (step.kind === 'resolved') {
    return {
      kind: 'done',
      result: { postId: step.postId, username: step.username, url: step.url },
      newItems: [
        ingestItem(
          { route: 'page', postId: step.postId, username: step.username, target: step.postId, tried: [] },
          [item.id],
        ),
      ],
    };
  }
  const hops = carry.hops + 1;
  if (hops >= MAX_SHORT_LINK_HOPS) {
    return fail({
      kind: 'fatal',
      message: `This short link kept redirecting (${MAX_SHORT_LINK_HOPS} times) without reaching a post. Open it in a browser and paste the address it ends on.`,
    });
  }
  if (carry.steps < MAX_STEPS_PER_WAVE) {
    return send([fromTikTok(shortLinkRequest(step.url))], { url: step.url, hops, steps: carry.steps + 1 });
  }
  if (item.id !== RESOLVE)
    return fail({ kind: 'fatal', message: 'This short link redirects too many times.' });
  // Out of steps for this wave: the next hops go on in an item of their own.
  return {
    kind: 'done',
    result: { next: step.url, hops },
    newItems: [resolveItem(step.url, hops, RESOLVE_MORE)],
  };
};
