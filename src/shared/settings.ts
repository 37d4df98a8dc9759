/**
 * Per-user settings, one schema for the server (which stores them in UserProperties) and the sidebar
 * (which edits them). The Gemini key is not among them: it is stored apart and never sent back whole.
 */
import { z } from 'zod';

export const DEFAULT_TEXT_MODEL = 'gemini-2.5-flash';
export const DEFAULT_IMAGE_MODEL = 'gemini-2.5-flash-image';

export const SettingsSchema = z.object({
  textModel: z.string().trim().min(1).default(DEFAULT_TEXT_MODEL),
  imageModel: z.string().trim().min(1).default(DEFAULT_IMAGE_MODEL),
  outputFormat: z.enum(['jpeg', 'png']).default('jpeg'),
  /** Drive folder for new batch folders; null puts them in My Drive. */
  parentFolderId: z.string().trim().min(1).nullable().default(null),
  /** That folder's name when it was checked, to show in Settings (null for My Drive). */
  parentFolderName: z.string().nullable().default(null),
  /** Links worked on at the same time (the PRD's guard: 5). */
  rowsInProgress: z.number().int().min(1).max(20).default(5),
  /** Your Gemini project's limits (see AI Studio › Usage): the batch never sends faster. */
  textRequestsPerMinute: z.number().int().min(1).max(30_000).default(150),
  imageRequestsPerMinute: z.number().int().min(1).max(30_000).default(60),
  photoVariations: z.number().int().min(1).max(10).default(3),
  textVariations: z.number().int().min(1).max(10).default(2),
  maxLinksPerBatch: z.number().int().min(1).max(100).default(100),
  /**
   * How images reach Gemini: 'files' uploads each slide and the product photo once (Files API) and
   * names them by URI in every request; 'inline' sends their bytes in every request. Not shown in the
   * sidebar: 'files' measured better (see the README's benchmark), and the benchmark compares both.
   */
  imageInputs: z.enum(['files', 'inline']).default('files'),
  /** US dollars, for the estimate shown before a batch starts. */
  prices: z
    .object({
      perImage: z.number().min(0).default(0.039),
      perTextCall: z.number().min(0).default(0.003),
    })
    .default({ perImage: 0.039, perTextCall: 0.003 }),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** What the sidebar may know about the key: whether there is one, and its last four characters. */
export interface ApiKeyView {
  saved: boolean;
  masked: string | null;
}

export function maskKey(key: string | null): ApiKeyView {
  if (!key) return { saved: false, masked: null };
  return { saved: true, masked: `••••${key.slice(-4)}` };
}

/** What Settings calls each field, and what it accepts, for messages Jenny can act on. */
const FIELD_RULES: Readonly<Record<string, string>> = {
  textModel: 'Text model: pick a model from the list.',
  imageModel: 'Image model: pick a model from the list.',
  outputFormat: 'Output format: choose JPEG or PNG.',
  parentFolderId: 'Parent folder: paste a Google Drive folder link, or leave it empty for My Drive.',
  rowsInProgress: 'Rows in progress at once: enter a whole number from 1 to 20.',
  textRequestsPerMinute: 'Text requests per minute: enter a whole number from 1 to 30000.',
  imageRequestsPerMinute: 'Image requests per minute: enter a whole number from 1 to 30000.',
  photoVariations: 'Photo variations: choose a whole number from 1 to 10.',
  textVariations: 'Text variations: choose a whole number from 1 to 10.',
  maxLinksPerBatch: 'Links per batch: enter a whole number from 1 to 100.',
  imageInputs: 'Image inputs: choose files or inline.',
  prices: 'Prices: enter amounts of 0 or more.',
};

/** The settings field a zod error is about (its first problem), or null. */
export function settingsErrorField(error: z.ZodError): string | null {
  const first = error.issues[0]?.path[0];
  return typeof first === 'string' ? first : null;
}

/** The first problem zod found, worded for a person: which field, and what it accepts. */
export function describeSettingsError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'These settings are not valid.';
  const field = settingsErrorField(error);
  return (field && FIELD_RULES[field]) ?? `${issue.path.join('.') || 'Settings'}: ${issue.message}`;
}

export { parseFolderRef, type FolderRef } from './folder-ref';
