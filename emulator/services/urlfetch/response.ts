import { type BlobBridge, toSignedBytes } from '../../core/blobs';

/** UrlFetchApp's HTTPResponse. */
export class HTTPResponse {
  static readonly gasName = 'HTTPResponse';

  constructor(
    private readonly status: number,
    private readonly headers: Readonly<Record<string, string | string[]>>,
    private readonly body: Uint8Array,
    private readonly blobs: BlobBridge,
    private readonly url: string,
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  /** One value per header (the last, when a header is repeated). */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.headers)) {
      out[name] = Array.isArray(value) ? (value[value.length - 1] ?? '') : value;
    }
    return out;
  }

  /** Repeated headers as arrays. */
  getAllHeaders(): Record<string, string | string[]> {
    return { ...this.headers };
  }

  getContent(): number[] {
    return toSignedBytes(this.body);
  }

  getContentText(charset?: string): string {
    const label = (charset ?? charsetOf(this.contentType()) ?? 'utf-8').toLowerCase();
    return new TextDecoder(label === 'utf8' ? 'utf-8' : label).decode(this.body);
  }

  getBlob(): object {
    const name =
      this.url
        .replace(/[?#].*$/, '')
        .split('/')
        .pop() || null;
    return this.blobs.create(this.body, this.contentType(), name);
  }

  getAs(contentType: string): object {
    const blob = this.getBlob() as { getAs(type: string): object };
    return blob.getAs(contentType);
  }

  /** Node-side access for emulator code and tests; not an Apps Script method. */
  _rawBody(): Uint8Array {
    return this.body;
  }

  private contentType(): string | null {
    const entry = Object.entries(this.headers).find(([name]) => name.toLowerCase() === 'content-type');
    if (!entry) return null;
    const value = Array.isArray(entry[1]) ? entry[1][0] : entry[1];
    return value ?? null;
  }
}

function charsetOf(contentType: string | null): string | null {
  return /charset=([^;]+)/i.exec(contentType ?? '')?.[1]?.trim() ?? null;
}
