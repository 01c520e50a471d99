// The fake's model of Discord: users, guilds (channels, threads, roles, members), DM channels, stored
// messages, dispatched interactions and registered commands. REST and gateway both read and write it.
import { ChannelType } from 'discord.js';
import type { APIDMChannel, APIGuildMember, APIMessage, APIRole, APIThreadChannel, APIUser } from 'discord.js';
import {
  EVERYONE_PERMISSIONS,
  MODERATOR_PERMISSIONS,
  dmChannelPayload,
  memberPayload,
  rolePayload,
  textChannelPayload,
  threadPayload,
  userPayload,
  type FakeChannel,
  type FakeGuildChannel,
  type GuildShape,
} from './payloads.ts';
import { guildSnowflake, randomToken, snowflake } from './snowflake.ts';
import type { Attachments } from './attachments.ts';
import type { FakeDiscordOptions, FakeGuildInput, FakeUserInput, StoredCommand } from './types.ts';

export interface GuildState extends GuildShape {
  members: (APIGuildMember & { user: APIUser })[];
}

export interface ChannelRecord {
  channel: FakeChannel;
  guildId: string | null;
}

/** A stored message; guild_id is kept alongside because APIMessage itself has no such field. */
export type StoredMessage = APIMessage & { guild_id?: string };

export interface InteractionState {
  id: string;
  token: string;
  type: number;
  createdAt: number;
  channelId: string;
  guildId: string | null;
  user: APIUser;
  payload: Record<string, unknown>;
  /** Callback type of the accepted initial response, or null while unanswered. */
  callbackType: number | null;
  originalMessageId: string | null;
  followupIds: string[];
  /** For component interactions: the message the component is on. */
  componentMessageId: string | null;
}

export type MessageEventName = 'MESSAGE_CREATE' | 'MESSAGE_UPDATE' | 'MESSAGE_DELETE';
export type MessageEventListener = (event: MessageEventName, message: StoredMessage) => void;

export class World {
  readonly applicationId: string;
  readonly token: string;
  readonly botUser: APIUser;
  /** A normal guild member used when a helper gets no `user`. */
  readonly testUser: APIUser;
  readonly users = new Map<string, APIUser>();
  readonly guilds: GuildState[] = [];
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  readonly commands: { global: StoredCommand[]; guilds: Record<string, StoredCommand[]> } = { global: [], guilds: {} };
  /** Mutable at runtime through the FakeDiscord API. */
  readonly settings: { interactionDeadlineMs: number };
  /** Uploaded files for attachment options (set by FakeDiscord, which serves them). */
  attachments: Attachments | undefined;
  private readonly messageListeners: MessageEventListener[] = [];

  constructor(options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? options.botUser?.id ?? snowflake();
    this.token = options.token ?? randomToken('fake-bot-token');
    this.settings = { interactionDeadlineMs: options.interactionDeadlineMs ?? 3000 };
    this.botUser = this.addUser(userPayload({ username: 'dossier-bot', ...options.botUser, id: options.botUser?.id ?? this.applicationId, bot: true }));
    this.testUser = this.addUser(userPayload({ username: 'alice', globalName: 'Alice' }));
    const guildInputs = options.guilds ?? [{}];
    guildInputs.forEach((input, index) => this.addGuild(input, index));
  }

  addUser(user: APIUser): APIUser {
    const existing = this.users.get(user.id);
    if (existing) return existing;
    this.users.set(user.id, user);
    // Every user shares every guild with the bot, so members can be resolved anywhere.
    for (const guild of this.guilds) this.ensureMember(guild, user);
    return user;
  }

  /** A user by id if known, otherwise created from the input (default: the test user). */
  user(input?: FakeUserInput): APIUser {
    if (!input) return this.testUser;
    if (input.id) {
      const known = this.users.get(input.id);
      if (known) return known;
    }
    return this.addUser(userPayload(input));
  }

