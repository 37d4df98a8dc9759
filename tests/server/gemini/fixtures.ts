/**
 * Gemini responses as they arrive on the wire, written for these tests after the shapes in Google's API
 * reference and in error reports. Each is an HttpResult, as the batch engine hands them over.
 */
import type { HttpResult } from '../../../src/server/gemini/http';

/** Shaped like a real key (AIza + 35 characters) so that anything key-like is recognised. */
export const TEST_KEY = 'AIzaSyD3-fakeKeyForTests_0123456789abcd';

/** 2026-11-22 12:00 in Los Angeles (PST, UTC-8). */
export const NOON_PACIFIC = Date.UTC(2026, 10, 22, 20, 0, 0);

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=UTF-8' };

export function json(status: number, value: unknown, headers: Record<string, string> = {}): HttpResult {
  return { status, body: JSON.stringify(value, null, 2), headers: { ...JSON_HEADERS, ...headers } };
}

function googleError(code: number, status: string, message: string, details?: unknown[]): HttpResult {
  return json(code, { error: { code, message, status, ...(details ? { details } : {}) } });
}

const HELP = {
  '@type': 'type.googleapis.com/google.rpc.Help',
  links: [
    {
      description: 'Learn more about Gemini API quotas',
      url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
    },
  ],
};

export const apiKeyInvalid = googleError(
  400,
  'INVALID_ARGUMENT',
  'API key not valid. Please pass a valid API key.',
  [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    {
      '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
      locale: 'en-US',
      message: 'API key not valid. Please pass a valid API key.',
    },
  ],
);

export const keyServiceBlocked = googleError(
  403,
  'PERMISSION_DENIED',
  'Requests to this API generativelanguage.googleapis.com method google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent are blocked.',
  [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_SERVICE_BLOCKED',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com', consumer: 'projects/123456789' },
    },
  ],
);

export const permissionDenied = googleError(403, 'PERMISSION_DENIED', 'The caller does not have permission');

export const keyMissing = googleError(
  403,
  'PERMISSION_DENIED',
  "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
);

export const keyLeaked = googleError(
  403,
  'PERMISSION_DENIED',
  'Your API key was reported as leaked. Please use another API key.',
);

export const regionUnsupported = googleError(
  400,
  'FAILED_PRECONDITION',
  'User location is not supported for the API use.',
);

export const billingPrecondition = googleError(
  400,
  'FAILED_PRECONDITION',
  'Gemini API free tier is not available in your country. Please enable billing on your project in Google AI Studio.',
);

export const modelNotFound = googleError(
  404,
  'NOT_FOUND',
  'models/gemini-9-ultra is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.',
);

export const fileMissing = googleError(
  403,
  'PERMISSION_DENIED',
  'You do not have permission to access the File 8kq2x0v1abcd or it may not exist.',
);

export const payloadTooLarge = googleError(
  400,
  'INVALID_ARGUMENT',
  'Request payload size exceeds the limit: 20971520 bytes.',
);

export const unreadableImage = googleError(
  400,
  'INVALID_ARGUMENT',
  'Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
);

export const perMinute = googleError(
  429,
  'RESOURCE_EXHAUSTED',
  'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. \n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_paid_tier_requests, limit: 10, model: gemini-2.5-flash-image\nPlease retry in 47.123456s.',
  [
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [
        {
          quotaMetric: 'generativelanguage.googleapis.com/generate_content_paid_tier_requests',
          quotaId: 'GenerateRequestsPerMinutePerProjectPerModel',
          quotaDimensions: { location: 'global', model: 'gemini-2.5-flash-image' },
          quotaValue: '10',
        },
      ],
    },
    HELP,
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '47s' },
  ],
);

