/** The Gemini REST client: request builders and response readers. Nothing here sends a request. */
export * from './content';
export * from './errors';
export * from './failure';
export * from './files';
export * from './generate';
export * from './http';
export * from './images';
export * from './json-output';
export * from './models';
export * from './pacific-time';
export * from './quota';
export * from './request';
export * from './schemas';
