import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.ts';
import { Dossier } from '../dossier.ts';
import { Insights } from '../insights/insights.ts';
import type { Logger } from '../log.ts';
import type { BotContext } from './context.ts';
import { dispatch } from './interactions.ts';
import { onMessage } from './mentions.ts';
import { Cooldown } from './cooldown.ts';
import { PageStore } from './pages.ts';
import { PendingReports } from './report.ts';

declare module 'discord.js' {
  interface Client {
    /** This process's library, reachable from broadcastEval so /reindex can reload every shard. */
    dossier?: Dossier;
  }
}

/** Well inside Discord's 3 s for the first response, leaving room for the round trip. */
export const DEFER_AFTER_MS = 1500;

export interface Bot {
  client: Client;
  dossier: Dossier;
  context: BotContext;
  /** Logs out and closes the gateway connection. */
  stop(): Promise<void>;
}

/**
 * Loads the corpus and opens the insights database (a database that fails only stops the
 * recording), then logs in. Intents: guilds and guild messages only; no privileged intent
 * (the content of a message that mentions the bot arrives without MessageContent).
 */
export async function startBot(config: Config & { DISCORD_TOKEN: string }, logger: Logger): Promise<Bot> {
  const dossier = await Dossier.open(config.CORPUS_DIR, logger, { cacheDir: config.CACHE_DIR, worker: true });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    // Safety net: even a message built elsewhere pings nobody.
    allowedMentions: { parse: [] },
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  client.dossier = dossier;
  const cooldown = new Cooldown(config.COOLDOWN_LIMIT, config.COOLDOWN_SECONDS * 1000);
  const insights = Insights.open(config, logger);
  const context: BotContext = { dossier, logger, pages: new PageStore(), pendingReports: new PendingReports(), cooldown, insights, deferAfterMs: DEFER_AFTER_MS, config };

  client.on(Events.InteractionCreate, (interaction) => void dispatch(context, interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(context, client.user!.id, message));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  // Ready comes after the guilds arrive; login() alone resolves earlier.
  const ready = once(client, Events.ClientReady) as Promise<[Client<true>]>;
  await client.login(config.DISCORD_TOKEN);
  const [user] = await ready;
  const { reports, passages } = dossier.info;
  logger.info(
    { user: user.user.tag, guilds: user.guilds.cache.size, reports: reports.length, passages },
    'dossier-bot ready',
  );
  return {
    client,
    dossier,
    context,
    async stop() {
      await client.destroy();
      insights.close();
      await dossier.close();
    },
  };
}
