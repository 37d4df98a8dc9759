/**
 * The typed promise wrapper over google.script.run. It imports only *types* from the server, so no
 * server code reaches the browser, yet a renamed or retyped server function breaks the sidebar's build.
 */
import type * as ServerModule from '../server/index';

type ServerFunctions = typeof ServerModule;

/** Each server export, as the sidebar sees it: same arguments, a Promise of the same result. */
export type Server = {
  [Name in keyof ServerFunctions]: ServerFunctions[Name] extends (...args: infer Args) => infer Result
    ? (...args: Args) => Promise<Result>
    : never;
};

/** A server failure as the sidebar shows it: the message Apps Script passed to the failure handler. */
export class ServerCallError extends Error {
  constructor(
    readonly functionName: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServerCallError';
  }
}

function call(functionName: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value))
      .withFailureHandler((error) =>
        reject(new ServerCallError(functionName, error?.message ?? String(error))),
      );
    const target = runner[functionName];
    if (typeof target !== 'function') {
      reject(new ServerCallError(functionName, `The add-on has no function named ${functionName}.`));
      return;
    }
    target.apply(runner, args);
  });
}

export const server = new Proxy({} as Server, {
  get: (_target, name) => {
    if (typeof name !== 'string') return undefined;
    return (...args: unknown[]) => call(name, args);
  },
});
