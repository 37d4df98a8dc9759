/**
 * The generateContent request body as this project sends it (camelCase, which the REST API accepts).
 * These are shapes we write, not read, so plain types are enough; responses get zod schemas.
 */
import type { AspectRatio } from './images';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema object as Gemini's `responseJsonSchema` takes it (a subset of JSON Schema). */
export type JsonSchema = { [key: string]: JsonValue };

export type RequestPart =
  | { text: string }
  | { inlineData: { mimeType: string; data: string } }
  | { fileData: { mimeType: string; fileUri: string } };

export interface Content {
  role?: 'user' | 'model';
  parts: RequestPart[];
}

export interface GenerationConfig {
  responseModalities?: ('TEXT' | 'IMAGE')[];
  imageConfig?: { aspectRatio?: AspectRatio; imageSize?: '1K' | '2K' | '4K' };
  responseMimeType?: string;
  responseJsonSchema?: JsonSchema;
  temperature?: number;
  topP?: number;
  seed?: number;
  maxOutputTokens?: number;
  candidateCount?: number;
  thinkingConfig?: { thinkingBudget?: number; includeThoughts?: boolean };
}

export interface SafetySetting {
  category: string;
  threshold: string;
}

export interface GenerateContentRequest {
  contents: Content[];
  systemInstruction?: Content;
  generationConfig?: GenerationConfig;
  safetySettings?: SafetySetting[];
}

/** An image given to Gemini: inline bytes, or a Files API upload (reused across many requests). */
export type ImageInput = { mimeType: string; base64: string } | { mimeType: string; fileUri: string };

export function textPart(text: string): RequestPart {
  return { text };
}

export function imagePart(image: ImageInput): RequestPart {
  if ('fileUri' in image) return { fileData: { mimeType: image.mimeType, fileUri: image.fileUri } };
  return { inlineData: { mimeType: image.mimeType, data: image.base64 } };
}

/**
 * Asks for an image only. JPEG and compression options exist on Vertex AI only, so the format is
 * converted after the call, not requested here.
 */
export function imageGenerationConfig(
  aspectRatio: AspectRatio,
  imageSize?: '1K' | '2K' | '4K',
): GenerationConfig {
  return {
    responseModalities: ['IMAGE'],
    imageConfig: imageSize ? { aspectRatio, imageSize } : { aspectRatio },
  };
}
