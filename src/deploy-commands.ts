/** npm run deploy-commands: registers every slash command with Discord in one bulk request. */
import { loadConfig, requireSetting } from './config.ts';
import { loadCorpus } from './corpus/load.ts';
import { deployCommands, slashDefinitions } from './discord/deploy.ts';
import { exitWithError } from './fatal.ts';
import { createLogger } from './log.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const token = requireSetting(config, 'DISCORD_TOKEN', 'registering commands needs the bot token');
  const clientId = requireSetting(config, 'DISCORD_CLIENT_ID', "it is the application id from the Developer Portal's General Information page");
  const logger = await createLogger({ level: config.LOG_LEVEL ?? 'info', secrets: [token] });
  // Topic commands come from the corpus's topics file.
  const { topics } = await loadCorpus(config.CORPUS_DIR);
  const definitions = slashDefinitions(topics);
  const count = await deployCommands(
    { token, clientId, ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}), ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) },
    definitions,
  );
  logger.info(
    { commands: definitions.map((d) => d.name), scope: config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'global' },
    `registered ${count} commands`,
  );
  logger.flush();
}

main().catch((error: unknown) => exitWithError(error, 'could not register the commands'));
