import {
  MessageFlags,
  type Client,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { toChoices } from '../../commands/choices.ts';
import { runInsights } from '../../commands/insights.ts';
import { HIDE_OPTION, MENTION_OPTION } from '../../commands/options.ts';
import { mayReindex } from '../../commands/reindex.ts';
import type { Answer, Citation } from '../answer.ts';
import { renderHelp, renderInsights, renderNotice, renderReindex, type DiscordMessage, type ShardOutcome } from '../format/index.ts';
import { answerPage, type BotContext } from './context.ts';
import { parseVoteId, recordShown, vote } from './feedback.ts';
import { PageStore } from './pages.ts';
import { interactionReply, messageOptions } from './payload.ts';
import { PendingReports, reportAutocomplete, reportButton, reportCommand } from './report.ts';

export const APOLOGY = 'Sorry, something went wrong while answering. It has been logged; please try again.';

/**
 * The dispatcher: routes each interaction to its handler. A handler that fails is logged with its
 * context and answered with an ephemeral apology; it never takes the bot down.
 */
export async function dispatch(context: BotContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await autocomplete(context, interaction);
    else if (interaction.isChatInputCommand()) await chatCommand(context, interaction);
    else if (interaction.isButton()) await button(context, interaction);
  } catch (error) {
    context.logger.error(
      { err: error, interaction: interaction.id, type: interaction.type, command: 'commandName' in interaction ? interaction.commandName : undefined, user: interaction.user.id, guild: interaction.guildId },
      'interaction failed',
    );
    await apologize(interaction).catch((e: unknown) => context.logger.warn({ err: e }, 'could not send the apology'));
  }
}

async function apologize(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const payload = interactionReply(renderNotice(APOLOGY), true);
  if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

async function chatCommand(context: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const { dossier } = context;
  const wait = context.cooldown.take(interaction.user.id);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    await interaction.reply(interactionReply(renderNotice(`You're asking quickly: please wait ${seconds} s before the next command.`), true));
    return;
  }
  if (interaction.commandName === 'help') {
    const entries = dossier.allCommands().map((c) => ({ name: c.definition.name, description: c.definition.description }));
    await interaction.reply(interactionReply(renderHelp(entries), true));
    return;
  }
  if (Object.hasOwn(MODERATOR_ACTIONS, interaction.commandName)) {
    if (!(await isModerator(context, interaction))) return;
    if (interaction.commandName === 'reindex') await reindex(context, interaction);
    else if (interaction.commandName === 'insights') await insights(context, interaction);
    else await reportCommand(context, interaction, () => reloadEverywhere(context, interaction.client));
    return;
  }
  const command = dossier.command(interaction.commandName);
  if (!command) {
    await interaction.reply(interactionReply(renderNotice(`/${interaction.commandName} is not a command of this corpus any more. Try /help.`), true));
    return;
  }
  const options = Object.fromEntries((command.options ?? []).map((name) => [name, interaction.options.getString(name) ?? undefined]));
  const query = command.queryOption ? (interaction.options.getString(command.queryOption) ?? '') : '';
  const mention = interaction.options.getUser(MENTION_OPTION);
  const hide = interaction.options.getBoolean(HIDE_OPTION) ?? false;
  const sent = await replyInTime(context, interaction, hide, async () => {
    const answer = await dossier.answer(interaction.commandName, { query, options });
    if (answer.error) return { message: renderNotice(answer.error), ephemeral: true };
    const page = answerPage(context.pages, { answer, ...(mention ? { mentionUserId: mention.id } : {}) }, interaction.id);
    return { message: page.message, ephemeral: hide, shown: { answer, cited: page.cited } };
  });
  // After the reply: recording never delays an answer.
  if (sent.shown) {
    const shown = { id: interaction.id, source: 'slash', guildId: interaction.guildId, userId: interaction.user.id } as const;
    recordShown(context, shown, sent.shown.answer, sent.shown.cited);
  }
}

/** What a reply showed of an answer, to record it once sent. */
interface Reply {
  message: DiscordMessage;
  ephemeral: boolean;
  shown?: { answer: Answer; cited: Citation[] };
}

/**
 * Replies with what `work` makes, and returns it once sent. If it is not ready within `deferAfterMs`,
 * the interaction is deferred first (Discord drops an interaction unanswered after 3 s) and the
 * reply edits it.
 */
