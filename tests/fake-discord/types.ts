// Public types of the fake Discord. Payload shapes reuse discord-api-types (re-exported by discord.js),
// so the compiler checks that what the fake sends has every field Discord documents.
import type { APIApplicationCommand, APIMessage, APIUser } from 'discord.js';

export interface FakeUserInput {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

export interface FakeRoleInput {
  id?: string;
  name: string;
  /** Permission bitfield as a decimal string. */
  permissions?: string;
  mentionable?: boolean;
}

export interface FakeChannelInput {
  id?: string;
  name?: string;
  /** ChannelType: 0 text (default), 5 announcement, 11 public thread, 12 private thread. */
  type?: number;
  /** For threads: the parent channel id (default: the guild's first text channel). */
  parentId?: string;
}

export interface FakeGuildInput {
  id?: string;
  name?: string;
  ownerId?: string;
  /** Default: one text channel "general" and one public thread "dossier-thread" inside it. */
  channels?: FakeChannelInput[];
  /** The @everyone role is always added. Default: "Moderator" and "Member". */
  roles?: FakeRoleInput[];
}

export interface FakeDiscordOptions {
  /** What GET /gateway/bot recommends (used by clients with shards: 'auto'). Default 1. */
  shards?: number;
  guilds?: FakeGuildInput[];
  botUser?: FakeUserInput;
  applicationId?: string;
  token?: string;
  /** HELLO heartbeat interval. Default 41250 ms like Discord. */
  heartbeatIntervalMs?: number;
  /**
   * Discord rejects an initial callback that arrives more than 3 s after the interaction was created
   * (404 Unknown interaction). Default 3000; 0 disables the check.
   */
  interactionDeadlineMs?: number;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** Who a message created or edited by the bot actually notifies, given its content and allowed_mentions. */
export interface Pings {
  users: string[];
  roles: string[];
  everyone: boolean;
  repliedUser: boolean;
}

export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  /** Path without the /api/v10 prefix, percent-decoded per segment ('%40original' -> '@original'). */
  path: string;
  /** Path exactly as received (after the prefix). */
  rawPath: string;
  query: Record<string, string>;
  /** Parsed JSON body, or multipart's payload_json; undefined when there is no body. */
  body: unknown;
  files: RecordedFile[];
  headers: Record<string, string>;
  /** Status the fake answered with. */
  status: number;
  /** Answered by an injected fault (failNext). */
  failed: boolean;
  /** Problems Discord would reject (also pushed to fake.violations); empty when accepted. */
  violations: string[];
  /** No route matched (answered 404). */
  unknownRoute: boolean;
  /** Set for interaction callbacks and webhook calls that belong to an interaction. */
  interactionId?: string;
  /** For accepted message creates/edits: who gets notified. */
  pings?: Pings;
  /** JSON the fake answered with (undefined for 204). */
  response?: unknown;
}

export interface SlashOption {
  name: string;
  /** ApplicationCommandOptionType: 1 subcommand, 2 group, 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 10 number. */
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: SlashOption[];
}

export interface InteractionTarget {
  /** Default: fake.testUser. */
  user?: FakeUserInput;
  /** Permission bitfield (decimal string) in member.permissions. Default: OR of the member's roles. */
  memberPermissions?: string;
  /** Role ids or role names of the invoking member. */
  roles?: string[];
  guildId?: string;
  channelId?: string;
  /** Invoke in the bot's DM with the user instead of a guild. */
  dm?: boolean;
  locale?: string;
}

export interface SlashCommandInput extends InteractionTarget {
  name: string;
  options?: SlashOption[];
}

export interface AutocompleteInput extends InteractionTarget {
  name: string;
  /** Exactly one option (possibly nested in a subcommand) must have focused: true. */
  options: SlashOption[];
}

export interface ButtonInput extends InteractionTarget {
  customId: string;
  /** The message carrying the button: a message object, or the id of a message the fake knows. */
  message?: APIMessage | string;
}

export interface MessageInput {
  content: string;
  /** Default: fake.testUser (a normal user). Set bot: true for a bot author. */
  author?: FakeUserInput;
  /** Default: parsed from <@id> in content. */
  mentions?: FakeUserInput[];
  /** Default: parsed from <@&id> in content. */
  mentionRoles?: string[];
  /** Default: content contains @everyone or @here. */
  mentionEveryone?: boolean;
  channelId?: string;
  guildId?: string;
  /** Send in the DM channel between the author and the bot. */
  dm?: boolean;
  /** Make it a reply to this message id. */
  replyTo?: string;
}

/** Handle for a dispatched interaction. */
export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  channelId: string;
  guildId: string | null;
  user: APIUser;
  payload: Record<string, unknown>;
}

export interface StoredCommand extends Omit<APIApplicationCommand, 'guild_id'> {
  guild_id?: string;
}

export interface FailNextOptions {
  method?: string;
  /** Matched against the decoded path without the /api/v10 prefix, e.g. /\/callback$/. */
  pathPattern?: RegExp;
  status: 429 | 500 | 502 | 503;
  /** Seconds (may be fractional) for 429. Default 0.05. */
  retryAfter?: number;
  /** How many matching requests fail. Default 1. */
  count?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
}

export interface IdentifyInfo {
  shardId: number;
  shardCount: number;
  intents: number;
  sessionId: string;
}
