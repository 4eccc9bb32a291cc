import { format } from 'node:util';

export const LOG_LEVELS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One console call the app made during an invocation, as Forge's log stream would show it. */
export interface CapturedLog {
  invocationId: string;
  moduleKey: string;
  level: LogLevel;
  message: string;
}

export interface LogSource {
  invocationId: string;
  moduleKey: string;
}

/**
 * Redirects console output made inside invocations into `entries` (optionally still printing it);
 * output outside any invocation is left alone.
 */
export class LogCapture {
  readonly entries: CapturedLog[] = [];
  private originals: Partial<Record<LogLevel, (...args: unknown[]) => void>> = {};

  constructor(
    private readonly currentSource: () => LogSource | undefined,
    private readonly echo: boolean,
  ) {}

  install(): void {
    for (const level of LOG_LEVELS) {
      const original = console[level] as (...args: unknown[]) => void;
      this.originals[level] = original;
      console[level] = (...args: unknown[]) => {
        const source = this.currentSource();
        if (source) this.entries.push({ ...source, level, message: format(...args) });
        if (!source || this.echo) original.apply(console, args);
      };
    }
  }

  uninstall(): void {
    for (const level of LOG_LEVELS) {
      const original = this.originals[level];
      if (original) console[level] = original;
    }
    this.originals = {};
  }

  clear(): void {
    this.entries.length = 0;
  }
}
