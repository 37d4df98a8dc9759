/** Making blobs from script arguments: Utilities.newBlob's data, and any BlobSource a service accepts. */
import { signatureError } from './args';
import { Blob } from './blob';
import { fromByteArray } from './bytes';
import { encodeText } from './charset';

/**
 * Utilities.newBlob(data, contentType?, name?). String data is stored as UTF-8 and, given no content
 * type, is typed text/plain (as Apps Script reports it); byte data given no type has none (null).
 */
export function newBlob(data: unknown, contentType?: unknown, name?: unknown): Blob {
  const args = [data, contentType, name];
  const optionalString = (v: unknown): string | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw signatureError('Utilities.newBlob', args);
    return v;
  };
  const type = optionalString(contentType);
  const blobName = optionalString(name);
  if (typeof data === 'string') {
    return new Blob(encodeText(data), contentType === undefined ? 'text/plain' : type, blobName);
  }
  return new Blob(fromByteArray(data, 'Utilities.newBlob', args), type, blobName);
}

/**
 * The Blob behind a BlobSource argument (a Blob, a File, an HTTPResponse, ...). A blob of this emulator
 * is used as is; any other object with getBlob() is read through its public methods.
 */
export function blobFromSource(source: unknown, method: string, args: readonly unknown[]): Blob {
  if (source instanceof Blob) return source;
  if (typeof source !== 'object' || source === null) throw signatureError(method, args);
  const getBlob = (source as { getBlob?: unknown }).getBlob;
  if (typeof getBlob !== 'function') throw signatureError(method, args);
  const blob: unknown = getBlob.call(source);
  if (blob instanceof Blob) return blob;
  const like = blob as { getBytes?: unknown; getContentType?: unknown; getName?: unknown } | null;
  if (
    typeof like?.getBytes !== 'function' ||
    typeof like.getContentType !== 'function' ||
    typeof like.getName !== 'function'
  ) {
    throw signatureError(method, args);
  }
  const type: unknown = like.getContentType.call(blob);
  const name: unknown = like.getName.call(blob);
  return new Blob(
    fromByteArray(like.getBytes.call(blob), method, args),
    typeof type === 'string' ? type : null,
    typeof name === 'string' ? name : null,
  );
}
