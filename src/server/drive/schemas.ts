/**
 * Every shape Drive sends back, as zod schemas; the types are inferred from them. Only the fields this
 * project asks for are declared, all optional but `id`, because `fields=` decides what comes back.
 */
import { z } from 'zod';

export const DriveFileSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  mimeType: z.string().optional(),
  parents: z.array(z.string()).optional(),
  /** int64 travels as a string in JSON; absent for folders and Google Docs. */
  size: z.string().optional(),
  /** RFC 3339, e.g. "2026-11-22T14:05:00.000Z". */
  createdTime: z.string().optional(),
  webViewLink: z.string().optional(),
  trashed: z.boolean().optional(),
  appProperties: z.record(z.string(), z.string()).optional(),
});
export type DriveFile = z.infer<typeof DriveFileSchema>;

export const FileListSchema = z.object({
  files: z.array(DriveFileSchema).default([]),
  nextPageToken: z.string().optional(),
  /** True when Drive did not search everything (only with corpora spanning several drives). */
  incompleteSearch: z.boolean().optional(),
});
export type FileList = z.infer<typeof FileListSchema>;

export const ErrorItemSchema = z.object({
  domain: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  location: z.string().optional(),
  locationType: z.string().optional(),
});

/** Google's classic JSON error: `errors[].reason` says why (notFound, storageQuotaExceeded, ...). */
export const DriveErrorBodySchema = z.object({
  error: z.object({
    code: z.number(),
    message: z.string().default(''),
    status: z.string().optional(),
    errors: z.array(ErrorItemSchema).optional(),
  }),
});
export type DriveErrorBody = z.infer<typeof DriveErrorBodySchema>['error'];
