/** What may be logged about a Drive request: the token hidden, the body reduced to its size in bytes. */
import { bodyBytes, type HttpRequestSpec } from '../http/spec';

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
  return { method: spec.method.toUpperCase(), url: spec.url, headers, bodyBytes: bodyBytes(spec) };
}
