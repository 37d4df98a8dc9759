/**
 * The sidebar's Settings screen: read (key masked), save (validated; a new key is checked against the
 * models list first and stored only if it works), and check a key without saving it.
 */
import type { KeyCheckView, SaveSettingsResult, SettingsView } from '../../shared/rpc';
import { describeSettingsError, maskKey, SettingsSchema, type SettingsInput } from '../../shared/settings';
import { checkApiKey } from '../settings/key-check';
import { readApiKey, readSettings, writeApiKey, writeSettings } from '../settings/store';

export function settingsView(): SettingsView {
  return { settings: readSettings(), apiKey: maskKey(readApiKey()) };
}

/** Checks the key given, or the saved one: the models list tells which models the key may use. */
export function validateKey(key?: string): KeyCheckView {
  const candidate = key?.trim() || readApiKey();
  if (!candidate) {
    return {
      ok: false,
      message: 'No Gemini API key yet: paste one from Google AI Studio.',
      textModels: [],
      imageModels: [],
    };
  }
  return checkApiKey(candidate);
}

export function saveSettings(input: { settings?: SettingsInput; apiKey?: string }): SaveSettingsResult {
  const merged = { ...readSettings(), ...(input.settings ?? {}) };
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) return { ok: false, message: describeSettingsError(parsed.error), keyCheck: null };
  let keyCheck: KeyCheckView | null = null;
  const newKey = input.apiKey?.trim();
  if (newKey) {
    keyCheck = checkApiKey(newKey);
    if (!keyCheck.ok) return { ok: false, message: keyCheck.message, keyCheck };
    writeApiKey(newKey);
  }
  writeSettings(parsed.data);
  return { ok: true, view: settingsView(), keyCheck };
}
