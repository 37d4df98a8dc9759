/** What the simulated Gemini saw and sent, for tests and the benchmark's report. */

export interface GeminiSimStats {
  calls: {
    modelsList: number;
    /** generateContent without an image in the answer: analysis, copy. */
    text: number;
    image: number;
    uploadStart: number;
    upload: number;
    fileGet: number;
    fileDelete: number;
    other: number;
  };
  /** generateContent calls per model id. */
  byModel: Record<string, number>;
  /** Responses per HTTP status. */
  byStatus: Record<string, number>;
  /** 429s for the per-minute limit. */
  rateLimited: number;
  /** 429s for the per-day limit. */
  quotaDay: number;
  /** 429s with limit 0 (image model on a project without billing). */
  billing: number;
  serverErrors: number;
  blocks: number;
  noImage: number;
  badKey: number;
  /** Requests that carried the key in the URL (`?key=`) rather than the header: the client should send none. */
  keyInUrl: number;
  imagesRendered: number;
  bytesIn: number;
  bytesOut: number;
}

export function emptyStats(): GeminiSimStats {
  return {
    calls: {
      modelsList: 0,
      text: 0,
      image: 0,
      uploadStart: 0,
      upload: 0,
      fileGet: 0,
      fileDelete: 0,
      other: 0,
    },
    byModel: {},
    byStatus: {},
    rateLimited: 0,
    quotaDay: 0,
    billing: 0,
    serverErrors: 0,
    blocks: 0,
    noImage: 0,
    badKey: 0,
    keyInUrl: 0,
    imagesRendered: 0,
    bytesIn: 0,
    bytesOut: 0,
  };
}
