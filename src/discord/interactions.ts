import {
  MessageFlags,
  type Client,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { toChoices } from '../../commands/choices.ts';
import { HIDE_OPTION, MENTION_OPTION } from '../../commands/options.ts';
import { mayReindex } from '../../commands/reindex.ts';
import { renderHelp, renderNotice, renderReindex, type DiscordMessage, type ShardOutcome } from '../format/index.ts';
import { answerPage, type BotContext } from './context.ts';
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
  if (interaction.commandName === 'reindex' || interaction.commandName === 'report') {
    if (!(await isModerator(context, interaction))) return;
    if (interaction.commandName === 'reindex') await reindex(context, interaction);
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
  await replyInTime(context, interaction, hide, async () => {
    const answer = await dossier.answer(interaction.commandName, { query, options });
    if (answer.error) return { message: renderNotice(answer.error), ephemeral: true };
    return { message: answerPage(context.pages, { answer, ...(mention ? { mentionUserId: mention.id } : {}) }), ephemeral: hide };
  });
}

/**
 * Replies with what `work` makes. If it is not ready within `deferAfterMs`, the interaction is
 * deferred first (Discord drops an interaction unanswered after 3 s) and the reply edits it.
 */
async function replyInTime(
  context: BotContext,
  interaction: ChatInputCommandInteraction,
  ephemeral: boolean,
  work: () => Promise<{ message: DiscordMessage; ephemeral: boolean }>,
): Promise<void> {
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }, context.deferAfterMs);
  let result: { message: DiscordMessage; ephemeral: boolean };
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
}

async function autocomplete(context: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  if (interaction.commandName === 'report') return reportAutocomplete(context, interaction);
  const focused = interaction.options.getFocused(true);
  const choices = await context.dossier.autocomplete(interaction.commandName, { name: focused.name, value: String(focused.value) });
  await interaction.respond(toChoices(choices));
}

/** "More": the next page of a kept answer, in place of the message the button was on; or a /report preview's button. */
async function button(context: BotContext, interaction: ButtonInteraction): Promise<void> {
  const report = PendingReports.parseButtonId(interaction.customId);
  if (report) return reportButton(context, interaction, report, () => reloadEverywhere(context, interaction.client));
  const target = PageStore.parseButtonId(interaction.customId);
  const paged = target && context.pages.get(target.key);
  if (!target || !paged) {
    await interaction.reply(interactionReply(renderNotice('This answer has expired. Please ask again.'), true));
    return;
  }
  await interaction.update(messageOptions(answerPage(context.pages, paged, target.page, target.key)));
}

/**
 * /reindex and /report are for moderators: checked here when they run, whatever the server's command
 * permissions say. A refusal is answered; returns whether the member may go on.
 */
async function isModerator(context: BotContext, interaction: ChatInputCommandInteraction): Promise<boolean> {
  const caller = {
    permissions: interaction.memberPermissions?.bitfield ?? 0n,
    roleIds: interaction.inCachedGuild() ? [...interaction.member.roles.cache.keys()] : rolesOf(interaction.member),
  };
  if (interaction.inGuild() && mayReindex(caller, context.config.MODERATOR_ROLE_IDS)) return true;
  const what = interaction.commandName === 'reindex' ? 'reindex' : 'add or remove reports';
  context.logger.warn({ user: interaction.user.id, guild: interaction.guildId, command: interaction.commandName }, `${interaction.commandName} refused: not a moderator`);
  await interaction.reply(interactionReply(renderNotice(`Only moderators can ${what}: it needs the Manage Server permission or a moderator role.`), true));
  return false;
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
