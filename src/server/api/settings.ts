/**
 * The sidebar's Settings screen: read (key masked), save (validated; a new key is checked against the
 * models list first and stored only if it works; a new parent folder is checked with Drive first), and
 * check a key without saving it.
 */
import type {
  CreateFolderResult,
  KeyCheckView,
  SaveSettingsInput,
  SaveSettingsResult,
  SettingsView,
} from '../../shared/rpc';
import { describeSettingsError, maskKey, settingsErrorField, SettingsSchema } from '../../shared/settings';
import { checkApiKey } from '../settings/key-check';
import { readApiKey, readSettings, writeApiKey, writeSettings } from '../settings/store';
import { checkParentFolder, createParentFolder } from './parent-folder';

export function settingsView(): SettingsView {
  return { settings: readSettings(), apiKey: maskKey(readApiKey()) };
}

/** Checks the key given, or the saved one: the models list tells which models the key may use. */
export function validateKey(key?: string): KeyCheckView {
  const candidate = (typeof key === 'string' ? key.trim() : '') || readApiKey();
  if (!candidate) {
    return {
      ok: false,
      message: 'No Gemini API key yet: paste one from Google AI Studio (aistudio.google.com/apikey).',
      textModels: [],
      imageModels: [],
    };
  }
  return checkApiKey(candidate);
}

export function saveSettings(input: SaveSettingsInput): SaveSettingsResult {
  const current = readSettings();
  // The folder's id and name are set only from a checked folder, never from the sidebar directly.
  const { parentFolderId: _id, parentFolderName: _name, ...edits } = input.settings ?? {};
  const merged = { ...current, ...edits };
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const field = settingsErrorField(parsed.error);
    return {
      ok: false,
      message: describeSettingsError(parsed.error),
      keyCheck: null,
      ...(field ? { field } : {}),
    };
  }
  const settings = parsed.data;
  if (typeof input.parentFolder === 'string') {
    const folder = checkParentFolder(input.parentFolder);
    if (!folder.ok) return { ok: false, message: folder.message, keyCheck: null, field: 'parentFolder' };
    settings.parentFolderId = folder.folderId;
    settings.parentFolderName = folder.name;
  }
  let keyCheck: KeyCheckView | null = null;
  const newKey = typeof input.apiKey === 'string' ? input.apiKey.trim() : '';
  if (newKey) {
    keyCheck = checkApiKey(newKey);
    if (!keyCheck.ok) {
      return {
        ok: false,
        message: `Nothing was saved: ${keyCheck.message}`,
        keyCheck,
        field: 'apiKey',
      };
    }
    writeApiKey(newKey);
  }
  writeSettings(settings);
  return { ok: true, view: settingsView(), keyCheck };
}

/** Makes a folder in My Drive (one the add-on may always write into) and keeps it as the parent folder. */
export function makeParentFolder(name?: string): CreateFolderResult {
  const folder = createParentFolder(typeof name === 'string' && name.trim() ? name.trim() : undefined);
  if (!folder.ok) return folder;
  writeSettings({ ...readSettings(), parentFolderId: folder.folderId, parentFolderName: folder.name });
  return { ok: true, view: settingsView() };
}
