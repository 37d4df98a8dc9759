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
  /** Links worked on at the same time (the PRD's guard: 5). */
  rowsInProgress: z.number().int().min(1).max(20).default(5),
  /** Your Gemini project's limits (see AI Studio › Usage): the batch never sends faster. */
  textRequestsPerMinute: z.number().int().min(1).max(30_000).default(150),
  imageRequestsPerMinute: z.number().int().min(1).max(30_000).default(60),
  photoVariations: z.number().int().min(1).max(10).default(3),
  textVariations: z.number().int().min(1).max(10).default(2),
  maxLinksPerBatch: z.number().int().min(1).max(100).default(100),
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

/** The first problem zod found, worded for a person. */
export function describeSettingsError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'These settings are not valid.';
  const field = issue.path.join('.') || 'settings';
  return `${field}: ${issue.message}`;
}
