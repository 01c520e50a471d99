import { InteractionContextType, SlashCommandBuilder, type SlashCommandOptionsOnlyBuilder } from 'discord.js';

/** Names of the options every answering command has (as in discord-utils-bot). */
export const HIDE_OPTION = 'hide';
export const MENTION_OPTION = 'mention';

/** A slash command usable in servers and DMs, with the options its text takes. */
export function slashCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
}

/** Adds `hide` (answer only to the caller) and `mention` (address the answer to someone). */
export function withAnswerOptions(builder: SlashCommandOptionsOnlyBuilder) {
  return builder
    .addBooleanOption((o) => o.setName(HIDE_OPTION).setDescription('Show the answer only to you'))
    .addUserOption((o) => o.setName(MENTION_OPTION).setDescription('Address the answer to this member (they get a ping)'));
}
