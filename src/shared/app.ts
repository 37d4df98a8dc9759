/** Facts about the add-on that the server, the sidebar and the build all show. */
export const APP_NAME = 'Slideshow Remix';
export const APP_VERSION = '0.1.0';
/** The sheet the add-on works in; code finds it by this name. */
export const BATCH_SHEET_NAME = 'Batch';