export const perMinuteHalfSecond = googleError(
  429,
  'RESOURCE_EXHAUSTED',
  'Resource has been exhausted (e.g. check quota).',
  [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.5s' }],
);

export const perMinuteDelayInMessageOnly = googleError(
  429,
  'RESOURCE_EXHAUSTED',
  'You exceeded your current quota. Please retry in 20.04466179s.',
);

export const perMinuteRetryAfterHeader: HttpResult = {
  status: 429,
  body: 'Too Many Requests',
  headers: { 'Content-Type': 'text/plain', 'retry-after': '12' },
};

export const perMinuteNothing = googleError(
  429,
  'RESOURCE_EXHAUSTED',
  'Resource has been exhausted (e.g. check quota).',
);

export const perDay = googleError(
  429,
  'RESOURCE_EXHAUSTED',
  'You exceeded your current quota, please check your plan and billing details.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_paid_tier_requests, limit: 2000, model: gemini-2.5-flash-image\nPlease retry in 23.5s.',
  [
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [
        {
          quotaMetric: 'generativelanguage.googleapis.com/generate_content_paid_tier_requests',
          quotaId: 'GenerateRequestsPerDayPerProjectPerModel',
          quotaDimensions: { location: 'global', model: 'gemini-2.5-flash-image' },
          quotaValue: '2000',
        },
      ],
    },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '23s' },
  ],
);

export const freeTierImageLimitZero = googleError(
  429,
  'RESOURCE_EXHAUSTED',
  'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. \n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: gemini-2.5-flash-image\nPlease retry in 31.2s.',
  [
    HELP,
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [
        {
          quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
          quotaDimensions: { location: 'global', model: 'gemini-2.5-flash-image' },
        },
        {
          quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
          quotaDimensions: { location: 'global', model: 'gemini-2.5-flash-image' },
        },
      ],
    },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '31s' },
  ],
);

/** An older wording: no "limit: 0" and no quotaValue, only free-tier quotas on an image model. */
export const freeTierImageNoValue = googleError(
  429,
  'RESOURCE_EXHAUSTED',
  'You exceeded your current quota, please check your plan and billing details.',
  [
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [
        {
          quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
          quotaDimensions: { location: 'global', model: 'gemini-2.5-flash-preview-image' },
        },
      ],
    },
  ],
);

export const internal = googleError(
  500,
  'INTERNAL',
  'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
);
export const overloaded = googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
export const deadline = googleError(
  504,
  'DEADLINE_EXCEEDED',
  'Deadline expired before operation could complete.',
);

export const htmlBadGateway: HttpResult = {
  status: 502,
  headers: { 'Content-Type': 'text/html; charset=UTF-8' },
  body: '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 502 (Server Error)!!1</title>\n  <p><b>502.</b> <ins>That’s an error.</ins>\n  <p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>\n',
};

export const htmlNotFound: HttpResult = {
  status: 404,
  headers: { 'Content-Type': 'text/html; charset=UTF-8' },
  body: '<!DOCTYPE html>\n<html lang=en>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>/v1beta/modelz</code> was not found on this server.  <ins>That’s all we know.</ins>\n',
};

export const htmlOn200: HttpResult = {
  status: 200,
  headers: { 'Content-Type': 'text/html' },
  body: '<html><body>Sign in to continue</body></html>',
};

/** A 1×1 PNG, base64. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
export const DRAFT_PNG = 'iVBORw0KGgoDRAFTDRAFTDRAFT';

export function imageAnswer(parts: unknown[], finishReason = 'STOP'): HttpResult {
  return json(200, {
    candidates: [{ content: { role: 'model', parts }, finishReason, index: 0 }],
    usageMetadata: { promptTokenCount: 1548, candidatesTokenCount: 1290, totalTokenCount: 2838 },
    modelVersion: 'gemini-2.5-flash-image',
    responseId: 'aBcDeFgHiJkLmN',
  });
}

export const imageOk = imageAnswer([{ inlineData: { mimeType: 'image/png', data: TINY_PNG } }]);

/** A thinking image model: thought text and a draft image first, then the answer. */
export const imageWithThoughts = imageAnswer([
  { text: '**Composing the slide**\nPlacing the serum bottle on the left.', thought: true },
  { inlineData: { mimeType: 'image/png', data: DRAFT_PNG }, thought: true },
  { text: 'Here is the remade slide.' },
  { inlineData: { mimeType: 'image/png', data: TINY_PNG }, thoughtSignature: 'c2lnbmF0dXJl' },
]);

