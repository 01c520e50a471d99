import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { commands } from '../../commands/index.ts';
import { helpDefinition } from '../../commands/help.ts';
import { insightsDefinition } from '../../commands/insights.ts';
import { reindexDefinition } from '../../commands/reindex.ts';
import { commandOf } from '../../commands/topic.ts';
import type { Topic } from '../corpus/topic.ts';

/** Every slash command: the fixed ones, one per topic of the corpus, /help, /reindex and /insights. */
export function slashDefinitions(topics: readonly Topic[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    ...[...commands.values()].map((c) => c.definition),
    ...topics.map((t) => commandOf(t).definition),
    helpDefinition,
    reindexDefinition,
    insightsDefinition,
  ];
}

export interface DeployTarget {
  token: string;
  clientId: string;
  /** Register in this server only (instant); without it, globally. */
  guildId?: string;
  /** REST base, for a proxy or a local test server. */
  api?: string;
}

/** One bulk PUT that replaces the application's commands with these. Returns how many Discord kept. */
export async function deployCommands(target: DeployTarget, definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[]): Promise<number> {
  const rest = new REST(target.api ? { api: target.api } : {}).setToken(target.token);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.clientId, target.guildId)
    : Routes.applicationCommands(target.clientId);
  const saved = (await rest.put(route, { body: definitions })) as unknown[];
  return saved.length;
}
