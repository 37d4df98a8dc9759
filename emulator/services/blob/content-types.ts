/**
 * File extensions and content types, for Blob.getAs's renaming and setContentTypeFromExtension.
 * A JPEG gets ".jpg" (not ".jpeg"), the extension Google's services give the type.
 */

const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/csv': 'csv',
  'text/css': 'css',
  'text/markdown': 'md',
  'application/json': 'json',
  'application/javascript': 'js',
  'application/zip': 'zip',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
};

const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(EXTENSION_BY_TYPE).map(([type, ext]) => [ext, type])),
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  htm: 'text/html',
  text: 'text/plain',
  mov: 'video/quicktime',
};

/** The extension Apps Script gives a file of this content type, if it has one. */
export function extensionForType(contentType: string): string | undefined {
  return EXTENSION_BY_TYPE[contentType.toLowerCase()];
}

/** The content type a file name's extension implies, if it is a known one. */
export function typeForName(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot === name.length - 1) return undefined;
  return TYPE_BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

/**
 * The name a converted blob gets. Per the Blob.getAs documentation, whatever follows the last period is
 * taken to be an extension and replaced ("ShoppingList.12.25.2014" becomes "ShoppingList.12.25.pdf");
 * a name without a period gets the extension appended. A nameless blob stays nameless.
 */
export function renameForType(name: string | null, contentType: string): string | null {
  if (name === null) return null;
  const ext = extensionForType(contentType);
  if (!ext) return name;
  const dot = name.lastIndexOf('.');
  return `${dot < 0 ? name : name.slice(0, dot)}.${ext}`;
}
