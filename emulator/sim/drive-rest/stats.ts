/** What the simulated Drive REST API saw and sent, for tests and the benchmark's report. */

export type DriveRequestKind =
  'createFolder' | 'createFile' | 'upload' | 'list' | 'get' | 'media' | 'patch' | 'other';

export interface DriveRestSimStats {
  requests: Record<DriveRequestKind, number>;
  /** Responses per HTTP status. */
  byStatus: Record<string, number>;
  /** Request bodies received, response bodies sent. */
  bytesUp: number;
  bytesDown: number;
  /** Requests refused for a missing or unknown token. */
  unauthorized: number;
  /** Writes refused because drive.file does not cover the item (appNotAuthorizedToFile). */
  refusedByDriveFileScope: number;
  faults: { serverError: number; rateLimited: number; lostResponse: number };
}

export function emptyStats(): DriveRestSimStats {
  return {
    requests: { createFolder: 0, createFile: 0, upload: 0, list: 0, get: 0, media: 0, patch: 0, other: 0 },
    byStatus: {},
    bytesUp: 0,
    bytesDown: 0,
    unauthorized: 0,
    refusedByDriveFileScope: 0,
    faults: { serverError: 0, rateLimited: 0, lostResponse: 0 },
  };
}
