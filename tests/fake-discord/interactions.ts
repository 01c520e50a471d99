// Builds INTERACTION_CREATE payloads with every field discord.js reads (entitlements,
// authorizing_integration_owners, member.user / user, channel, message for components...).
import { ApplicationCommandOptionType, ButtonStyle, ComponentType, InteractionType, MessageType, PermissionFlagsBits } from 'discord.js';
import type { APIMessage, APIUser, MessageFlags } from 'discord.js';
import { ALL_PERMISSIONS, EVERYONE_PERMISSIONS } from './payloads.ts';
import { randomToken, snowflake } from './snowflake.ts';
import type { InteractionTarget, SlashOption } from './types.ts';
import type { GuildState, InteractionState, StoredMessage, World } from './world.ts';

/** 10 MiB, the upload limit of an unboosted guild. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

function memberPermissions(guild: GuildState, roleIds: string[]): string {
  const bits = guild.roles
    .filter((role) => role.id === guild.id || roleIds.includes(role.id))
    .reduce((all, role) => all | BigInt(role.permissions), 0n);
  return ((bits & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : bits).toString();
}

interface Context {
  user: APIUser;
  guild: GuildState | null;
  channelId: string;
  common: Record<string, unknown>;
  permissions: string;
}

function context(world: World, target: InteractionTarget, type: number, preferredChannelId?: string): Context {
  const user = world.user(target.user);
  const base = {
    id: snowflake(),
    application_id: world.applicationId,
    type,
    token: randomToken('interaction'),
    version: 1,
    app_permissions: EVERYONE_PERMISSIONS.toString(),
    locale: target.locale ?? 'en-US',
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
  };
  if (target.dm) {
    const channel = world.dmChannel(user);
    return {
      user,
      guild: null,
      channelId: channel.id,
      permissions: EVERYONE_PERMISSIONS.toString(),
      // In the bot's DM Discord sends `user` (no member/guild_id) and the guild-install owner "0".
      common: { ...base, user, channel: { ...channel, recipients: [user] }, channel_id: channel.id, context: 1, authorizing_integration_owners: { '0': '0' } },
    };
  }
  const guild = world.guild(target.guildId);
  const channelId = target.channelId ?? preferredChannelId ?? guild.channels[0]?.id;
  const record = channelId ? world.channels.get(channelId) : undefined;
  if (!record || record.guildId !== guild.id) {
    throw new Error(`fake-discord: channel ${channelId ?? '(none)'} is not in guild ${guild.id}`);
  }
  const roles = world.resolveRoles(guild, target.roles ?? []);
  const member = world.ensureMember(guild, user);
  const permissions = target.memberPermissions ?? memberPermissions(guild, roles);
  return {
    user,
    guild,
    channelId: record.channel.id,
    permissions,
    common: {
      ...base,
      guild_id: guild.id,
      guild: { id: guild.id, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel: { ...record.channel, permissions },
      channel_id: record.channel.id,
      member: { ...member, roles, permissions, user },
      context: 0,
      authorizing_integration_owners: { '0': guild.id },
    },
  };
}

function commandId(world: World, name: string, guildId: string | null): { id: string; guildId?: string } {
  const guildCommand = guildId ? world.commands.guilds[guildId]?.find((command) => command.name === name) : undefined;
  if (guildCommand && guildId) return { id: guildCommand.id, guildId };
  const globalCommand = world.commands.global.find((command) => command.name === name);
  return { id: globalCommand?.id ?? snowflake() };
}

/** resolved.users/members/roles/channels/attachments for user, role, channel, mentionable and attachment options. */
function resolvedFor(world: World, options: SlashOption[], ctx: Context): Record<string, Record<string, unknown>> | undefined {
  const resolved: Record<string, Record<string, unknown>> = {};
  const add = (kind: string, id: string, value: unknown): void => {
    resolved[kind] = { ...resolved[kind], [id]: value };
  };
  const visit = (list: SlashOption[]): void => {
    for (const option of list) {
      if (option.options) visit(option.options);
      if (typeof option.value !== 'string' || option.focused) continue;
      const id = option.value;
      const isUser = option.type === ApplicationCommandOptionType.User || (option.type === ApplicationCommandOptionType.Mentionable && world.users.has(id));
      if (isUser) {
        const user = world.users.get(id);
        if (!user) throw new Error(`fake-discord: option ${option.name}: unknown user ${id}`);
        add('users', id, user);
        if (ctx.guild) {
          const { user: _user, ...member } = world.ensureMember(ctx.guild, user);
          add('members', id, { ...member, permissions: memberPermissions(ctx.guild, member.roles) });
        }
      } else if (option.type === ApplicationCommandOptionType.Role || option.type === ApplicationCommandOptionType.Mentionable) {
        const role = ctx.guild?.roles.find((candidate) => candidate.id === id);
        if (!role) throw new Error(`fake-discord: option ${option.name}: unknown role ${id}`);
        add('roles', id, role);
      } else if (option.type === ApplicationCommandOptionType.Attachment) {
        const attachment = world.attachments?.get(id);
        if (!attachment) throw new Error(`fake-discord: option ${option.name}: unknown attachment ${id} (use fake.createAttachment)`);
        add('attachments', id, attachment);
      } else if (option.type === ApplicationCommandOptionType.Channel) {
        const record = world.channels.get(id);
        if (!record) throw new Error(`fake-discord: option ${option.name}: unknown channel ${id}`);
        add('channels', id, { ...record.channel, permissions: ctx.permissions });
      }
    }
  };
  visit(options);
  return Object.keys(resolved).length > 0 ? resolved : undefined;
}

