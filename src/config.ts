import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { describeZodError } from './corpus/load.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

/** Settings read from the environment (and `.env`); .env.example documents each one. */
const configSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:8080/api' }).optional(),
  CORPUS_DIR: z.string().trim().min(1).default('corpus'),
  CACHE_DIR: z.string().trim().min(1).default('.cache'),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  MEMBER_HASH_SECRET: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  MODERATOR_ROLE_IDS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(snowflake)),
  SHARD_COUNT: z.coerce.number().int().min(1).optional(),
  COOLDOWN_LIMIT: z.coerce.number().int().min(0).default(5),
  COOLDOWN_SECONDS: z.coerce.number().positive().default(30),
  ALLOW_PRIVATE_URLS: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((value) => value === 'true'),
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

/** The settings the bot cannot run without, with a message that says how to set them. */
export function requireSetting<K extends keyof Config>(config: Config, key: K, purpose: string): NonNullable<Config[K]> {
  const value = config[key];
  if (value === undefined) {
    throw new ConfigError(
      `${key} is not set: ${purpose}. Put it in .env (see .env.example and the README's Discord setup). ` +
        'To try the bot without Discord, use the offline CLI: npm run cli -- ask "your question"',
    );
  }
  return value as NonNullable<Config[K]>;
}
