import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LogOptions {
  level: LevelWithSilent;
  /** Strings that must never reach a log line (the bot token): replaced by [redacted]. */
  secrets?: string[];
  /** Human-readable lines (pino-pretty, a dev dependency) instead of JSON. Default: when stderr is a terminal. */
  pretty?: boolean;
  /** Where JSON lines go. Default: stderr. */
  destination?: NodeJS.WritableStream;
}

/**
 * A pino logger writing to stderr, so stdout stays free for answers (the CLI's batch contract).
 * Pretty in a terminal when pino-pretty is installed, JSON otherwise.
 */
export async function createLogger(options: LogOptions): Promise<Logger> {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  const redact = (line: string) => secrets.reduce((text, secret) => text.replaceAll(secret, '[redacted]'), line);
  const settings = {
    level: options.level,
    base: undefined,
    hooks: { streamWrite: redact },
  };
  if (options.destination) return pino(settings, options.destination);
  if (options.pretty ?? process.stderr.isTTY) {
    const pretty = await import('pino-pretty').catch(() => undefined);
    if (pretty) return pino(settings, pretty.default({ destination: 2, sync: true }));
  }
  return pino(settings, pino.destination({ dest: 2, sync: true }));
}