function toState(ctx: Context, message?: StoredMessage): InteractionState {
  const common = ctx.common;
  return {
    id: String(common['id']),
    token: String(common['token']),
    type: Number(common['type']),
    createdAt: performance.now(),
    channelId: ctx.channelId,
    guildId: ctx.guild?.id ?? null,
    user: ctx.user,
    payload: common,
    callbackType: null,
    originalMessageId: null,
    followupIds: [],
    componentMessageId: message?.id ?? null,
  };
}

export function buildSlashCommand(world: World, input: InteractionTarget & { name: string; options?: SlashOption[] }): InteractionState {
  const ctx = context(world, input, InteractionType.ApplicationCommand);
  const command = commandId(world, input.name, ctx.guild?.id ?? null);
  const resolved = resolvedFor(world, input.options ?? [], ctx);
  ctx.common['data'] = {
    id: command.id,
    name: input.name,
    type: 1,
    ...(command.guildId ? { guild_id: command.guildId } : {}),
    ...(input.options ? { options: input.options } : {}),
    ...(resolved ? { resolved } : {}),
  };
  return toState(ctx);
}

function countFocused(options: SlashOption[]): number {
  return options.reduce((count, option) => count + (option.focused ? 1 : 0) + countFocused(option.options ?? []), 0);
}

export function buildAutocomplete(world: World, input: InteractionTarget & { name: string; options: SlashOption[] }): InteractionState {
  const focused = countFocused(input.options);
  if (focused !== 1) throw new Error(`fake-discord: an autocomplete needs exactly one option with focused: true (got ${focused})`);
  const ctx = context(world, input, InteractionType.ApplicationCommandAutocomplete);
  const command = commandId(world, input.name, ctx.guild?.id ?? null);
  // Discord sends what the user has typed so far as a string, whatever the option type.
  const stringify = (options: SlashOption[]): SlashOption[] =>
    options.map((option) => ({ ...option, ...(option.focused ? { value: String(option.value ?? '') } : {}), ...(option.options ? { options: stringify(option.options) } : {}) }));
  ctx.common['data'] = { id: command.id, name: input.name, type: 1, options: stringify(input.options), ...(command.guildId ? { guild_id: command.guildId } : {}) };
  return toState(ctx);
}

/** A bot message in the channel carrying a single button (used when sendButton gets no message). */
function defaultButtonMessage(world: World, channelId: string, guildId: string | null, customId: string): StoredMessage {
  return world.storeMessage({
    id: snowflake(),
    channel_id: channelId,
    ...(guildId ? { guild_id: guildId } : {}),
    author: world.botUser,
    content: 'Message with a button',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0 as MessageFlags,
    components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: customId, label: customId }] }],
  });
}

export function buildButton(world: World, input: InteractionTarget & { customId: string; message?: APIMessage | string }): InteractionState {
  let message: StoredMessage | undefined;
  if (typeof input.message === 'string') {
    message = world.messages.get(input.message);
    if (!message) throw new Error(`fake-discord: sendButton: unknown message ${input.message}`);
  } else if (input.message) {
    message = world.storeMessage(input.message);
  }
  const ctx = context(world, input, InteractionType.MessageComponent, message?.channel_id);
  message ??= defaultButtonMessage(world, ctx.channelId, ctx.guild?.id ?? null, input.customId);
  ctx.common['data'] = { custom_id: input.customId, component_type: ComponentType.Button };
  ctx.common['message'] = message;
  return toState(ctx, message);
}