/** Only a thought image: nothing is the answer. */
export const onlyThoughtImage = imageAnswer([
  { inlineData: { mimeType: 'image/png', data: DRAFT_PNG }, thought: true },
]);

export const textInsteadOfImage = imageAnswer([
  { text: "I can't edit this image as requested, but here is a description of how it could look." },
]);

export const finishNoImage = json(200, {
  candidates: [{ finishReason: 'NO_IMAGE', index: 0 }],
  usageMetadata: { promptTokenCount: 1548, totalTokenCount: 1548 },
});

export const promptBlocked = json(200, {
  promptFeedback: {
    blockReason: 'PROHIBITED_CONTENT',
    safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' }],
  },
  usageMetadata: { promptTokenCount: 1548, totalTokenCount: 1548 },
  modelVersion: 'gemini-2.5-flash-image',
});

export function finishedWith(finishReason: string): HttpResult {
  return json(200, {
    candidates: [{ content: { role: 'model' }, finishReason, index: 0 }],
    usageMetadata: { promptTokenCount: 1548, totalTokenCount: 1548 },
    modelVersion: 'gemini-2.5-flash-image',
  });
}

export function textAnswer(texts: string[], finishReason = 'STOP', thoughts: string[] = []): HttpResult {
  return json(200, {
    candidates: [
      {
        content: {
          role: 'model',
          parts: [...thoughts.map((text) => ({ text, thought: true })), ...texts.map((text) => ({ text }))],
        },
        finishReason,
        index: 0,
      },
    ],
    usageMetadata: { promptTokenCount: 4200, candidatesTokenCount: 310, totalTokenCount: 4510 },
    modelVersion: 'gemini-2.5-flash',
  });
}

export const modelsPage = json(200, {
  models: [
    {
      name: 'models/gemini-2.5-flash',
      version: '001',
      displayName: 'Gemini 2.5 Flash',
      inputTokenLimit: 1048576,
      outputTokenLimit: 65536,
      supportedGenerationMethods: [
        'generateContent',
        'countTokens',
        'createCachedContent',
        'batchGenerateContent',
      ],
      thinking: true,
    },
    {
      name: 'models/gemini-2.5-flash-image',
      version: '2.0',
      displayName: 'Nano Banana',
      inputTokenLimit: 32768,
      outputTokenLimit: 32768,
      supportedGenerationMethods: ['generateContent', 'countTokens', 'batchGenerateContent'],
    },
    {
      name: 'models/gemini-3-pro-image-preview',
      displayName: 'Nano Banana Pro',
      supportedGenerationMethods: ['generateContent', 'countTokens', 'batchGenerateContent'],
    },
    {
      name: 'models/gemini-2.5-flash-preview-tts',
      displayName: 'Gemini 2.5 Flash Preview TTS',
      supportedGenerationMethods: ['countTokens', 'generateContent'],
    },
    {
      name: 'models/gemma-3-27b-it',
      displayName: 'Gemma 3 27B',
      supportedGenerationMethods: ['generateContent', 'countTokens'],
    },
    {
      name: 'models/imagen-4.0-generate-001',
      displayName: 'Imagen 4',
      supportedGenerationMethods: ['predict'],
    },
    {
      name: 'models/gemini-embedding-001',
      displayName: 'Gemini Embedding 001',
      supportedGenerationMethods: ['embedContent'],
    },
  ],
  nextPageToken: 'Ch5tb2RlbHMvZ2VtaW5pLWVtYmVkZGluZy0wMDE=',
});

export const uploadedFile = {
  name: 'files/8kq2x0v1abcd',
  displayName: 'product.jpg',
  mimeType: 'image/jpeg',
  sizeBytes: '48213',
  createTime: '2026-11-22T20:00:01.123456Z',
  updateTime: '2026-11-22T20:00:01.123456Z',
  expirationTime: '2026-11-24T20:00:01.098765Z',
  sha256Hash: 'ZDk0YzU2ZTgxMGI1NGM3Y2E3ZDk5YjA4NDNhNTA3YmI=',
  uri: 'https://generativelanguage.googleapis.com/v1beta/files/8kq2x0v1abcd',
  state: 'ACTIVE',
  source: 'UPLOADED',
};
