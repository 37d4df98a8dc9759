/**
 * Reading a `multipart/related` upload body byte by byte: the boundary is found with Buffer.indexOf on
 * the raw bytes, never by decoding the body as text, so an image's bytes come out exactly as sent.
 */

export interface MultipartPart {
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** A copy: the store may keep it. */
  body: Uint8Array;
}

export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^\s*multipart\/related\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/** The parts of the body, or null when it is not a well-formed multipart body for `boundary`. */
export function parseMultipart(body: Uint8Array, boundary: string): MultipartPart[] | null {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const opening = Buffer.from(`--${boundary}`, 'latin1');
  const separator = Buffer.from(`\r\n--${boundary}`, 'latin1');
  let at = buffer.indexOf(opening);
  // The opening delimiter starts the body or a line (anything before it is a preamble to ignore).
  if (at < 0 || (at > 0 && buffer.indexOf(separator) !== at - 2)) return null;
  at += opening.length;
  const parts: MultipartPart[] = [];
  for (;;) {
    if (buffer[at] === 0x2d && buffer[at + 1] === 0x2d) return parts.length > 0 ? parts : null;
    const lineEnd = buffer.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0 || buffer.subarray(at, lineEnd).toString('latin1').trim() !== '') return null;
    const start = lineEnd + 2;
    const end = buffer.indexOf(separator, start);
    if (end < 0) return null;
    const part = readPart(buffer.subarray(start, end));
    if (!part) return null;
    parts.push(part);
    at = end + separator.length;
  }
}

function readPart(raw: Buffer): MultipartPart | null {
  const headerEnd = raw.indexOf('\r\n\r\n', 0, 'latin1');
  const noHeaders = raw[0] === 0x0d && raw[1] === 0x0a;
  if (!noHeaders && headerEnd < 0) return null;
  const headers: Record<string, string> = {};
  const headerText = noHeaders ? '' : raw.subarray(0, headerEnd).toString('latin1');
  for (const line of headerText.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let content: Uint8Array = raw.subarray(noHeaders ? 2 : headerEnd + 4);
  // Some clients send the media base64-encoded and say so; Drive decodes it.
  if (headers['content-transfer-encoding']?.toLowerCase() === 'base64') {
    content = Buffer.from(Buffer.from(content).toString('latin1'), 'base64');
  }
  return { headers, body: new Uint8Array(content) };
}
