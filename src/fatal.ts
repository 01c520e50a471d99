import { ConfigError } from './config.ts';
import { CorpusError } from './corpus/load.ts';

/**
 * How the entry points (npm start, start:sharded, deploy-commands) end on an error: one line, no stack
 * trace, exit 1. A setting or corpus error is shown as it is; anything else says what failed. The token
 * is never printed, even inside an error from Discord.
 */
export function exitWithError(error: unknown, failed: string): never {
  const known = error instanceof ConfigError || error instanceof CorpusError;
  const detail = error instanceof Error ? error.message : String(error);
  const text = known ? detail : `${failed}: ${detail}`;
  const token = process.env.DISCORD_TOKEN;
  process.stderr.write(`error: ${token ? text.replaceAll(token, '[redacted]') : text}\n`);
  process.exit(1);
}
