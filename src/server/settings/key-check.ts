/**
 * Checks a Gemini key the cheap way Google suggests (the models list), and says exactly why it failed.
 * The key travels only in the request header.
 */
import { listModels } from '../gemini/request';
import { safeDetail, type GeminiFailure } from '../gemini/failure';
import { readKeyCheck, type ModelChoice } from '../gemini/models';

export interface KeyCheck {
  ok: boolean;
  message: string;
  textModels: { id: string; name: string }[];
  imageModels: { id: string; name: string }[];
}

function refused(message: string): KeyCheck {
  return { ok: false, message, textModels: [], imageModels: [] };
}

/** Our sentence, then Gemini's own words (key-like text removed), so the reason is exact. */
function failureText(failure: GeminiFailure): string {
  const base =
    failure.kind === 'transient' || failure.kind === 'rate-limited'
      ? `Gemini could not check the key just now (HTTP ${failure.httpStatus}): press Validate again in a minute.`
      : failure.message;
  const said = safeDetail(failure.detail);
  return said && !base.includes(said) ? `${base} Gemini said: “${said}”` : base;
}

const asChoices = (models: ModelChoice[]) =>
  models.map((model) => ({ id: model.id, name: model.displayName }));

export function checkApiKey(key: string): KeyCheck {
  const trimmed = key.trim();
  if (!/^[\w-]{20,}$/.test(trimmed)) {
    return {
      ok: false,
      message:
        'That does not look like a Gemini API key: copy it again from Google AI Studio (it is one long word).',
      textModels: [],
      imageModels: [],
    };
  }
  const spec = listModels(trimmed);
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(spec.url, {
      method: spec.method,
      headers: spec.headers,
      muteHttpExceptions: true,
    });
  } catch (error) {
    return refused(
      `Could not reach Gemini to check the key (${safeDetail(String(error)) ?? 'no answer'}). Check your connection and press Validate again.`,
    );
  }
  const outcome = readKeyCheck(
    {
      status: response.getResponseCode(),
      body: response.getContentText(),
      headers: response.getAllHeaders() as Record<string, string>,
    },
    Date.now(),
  );
  if (outcome.kind !== 'ok') return refused(failureText(outcome));
  const imageModels = asChoices(outcome.imageModels);
  return {
    ok: true,
    message:
      imageModels.length > 0
        ? 'The key works.'
        : 'The key works, but it offers no image model: image generation needs billing turned on for its project.',
    textModels: asChoices(outcome.textModels),
    imageModels,
  };
}
