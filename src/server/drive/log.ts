/** What may be logged about a Drive request: the token hidden, the body reduced to its size in bytes. */
import type { HttpRequestSpec } from '../http/spec';

export function describeDriveRequest(spec: HttpRequestSpec): {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyBytes: number;
} {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.headers)) {
    headers[name] = name.toLowerCase() === 'authorization' ? 'Bearer (hidden)' : value;
  }
  return { method: spec.method.toUpperCase(), url: spec.url, headers, bodyBytes: bodySize(spec) };
}

function bodySize(spec: HttpRequestSpec): number {
  if (spec.payloadBytes) return spec.payloadBytes.length;
  if (spec.payloadBase64 !== undefined) {
    const padding = spec.payloadBase64.endsWith('==') ? 2 : spec.payloadBase64.endsWith('=') ? 1 : 0;
    return (spec.payloadBase64.length / 4) * 3 - padding;
  }
  // Our JSON bodies are ASCII (asciiJson), so characters are bytes.
  return spec.payload?.length ?? 0;
}
