import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { DAY_MS, type InsightsRow, type InsightsSummary } from '../src/insights/store.ts';

export const DEFAULT_INSIGHTS_DAYS = 30;
export const MAX_INSIGHTS_DAYS = 365;

/**
 * /insights [days] [export]: for the members who may /reindex (registered for Manage Server, and
 * checked again with mayReindex when it runs), ephemeral. One command with options rather than
 * subcommands, since Discord does not let a command mix subcommands with plain options.
 */
export const insightsDefinition = new SlashCommandBuilder()
  .setName('insights')
  .setDescription('What the reports could not answer, and answers voted not helpful (moderators)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addIntegerOption((o) =>
    o.setName('days').setDescription(`Look back this many days (default ${DEFAULT_INSIGHTS_DAYS})`).setMinValue(1).setMaxValue(MAX_INSIGHTS_DAYS),
  )
  .addBooleanOption((o) => o.setName('export').setDescription('Also attach every recorded answer as a CSV file'))
  .toJSON();

/** Where insights come from: the bot's guarded store (undefined when the database failed) or the store itself. */
export interface InsightsSource {
  summary(since: number, guildId?: string): InsightsSummary | undefined;
  rows(since: number, guildId?: string): InsightsRow[] | undefined;
}

export interface InsightsResult {
  days: number;
  summary: InsightsSummary;
  /** With export: every answer in the period. */
  rows?: InsightsRow[];
}

/**
 * The summary of the last `days` days, and the rows when exported, of one server's answers (of
 * every server's without `guildId`); undefined when the database failed.
 */
export function runInsights(
  source: InsightsSource,
  input: { days?: number; export?: boolean; guildId?: string },
  now = Date.now(),
): InsightsResult | undefined {
  const days = input.days ?? DEFAULT_INSIGHTS_DAYS;
  const since = now - days * DAY_MS;
  const summary = source.summary(since, input.guildId);
  const rows = input.export ? source.rows(since, input.guildId) : undefined;
  if (!summary || (input.export && !rows)) return undefined;
  return { days, summary, ...(rows ? { rows } : {}) };
}
