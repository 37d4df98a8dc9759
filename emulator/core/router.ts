/** Routes emulated network requests to the simulated service registered for the request's host. */
import type { HttpHandler } from './http';

export class HttpRouter {
  private readonly exact = new Map<string, HttpHandler>();
  private readonly wildcard: { suffix: string; handler: HttpHandler }[] = [];

  /** `host` is a host name, or `*.example.com` for every subdomain. */
  register(host: string, handler: HttpHandler): void {
    const name = host.toLowerCase();
    if (name.startsWith('*.')) this.wildcard.push({ suffix: name.slice(1), handler });
    else this.exact.set(name, handler);
  }

  registerAll(handlers: Readonly<Record<string, HttpHandler>>): void {
    for (const [host, handler] of Object.entries(handlers)) this.register(host, handler);
  }

  unregister(host: string): void {
    const name = host.toLowerCase();
    this.exact.delete(name);
    const index = this.wildcard.findIndex((entry) => `*${entry.suffix}` === name);
    if (index >= 0) this.wildcard.splice(index, 1);
  }

  find(host: string): HttpHandler | undefined {
    const name = host.toLowerCase();
    return this.exact.get(name) ?? this.wildcard.find((entry) => name.endsWith(entry.suffix))?.handler;
  }
}
