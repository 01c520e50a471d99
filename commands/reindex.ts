import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';

/**
 * /reindex: moderators reload the corpus folder without restarting. Registered for members with
 * Manage Server only and not in DMs; `mayReindex` checks again at run time, because server admins
 * can change who may use a command.
 */
export const reindexDefinition = new SlashCommandBuilder()
  .setName('reindex')
  .setDescription('Reload the reports from the corpus folder (moderators)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .toJSON();

export interface Caller {
  /** The member's permissions in the channel, as Discord sends them. */
  permissions: bigint;
  roleIds: readonly string[];
}

/** Manage Server, or one of the configured moderator roles. */
export function mayReindex(caller: Caller, moderatorRoleIds: readonly string[]): boolean {
  const manageGuild = (caller.permissions & PermissionFlagsBits.ManageGuild) === PermissionFlagsBits.ManageGuild;
  return manageGuild || caller.roleIds.some((id) => moderatorRoleIds.includes(id));
}
