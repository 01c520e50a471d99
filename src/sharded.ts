/**
 * npm run start:sharded: the bot for many servers, one process per shard with discord.js's own
 * ShardingManager. The shard count is SHARD_COUNT, or what Discord recommends for this bot.
 */
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { loadConfig, requireSetting } from './config.ts';
import { exitWithError } from './fatal.ts';
import { createLogger } from './log.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const token = requireSetting(config, 'DISCORD_TOKEN', 'the shards log in to Discord with it');
  const logger = await createLogger({ level: config.LOG_LEVEL ?? 'info', secrets: [token] });
  // Asked through DISCORD_API_URL when set (discord.js's own helper always asks discord.com).
  const totalShards =
    config.SHARD_COUNT ??
    ((await new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(token).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult)
      .shards;

  const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    token,
    totalShards,
    // Each shard runs src/main.ts through tsx, as npm start does.
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: totalShards }, 'shard started');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard exited; it is respawned'));
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'stopping shards');
    for (const shard of manager.shards.values()) shard.kill();
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  await manager.spawn({ timeout: 120_000 });
}

main().catch((error: unknown) => exitWithError(error, 'could not start the shards'));
