/**
 * Settings and the Gemini key in the user's own UserProperties: per user, per script, invisible to the
 * spreadsheet's other editors. The key is returned whole only to the code that puts it in a request
 * header; everything that reaches the sidebar sees it masked.
 */
import { SettingsSchema, type Settings } from '../../shared/settings';

const SETTINGS_KEY = 'slideshowRemix.settings';
export const API_KEY_PROPERTY = 'slideshowRemix.geminiApiKey';

export function readSettings(): Settings {
  const text = PropertiesService.getUserProperties().getProperty(SETTINGS_KEY);
  if (!text) return SettingsSchema.parse({});
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(text));
    // Settings saved by an older version that no longer fit fall back to the defaults, field by field.
    return parsed.success ? parsed.data : SettingsSchema.parse({});
  } catch {
    return SettingsSchema.parse({});
  }
}

export function writeSettings(settings: Settings): void {
  PropertiesService.getUserProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

export function readApiKey(): string | null {
  return PropertiesService.getUserProperties().getProperty(API_KEY_PROPERTY);
}

export function writeApiKey(key: string): void {
  PropertiesService.getUserProperties().setProperty(API_KEY_PROPERTY, key);
}

export function deleteApiKey(): void {
  PropertiesService.getUserProperties().deleteProperty(API_KEY_PROPERTY);
}
