/**
 * Every shape Gemini sends back, as zod schemas; the types are inferred from them. Enumerations such as
 * finishReason stay plain strings: Google adds values, and an unknown value must not make a good
 * response unreadable.
 */
import { z } from 'zod';

export const ResponsePartSchema = z.object({
  text: z.string().optional(),
  inlineData: z.object({ mimeType: z.string(), data: z.string() }).optional(),
  fileData: z.object({ mimeType: z.string().optional(), fileUri: z.string() }).optional(),
  /** Set on the model's thinking (text or draft images), which is never the answer. */
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
});

export const CandidateSchema = z.object({
  content: z
    .object({
      role: z.string().optional(),
      parts: z.array(ResponsePartSchema).optional(),
    })
    .optional(),
  finishReason: z.string().optional(),
  finishMessage: z.string().optional(),
  index: z.number().optional(),
});

export const UsageMetadataSchema = z.object({
  promptTokenCount: z.number().optional(),
  candidatesTokenCount: z.number().optional(),
  thoughtsTokenCount: z.number().optional(),
  totalTokenCount: z.number().optional(),
});

export const GenerateContentResponseSchema = z.object({
  candidates: z.array(CandidateSchema).optional(),
  promptFeedback: z
    .object({
      blockReason: z.string().optional(),
      blockReasonMessage: z.string().optional(),
    })
    .optional(),
  usageMetadata: UsageMetadataSchema.optional(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
});

export type ResponsePart = z.infer<typeof ResponsePartSchema>;
export type GenerateContentResponse = z.infer<typeof GenerateContentResponseSchema>;

/** Details are read one by one (see the schemas below), so one odd entry cannot hide the others. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.number(),
    message: z.string().default(''),
    status: z.string().optional(),
    details: z.array(z.unknown()).optional(),
  }),
});
export type GeminiErrorBody = z.infer<typeof ErrorBodySchema>['error'];

export const ErrorInfoSchema = z.object({
  '@type': z.string().endsWith('google.rpc.ErrorInfo'),
  reason: z.string().optional(),
  domain: z.string().optional(),
});

export const RetryInfoSchema = z.object({
  '@type': z.string().endsWith('google.rpc.RetryInfo'),
  /** A protobuf Duration in JSON: "47s", "0.5s", "20.044661790s". */
  retryDelay: z.string().optional(),
});

export const QuotaViolationSchema = z.object({
  quotaMetric: z.string().optional(),
  quotaId: z.string().optional(),
  quotaDimensions: z.record(z.string(), z.string()).optional(),
  quotaValue: z.string().optional(),
});
export type QuotaViolation = z.infer<typeof QuotaViolationSchema>;

export const QuotaFailureSchema = z.object({
  '@type': z.string().endsWith('google.rpc.QuotaFailure'),
  violations: z.array(QuotaViolationSchema).optional(),
});

export const ModelSchema = z.object({
  name: z.string(),
  baseModelId: z.string().optional(),
  version: z.string().optional(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  inputTokenLimit: z.number().optional(),
  outputTokenLimit: z.number().optional(),
  supportedGenerationMethods: z.array(z.string()).optional(),
  thinking: z.boolean().optional(),
});

export const ModelListSchema = z.object({
  models: z.array(ModelSchema).optional(),
  nextPageToken: z.string().optional(),
});
export type GeminiModel = z.infer<typeof ModelSchema>;

export const GeminiFileSchema = z.object({
  name: z.string(),
  uri: z.string(),
  displayName: z.string().optional(),
  mimeType: z.string().optional(),
  /** int64 travels as a string in JSON. */
  sizeBytes: z.string().optional(),
  createTime: z.string().optional(),
  updateTime: z.string().optional(),
  expirationTime: z.string().optional(),
  sha256Hash: z.string().optional(),
  /** STATE_UNSPECIFIED, PROCESSING, ACTIVE or FAILED; only ACTIVE files can be used in a request. */
  state: z.string().optional(),
});
export type GeminiFile = z.infer<typeof GeminiFileSchema>;

/** The upload's finalize step wraps the file; `GET files/{id}` returns it bare. */
export const UploadResponseSchema = z.object({ file: GeminiFileSchema });
