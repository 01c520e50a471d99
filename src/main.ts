/** npm start: the Discord bot. */
import { ConfigError, loadConfig, requireSetting } from './config.ts';
import { CorpusError } from './corpus/load.ts';
import { startBot } from './discord/bot.ts';
import { createLogger } from './log.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const token = requireSetting(config, 'DISCORD_TOKEN', 'the bot logs in to Discord with it');
  const logger = await createLogger({ level: config.LOG_LEVEL ?? 'info', secrets: [token] });

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const bot = await startBot({ ...config, DISCORD_TOKEN: token }, logger);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await bot.stop();
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError) {
    process.stderr.write(`error: ${error.message}\n`);
  } else {
    // Never print the token, even inside an error from the login.
    const token = process.env.DISCORD_TOKEN;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`error: could not start the bot: ${token ? text.replaceAll(token, '[redacted]') : text}\n`);
  }
  process.exit(1);
});
