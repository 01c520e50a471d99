/** npm start: the Discord bot. */
import { loadConfig, requireSetting } from './config.ts';
import { startBot } from './discord/bot.ts';
import { exitWithError } from './fatal.ts';
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

main().catch((error: unknown) => exitWithError(error, 'could not start the bot'));
