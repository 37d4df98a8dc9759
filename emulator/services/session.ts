/** Session, Logger and console: who runs the script, and where its log lines go. */
import type { ServiceEnv } from '../core/env';

class User {
  static readonly gasName = 'User';
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class Session {
  static readonly gasName = 'Session';

  constructor(
    private readonly env: ServiceEnv,
    private readonly timeZone: string,
    /** Apps Script only reveals e-mail addresses to scripts holding the userinfo.email scope. */
    private readonly mayReadEmail: boolean,
  ) {}

  getActiveUser(): User {
    return new User(this.mayReadEmail ? this.env.current().user : '');
  }

  getEffectiveUser(): User {
    return this.getActiveUser();
  }

  /** A key that is stable for one user of this script and reveals nothing about them. */
  getTemporaryActiveUserKey(): string {
    let hash = 5381;
    for (const char of this.env.current().user) hash = ((hash * 33) ^ char.charCodeAt(0)) >>> 0;
    return `tk${hash.toString(36)}`;
  }

  getScriptTimeZone(): string {
    return this.timeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }
}

export type LogSink = (level: 'log' | 'info' | 'warn' | 'error', line: string) => void;

function format(values: unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : safeJson(value))).join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export class Logger {
  static readonly gasName = 'Logger';
  private lines: string[] = [];

  constructor(private readonly sink: LogSink) {}

  log(first: unknown, ...rest: unknown[]): this {
    let line: string;
    if (typeof first === 'string' && rest.length > 0 && first.includes('%s')) {
      let index = 0;
      line = first.replace(/%s/g, () => format([rest[index++]]));
    } else {
      line = format([first, ...rest]);
    }
    this.lines.push(line);
    this.sink('log', line);
    return this;
  }

  getLog(): string {
    return this.lines.join('\n');
  }

  clear(): void {
    this.lines = [];
  }
}

export class Console {
  static readonly gasName = 'console';
  constructor(private readonly sink: LogSink) {}
  log(...values: unknown[]): void {
    this.sink('log', format(values));
  }
  info(...values: unknown[]): void {
    this.sink('info', format(values));
  }
  warn(...values: unknown[]): void {
    this.sink('warn', format(values));
  }
  error(...values: unknown[]): void {
    this.sink('error', format(values));
  }
}
