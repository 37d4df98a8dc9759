/**
 * The client-side `google.script.run` that HtmlService injects into the sidebar's frame.
 * Only what the typed wrapper in rpc.ts uses.
 */
interface GoogleScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: Error, userObject?: unknown) => void): GoogleScriptRunner;
  withUserObject(userObject: unknown): GoogleScriptRunner;
  [serverFunction: string]: (...args: unknown[]) => unknown;
}

interface GoogleScriptHost {
  close(): void;
  setHeight(height: number): void;
  setWidth(width: number): void;
  editor: { focus(): void };
}

declare const google: {
  script: {
    run: GoogleScriptRunner;
    host: GoogleScriptHost;
  };
};
