// Turns what the bot sends (message bodies + uploaded files) into stored message objects, as Discord would
// return them, and applies edits.
import { MessageFlags, MessageType } from 'discord.js';
import type { APIAttachment, APIEmbed, APIMessageTopLevelComponent, APIUser } from 'discord.js';
import { resolvePings } from './mentions.ts';
import { snowflake } from './snowflake.ts';
import type { Pings, RecordedFile } from './types.ts';
import type { StoredMessage, World } from './world.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function attachmentsFrom(files: RecordedFile[], body: Record<string, unknown>, channelId: string): APIAttachment[] {
  const described = Array.isArray(body['attachments']) ? (body['attachments'] as unknown[]) : [];
  return files.map((file, index) => {
    const id = snowflake();
    const meta = described.find((entry) => isRecord(entry) && String(entry['id']) === String(index));
    const description = isRecord(meta) && typeof meta['description'] === 'string' ? meta['description'] : undefined;
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    return {
      id,
      filename: file.filename,
      size: file.size,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      content_type: file.contentType,
      ...(description === undefined ? {} : { description }),
    };
  });
}

export interface BotMessageInput {
  channelId: string;
  guildId: string | null;
  body: unknown;
  files: RecordedFile[];
  /** Interaction responses and follow-ups are webhook messages of the application. */
  interaction?: { id: string; type: number; user: APIUser; originalResponseId?: string };
  loading?: boolean;
}

/** Builds a message authored by the bot from a create body; returns it with who it pings. */
export function buildBotMessage(world: World, input: BotMessageInput): { message: StoredMessage; pings: Pings } {
  const body = isRecord(input.body) ? input.body : {};
  const content = typeof body['content'] === 'string' ? body['content'] : '';
  const reference = isRecord(body['message_reference']) ? body['message_reference'] : null;
  const referenced = reference && typeof reference['message_id'] === 'string' ? world.messages.get(reference['message_id']) : undefined;
  const pings = resolvePings(content, body['allowed_mentions'], referenced !== undefined);
  const flags = (typeof body['flags'] === 'number' ? body['flags'] : 0) | (input.loading ? MessageFlags.Loading : 0);
  const message: StoredMessage = {
    id: snowflake(),
    channel_id: input.channelId,
    ...(input.guildId ? { guild_id: input.guildId } : {}),
    author: world.botUser,
    content: input.loading ? '' : content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body['tts'] === true,
    mention_everyone: pings.everyone,
    mentions: pings.users.map((id) => world.users.get(id)).filter((user): user is APIUser => user !== undefined),
    mention_roles: pings.roles,
    attachments: attachmentsFrom(input.files, body, input.channelId),
    embeds: Array.isArray(body['embeds']) ? (body['embeds'] as APIEmbed[]) : [],
    components: Array.isArray(body['components']) ? (body['components'] as APIMessageTopLevelComponent[]) : [],
    pinned: false,
    type: referenced ? MessageType.Reply : MessageType.Default,
    flags,
  };
  if (referenced) {
    message.message_reference = { type: 0, message_id: referenced.id, channel_id: referenced.channel_id, ...(referenced.guild_id ? { guild_id: referenced.guild_id } : {}) };
    message.referenced_message = referenced;
  }
  if (input.interaction) {
    message.webhook_id = world.applicationId;
    message.application_id = world.applicationId;
    message.type = input.interaction.type === 2 ? MessageType.ChatInputCommand : MessageType.Default;
    message.interaction_metadata = {
      id: input.interaction.id,
      type: input.interaction.type,
      user: input.interaction.user,
      authorizing_integration_owners: {},
      ...(input.interaction.originalResponseId ? { original_response_message_id: input.interaction.originalResponseId } : {}),
    } as StoredMessage['interaction_metadata'];
  }
  return { message, pings };
}

/** Applies an edit body (PATCH message / webhook edit / update callback) to a stored message. */
export function applyEdit(world: World, message: StoredMessage, body: unknown, files: RecordedFile[]): { message: StoredMessage; pings: Pings } {
  const edit = isRecord(body) ? body : {};
  const updated: StoredMessage = { ...message, edited_timestamp: new Date().toISOString() };
  if ('content' in edit) updated.content = typeof edit['content'] === 'string' ? edit['content'] : '';
  if ('embeds' in edit) updated.embeds = Array.isArray(edit['embeds']) ? (edit['embeds'] as APIEmbed[]) : [];
  if ('components' in edit) updated.components = Array.isArray(edit['components']) ? (edit['components'] as APIMessageTopLevelComponent[]) : [];
  if (typeof edit['flags'] === 'number') updated.flags = edit['flags'];
  // Editing a deferred ("thinking...") response turns it into a normal message.
  if (updated.flags !== undefined) updated.flags &= ~MessageFlags.Loading;
  if (files.length > 0 || 'attachments' in edit) {
    const kept = Array.isArray(edit['attachments'])
      ? message.attachments.filter((old) => (edit['attachments'] as unknown[]).some((entry) => isRecord(entry) && entry['id'] === old.id))
      : message.attachments;
    updated.attachments = [...kept, ...attachmentsFrom(files, edit, message.channel_id)];
  }
  const pings = resolvePings(updated.content, edit['allowed_mentions'], false);
  updated.mentions = pings.users.map((id) => world.users.get(id)).filter((user): user is APIUser => user !== undefined);
  updated.mention_roles = pings.roles;
  updated.mention_everyone = pings.everyone;
  world.storeMessage(updated);
  return { message: updated, pings };
}
