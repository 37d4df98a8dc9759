/** The Drive REST client: request builders and response readers. Nothing here sends a request. */
export * from './api';
export * from './errors';
export * from './existing';
export * from './failure';
export * from './log';
export * from './multipart';
export * from './names';
export * from './query';
export * from './read';
export * from './request';
export * from './schemas';
