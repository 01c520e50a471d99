import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { describeZodError } from './corpus/load.ts';

/** Settings read from the environment (and `.env`); see .env.example for each one. */
const configSchema = z.object({
  CORPUS_DIR: z.string().trim().min(1).default('corpus'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads `.env` (if present; real environment variables win) and validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env) loadDotenv({ quiet: true });
  // An empty variable means "not set": let the default apply.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
