/**
 * The two secrets the job uses, read per step from the user running it and put only into request
 * headers: never into a URL, a carry, a result or a message.
 */
import type { StepContext, StepResult } from '../engine/types';
import { fail } from './failures';

export const MISSING_KEY =
  'No Gemini API key is saved. Add your key in Settings (from aistudio.google.com/apikey), then resume the batch.';

export function apiKey(context: StepContext): string | StepResult {
  return context.secret('apiKey') ?? fail({ kind: 'settings', message: MISSING_KEY });
}

export function oauthToken(context: StepContext): string | StepResult {
  return (
    context.secret('oauthToken') ??
    fail({ kind: 'retry', message: 'Google did not hand the add-on a sign-in for Drive; it will try again.' })
  );
}
