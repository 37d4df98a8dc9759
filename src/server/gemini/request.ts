/**
 * Builders for every Gemini request the project makes. Each returns a plain description for the batch
 * engine to send; none of them touches the network. The key only ever goes into the `x-goog-api-key`
 * header.
 */
import type { GenerateContentRequest } from './content';
import { API_KEY_HEADER, API_ROOT, GEMINI_HOST, UPLOAD_ROOT, type HttpRequestSpec } from './http';

/** The most the models list returns per page, so one page is nearly always all of it. */
const MODELS_PAGE_SIZE = 1000;

function keyHeader(apiKey: string): Record<string, string> {
  return { [API_KEY_HEADER]: apiKey };
}

/** Accepts `gemini-2.5-flash` or `models/gemini-2.5-flash`, as settings and the models list spell them. */
export function modelId(model: string): string {
  return model.trim().replace(/^models\//, '');
}

/** Accepts a file's id, its name (`files/abc`) or its uri (`https://.../v1beta/files/abc`). */
export function fileId(nameOrUri: string): string {
  const trimmed = nameOrUri.trim();
  const index = trimmed.lastIndexOf('files/');
  return index >= 0 ? trimmed.slice(index + 'files/'.length) : trimmed;
}

export function listModels(apiKey: string, pageToken?: string): HttpRequestSpec {
  const page = pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : '';
  return {
    url: `${API_ROOT}/models?pageSize=${MODELS_PAGE_SIZE}${page}`,
    method: 'get',
    headers: keyHeader(apiKey),
  };
}

export function generateContent(
  apiKey: string,
  model: string,
  body: GenerateContentRequest,
): HttpRequestSpec {
  return {
    url: `${API_ROOT}/models/${encodeURIComponent(modelId(model))}:generateContent`,
    method: 'post',
    headers: keyHeader(apiKey),
    contentType: 'application/json',
    payload: JSON.stringify(body),
  };
}

/** Step 1 of the resumable upload: announces the file; the answer's `X-Goog-Upload-URL` takes the bytes. */
export function startUpload(
  apiKey: string,
  file: { displayName: string; mimeType: string; byteLength: number },
): HttpRequestSpec {
  return {
    url: `${UPLOAD_ROOT}/files`,
    method: 'post',
    headers: {
      ...keyHeader(apiKey),
      'X-Goog-Upload-Protocol': 'resumable',
      'X-Goog-Upload-Command': 'start',
      'X-Goog-Upload-Header-Content-Length': String(file.byteLength),
      'X-Goog-Upload-Header-Content-Type': file.mimeType,
    },
    contentType: 'application/json',
    payload: JSON.stringify({ file: { display_name: file.displayName } }),
  };
}

/**
 * Step 2: the bytes, in one request that also finalizes. The upload URL comes from a response header,
 * so the key is added only when that URL is Gemini's own host: a key must never travel elsewhere, and
 * the upload id in the URL is what authorizes this step anyway.
 */
export function uploadBytes(
  apiKey: string,
  uploadUrl: string,
  file: { mimeType: string; base64: string },
): HttpRequestSpec {
  const onGeminiHost = hostOf(uploadUrl) === GEMINI_HOST;
  return {
    url: uploadUrl,
    method: 'post',
    headers: {
      ...(onGeminiHost ? keyHeader(apiKey) : {}),
      'X-Goog-Upload-Command': 'upload, finalize',
      'X-Goog-Upload-Offset': '0',
    },
    contentType: file.mimeType,
    payloadBase64: file.base64,
  };
}

export function getFile(apiKey: string, nameOrUri: string): HttpRequestSpec {
  return {
    url: `${API_ROOT}/files/${encodeURIComponent(fileId(nameOrUri))}`,
    method: 'get',
    headers: keyHeader(apiKey),
  };
}

export function deleteFile(apiKey: string, nameOrUri: string): HttpRequestSpec {
  return {
    url: `${API_ROOT}/files/${encodeURIComponent(fileId(nameOrUri))}`,
    method: 'delete',
    headers: keyHeader(apiKey),
  };
}

/** Decoded size of a base64 string, for the upload's declared length (no decoder in Apps Script's pure code). */
export function base64ByteLength(base64: string): number {
  const clean = base64.replace(/[^A-Za-z0-9+/=_-]/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/** The host of an absolute URL, lower-cased; there is no URL class in Apps Script. */
export function hostOf(url: string): string | undefined {
  const match = /^https?:\/\/([^/?#:]+)/i.exec(url.trim());
  return match?.[1]?.toLowerCase();
}
