import { MessageFlags, type BaseMessageOptions, type MessageReplyOptions } from 'discord.js';
import type { DiscordMessage } from '../format/index.ts';

/**
 * The formatter's message in discord.js's option shape. discord.js reads `allowedMentions` (not the
 * API's `allowed_mentions`), so it is carried over here and nowhere else; files become uploads.
 */
export function messageOptions(message: DiscordMessage) {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    ...(message.files ? { files: message.files.map((file) => ({ name: file.name, attachment: Buffer.from(file.data) })) } : {}),
    allowedMentions: { parse: [], users: message.allowed_mentions.users },
  } satisfies BaseMessageOptions;
}

/** A reply to an interaction, shown only to the caller when `ephemeral`. */
export function interactionReply(message: DiscordMessage, ephemeral: boolean) {
  return { ...messageOptions(message), ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) };
}

/** For a reply to a message: the author is not pinged either. */
export function messageReply(message: DiscordMessage): MessageReplyOptions {
  const options = messageOptions(message);
  return { ...options, allowedMentions: { ...options.allowedMentions, repliedUser: false } };
}