  private addGuild(input: FakeGuildInput, index: number): void {
    const id = input.id ?? guildSnowflake(index);
    const joinedAt = new Date().toISOString();
    const botRoleId = snowflake();
    const roles: APIRole[] = [
      rolePayload({ id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 }),
      rolePayload({ id: botRoleId, name: this.botUser.username, permissions: EVERYONE_PERMISSIONS, position: 1, botId: this.botUser.id }),
    ];
    const roleInputs = input.roles ?? [
      { name: 'Moderator', permissions: MODERATOR_PERMISSIONS.toString(), mentionable: true },
      { name: 'Member', permissions: '0', mentionable: true },
    ];
    roleInputs.forEach((role, position) => {
      roles.push(rolePayload({ id: role.id ?? snowflake(), name: role.name, permissions: role.permissions ?? '0', position: position + 2, mentionable: role.mentionable ?? false }));
    });

    const channels: FakeGuildChannel[] = [];
    const threads: APIThreadChannel[] = [];
    const channelInputs = input.channels ?? [{ name: 'general' }, { name: 'dossier-thread', type: ChannelType.PublicThread }];
    for (const channel of channelInputs) {
      const channelId = channel.id ?? snowflake();
      const name = channel.name ?? `channel-${channels.length + threads.length}`;
      if (channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread) {
        const parentId = channel.parentId ?? channels[0]?.id;
        if (!parentId) throw new Error(`fake-discord: thread "${name}" needs a text channel before it (or parentId).`);
        threads.push(threadPayload({ id: channelId, guildId: id, parentId, name, ownerId: this.testUser.id, type: channel.type }));
      } else if (channel.type === undefined || channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement) {
        channels.push(textChannelPayload({ id: channelId, guildId: id, name, position: channels.length, type: channel.type ?? ChannelType.GuildText }));
      } else {
        throw new Error(`fake-discord: channel type ${channel.type} is not supported (use 0, 5, 11 or 12).`);
      }
    }

    const guild: GuildState = { id, name: input.name ?? `Guild ${index + 1}`, ownerId: input.ownerId ?? this.testUser.id, joinedAt, channels, threads, roles, members: [] };
    this.guilds.push(guild);
    for (const channel of [...channels, ...threads]) this.channels.set(channel.id, { channel, guildId: id });
    for (const user of this.users.values()) this.ensureMember(guild, user, user.id === this.botUser.id ? [botRoleId] : []);
  }

  ensureMember(guild: GuildState, user: APIUser, roles: string[] = []): APIGuildMember & { user: APIUser } {
    const existing = guild.members.find((member) => member.user.id === user.id);
    if (existing) return existing;
    const member = memberPayload(user, roles, guild.joinedAt);
    guild.members.push(member);
    return member;
  }

  guild(id?: string): GuildState {
    const guild = id === undefined ? this.guilds[0] : this.guilds.find((candidate) => candidate.id === id);
    if (!guild) throw new Error(`fake-discord: unknown guild ${id ?? '(none configured)'}; known: ${this.guilds.map((g) => g.id).join(', ')}`);
    return guild;
  }

  /** Role ids for ids or names; throws on unknown roles (discord.js would silently drop them). */
  resolveRoles(guild: GuildState, roles: string[]): string[] {
    return roles.map((wanted) => {
      const role = guild.roles.find((candidate) => candidate.id === wanted || candidate.name === wanted);
      if (!role) throw new Error(`fake-discord: guild ${guild.id} has no role "${wanted}"; roles: ${guild.roles.map((r) => `${r.name}=${r.id}`).join(', ')}`);
      return role.id;
    });
  }

  /** The DM channel between the bot and a user, created on first use. */
  dmChannel(user: APIUser): APIDMChannel {
    for (const record of this.channels.values()) {
      const channel = record.channel;
      if (channel.type === ChannelType.DM && channel.recipients?.[0]?.id === user.id) return channel;
    }
    const channel = dmChannelPayload(snowflake(), user);
    this.channels.set(channel.id, { channel, guildId: null });
    return channel;
  }

  onMessageEvent(listener: MessageEventListener): void {
    this.messageListeners.push(listener);
  }

  emitMessageEvent(event: MessageEventName, message: StoredMessage): void {
    for (const listener of this.messageListeners) listener(event, message);
  }

  storeMessage(message: StoredMessage): StoredMessage {
    this.messages.set(message.id, message);
    return message;
  }

  registerInteraction(state: InteractionState): void {
    this.interactions.set(state.id, state);
    this.interactionsByToken.set(state.token, state);
  }
}
