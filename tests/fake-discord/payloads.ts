// Builders for complete Discord objects (users, roles, channels, members, guilds, messages). Typed with
// discord-api-types so a missing field is a compile error rather than a discord.js crash at runtime.
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import type {
  ApplicationFlags,
  ChannelFlags,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
  APIDMChannel,
  APIGuildMember,
  APINewsChannel,
  APIRole,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
} from 'discord.js';
import { snowflake } from './snowflake.ts';
import type { FakeUserInput } from './types.ts';

export type FakeGuildChannel = APITextChannel | APINewsChannel;
export type FakeChannel = FakeGuildChannel | APIThreadChannel | APIDMChannel;

const P = PermissionFlagsBits;
/** What @everyone may do in the default guild: read, write, use commands, threads. */
export const EVERYONE_PERMISSIONS =
  P.ViewChannel | P.SendMessages | P.SendMessagesInThreads | P.CreatePublicThreads | P.ReadMessageHistory |
  P.AddReactions | P.EmbedLinks | P.AttachFiles | P.UseApplicationCommands | P.UseExternalEmojis;
export const MODERATOR_PERMISSIONS =
  EVERYONE_PERMISSIONS | P.ManageMessages | P.ManageThreads | P.KickMembers | P.ModerateMembers;
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

export function userPayload(input: FakeUserInput = {}): APIUser {
  const id = input.id ?? snowflake();
  const username = input.username ?? `user${id.slice(-4)}`;
  return {
    id,
    username,
    discriminator: '0',
    global_name: input.globalName === undefined ? (input.bot ? null : username) : input.globalName,
    avatar: null,
    bot: input.bot ?? false,
    system: false,
    flags: 0 as UserFlags,
    public_flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
  };
}

export function rolePayload(input: { id: string; name: string; permissions: bigint | string; position: number; mentionable?: boolean; botId?: string }): APIRole {
  return {
    id: input.id,
    name: input.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: input.position,
    permissions: input.permissions.toString(),
    managed: input.botId !== undefined,
    mentionable: input.mentionable ?? false,
    flags: 0 as RoleFlags,
    ...(input.botId ? { tags: { bot_id: input.botId } } : {}),
  };
}

export function textChannelPayload(input: { id: string; guildId: string; name: string; position: number; type?: ChannelType.GuildText | ChannelType.GuildAnnouncement }): FakeGuildChannel {
  const base = {
    id: input.id,
    guild_id: input.guildId,
    name: input.name,
    position: input.position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
    default_thread_rate_limit_per_user: 0,
    flags: 0,
  };
  return input.type === ChannelType.GuildAnnouncement
    ? { ...base, type: ChannelType.GuildAnnouncement }
    : { ...base, type: ChannelType.GuildText };
}

export function threadPayload(input: { id: string; guildId: string; parentId: string; name: string; ownerId: string; type?: ChannelType.PublicThread | ChannelType.PrivateThread }): APIThreadChannel {
  return {
    id: input.id,
    type: input.type ?? ChannelType.PublicThread,
    guild_id: input.guildId,
    parent_id: input.parentId,
    name: input.name,
    owner_id: input.ownerId,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0 as ChannelFlags,
    applied_tags: [],
    nsfw: false,
    thread_metadata: {
      archived: false,
      auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
      archive_timestamp: new Date().toISOString(),
      locked: false,
      create_timestamp: new Date().toISOString(),
    },
  };
}

export function dmChannelPayload(id: string, recipient: APIUser): APIDMChannel {
  return { id, type: ChannelType.DM, recipients: [recipient], last_message_id: null, flags: 0 as ChannelFlags, name: null };
}

export function memberPayload(user: APIUser, roles: string[], joinedAt: string): APIGuildMember & { user: APIUser } {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export interface GuildShape {
  id: string;
  name: string;
  ownerId: string;
  joinedAt: string;
  channels: FakeGuildChannel[];
  threads: APIThreadChannel[];
  roles: APIRole[];
  members: (APIGuildMember & { user: APIUser })[];
}

/** GUILD_CREATE: the whole guild as Discord sends it on connect (threads go in `threads`, not `channels`). */
export function guildCreatePayload(guild: GuildShape, applicationId: string | null = null): GatewayGuildCreateDispatchData {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: applicationId,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    // GUILD_CREATE-only fields
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    voice_states: [],
    members: guild.members,
    channels: guild.channels,
    threads: guild.threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function readyPayload(input: {
  user: APIUser;
  guildIds: string[];
  sessionId: string;
  resumeUrl: string;
  shard: [number, number];
  applicationId: string;
}): GatewayReadyDispatchData {
  return {
    v: 10,
    user: input.user,
    guilds: input.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: input.sessionId,
    resume_gateway_url: input.resumeUrl,
    shard: input.shard,
    application: { id: input.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}
