export { Blob, blobBytes, blobFromBytes, blobBridge } from './blob';
export { newBlob, blobFromSource } from './blob-source';
export { toSignedBytes, fromByteArray } from './bytes';
export { encodeText, decodeText } from './charset';
export { JPEG_QUALITY, imageSize, sniffImageType } from './image-convert';
export { renameForType, extensionForType, typeForName } from './content-types';