async function replyInTime(context: BotContext, interaction: ChatInputCommandInteraction, ephemeral: boolean, work: () => Promise<Reply>): Promise<Reply> {
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }, context.deferAfterMs);
  let result: Reply;
  try {
    result = await work();
  } finally {
    clearTimeout(timer);
  }
  if (deferral) {
    await deferral;
    await interaction.editReply(messageOptions(result.message));
  } else {
    await interaction.reply(interactionReply(result.message, result.ephemeral));
  }
  return result;
}

async function autocomplete(context: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  if (interaction.commandName === 'report') return reportAutocomplete(context, interaction);
  const focused = interaction.options.getFocused(true);
  const choices = await context.dossier.autocomplete(interaction.commandName, { name: focused.name, value: String(focused.value) });
  await interaction.respond(toChoices(choices));
}

/** A vote, "More" (the next page of a kept answer, in place of the message the button was on), or a /report preview's button. */
async function button(context: BotContext, interaction: ButtonInteraction): Promise<void> {
  const report = PendingReports.parseButtonId(interaction.customId);
  if (report) return reportButton(context, interaction, report, () => reloadEverywhere(context, interaction.client));
  const choice = parseVoteId(interaction.customId);
  if (choice) {
    await vote(context, interaction, choice);
    return;
  }
  const target = PageStore.parseButtonId(interaction.customId);
  const paged = target && context.pages.get(target.key);
  if (!target || !paged) {
    await interaction.reply(interactionReply(renderNotice('This answer has expired. Please ask again.'), true));
    return;
  }
  // The page is a new answer to rate: its buttons carry this interaction's id.
  const page = answerPage(context.pages, paged, interaction.id, target.page, target.key);
  await interaction.update(messageOptions(page.message));
  recordShown(context, { id: interaction.id, source: 'more', guildId: interaction.guildId, userId: interaction.user.id }, paged.answer, page.cited);
}

/** What a moderators' command does, for the refusal ("Only moderators can …"). */
const MODERATOR_ACTIONS: Readonly<Record<string, string>> = { reindex: 'reindex', report: 'add or remove reports', insights: 'see insights' };

/**
 * /reindex, /report and /insights are for moderators (Manage Server, or a moderator role): checked
 * here when they run, because server admins can change who may use a command. A refusal is answered;
 * returns whether the member may go on.
 */
async function isModerator(context: BotContext, interaction: ChatInputCommandInteraction): Promise<boolean> {
  const caller = {
    permissions: interaction.memberPermissions?.bitfield ?? 0n,
    roleIds: interaction.inCachedGuild() ? [...interaction.member.roles.cache.keys()] : rolesOf(interaction.member),
  };
  if (interaction.inGuild() && mayReindex(caller, context.config.MODERATOR_ROLE_IDS)) return true;
  context.logger.warn({ user: interaction.user.id, guild: interaction.guildId, command: interaction.commandName }, `${interaction.commandName} refused: not a moderator`);
  const action = MODERATOR_ACTIONS[interaction.commandName] ?? interaction.commandName;
  await interaction.reply(interactionReply(renderNotice(`Only moderators can ${action}: it needs the Manage Server permission or a moderator role.`), true));
  return false;
}

async function insights(context: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  // A server's moderators see what was asked in their server only.
  const result = runInsights(context.insights, {
    days: interaction.options.getInteger('days') ?? undefined,
    export: interaction.options.getBoolean('export') ?? false,
    guildId: interaction.guildId!,
  });
  const message = result
    ? renderInsights(result)
    : renderNotice('Insights are unavailable: the database could not be opened or read (see the bot log).');
  await interaction.reply(interactionReply(message, true));
}

async function reindex(context: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const who = { user: interaction.user.id, guild: interaction.guildId };
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcomes = await reloadEverywhere(context, interaction.client);
  context.logger.info({ ...who, outcomes }, outcomes.every((o) => o.outcome.ok) ? 'reindexed' : 'reindex refused: bad corpus');
  await interaction.editReply(messageOptions(renderReindex(outcomes)));
}

/** Reloads this process's library, or, when sharded, every shard's (each reports its own result). */
async function reloadEverywhere(context: BotContext, client: Client): Promise<ShardOutcome[]> {
  if (!client.shard) return [{ shard: null, outcome: await context.dossier.reload() }];
  // Runs in each shard process, on that shard's client (see bot.ts, which attaches its dossier).
  return client.shard.broadcastEval(async (shardClient) => ({
    shard: shardClient.shard!.ids[0] ?? null,
    outcome: await shardClient.dossier!.reload(),
  }));
}

/** Role ids of a member that discord.js has not cached (the raw API member). */
function rolesOf(member: ChatInputCommandInteraction['member']): string[] {
  if (member && 'roles' in member && Array.isArray(member.roles)) return member.roles;
  return [];
}
