// Delivers events to the client the way Discord filters them: the guild's shard only, MESSAGE_* only with
// the GuildMessages / DirectMessages intent, and message content blanked without the MessageContent
// intent unless the bot is mentioned, it is a DM, or the bot wrote it.
import { GatewayIntentBits, MessageType } from 'discord.js';
import type { APIUser, MessageFlags } from 'discord.js';
import type { Gateway, Session } from './gateway.ts';
import { scanMentions } from './mentions.ts';
import { snowflake } from './snowflake.ts';
import type { MessageInput } from './types.ts';
import type { InteractionState, MessageEventName, StoredMessage, World } from './world.ts';

export class EventSender {
  constructor(
    private readonly world: World,
    private readonly gateway: Gateway,
  ) {
    // Discord echoes the bot's own messages (interaction replies included) back over the gateway.
    world.onMessageEvent((event, message) => {
      const session = gateway.sessionFor(message.guild_id ?? null);
      if (session) this.deliverMessage(session, event, message);
    });
  }

  interaction(state: InteractionState): void {
    const session = this.gateway.requireSession(state.guildId);
    this.world.registerInteraction(state);
    state.createdAt = performance.now();
    this.gateway.dispatch(session, 'INTERACTION_CREATE', state.payload);
  }

  /** MESSAGE_CREATE from a user; returns the stored message (its id can be replied to or referenced). */
  userMessage(input: MessageInput): { message: StoredMessage; delivered: boolean } {
    const author = this.world.user(input.author);
    const channel = input.dm ? this.world.dmChannel(author) : undefined;
    const guild = channel ? null : this.world.guild(input.guildId);
    const channelId = channel?.id ?? input.channelId ?? guild?.channels[0]?.id;
    const record = channelId ? this.world.channels.get(channelId) : undefined;
    if (!record || (guild && record.guildId !== guild.id)) throw new Error(`fake-discord: sendMessage: unknown channel ${channelId ?? '(none)'}`);
    const scan = scanMentions(input.content);
    const mentions: APIUser[] = input.mentions
      ? input.mentions.map((user) => this.world.user(user))
      : scan.users.map((id) => this.world.users.get(id) ?? this.world.user({ id }));
    const replied = input.replyTo ? this.world.messages.get(input.replyTo) : undefined;
    if (input.replyTo && !replied) throw new Error(`fake-discord: sendMessage: replyTo unknown message ${input.replyTo}`);
    const message: StoredMessage = {
      id: snowflake(),
      channel_id: record.channel.id,
      ...(guild ? { guild_id: guild.id } : {}),
      author,
      content: input.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: input.mentionEveryone ?? scan.everyone,
      mentions,
      mention_roles: input.mentionRoles ?? scan.roles,
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: replied ? MessageType.Reply : MessageType.Default,
      flags: 0 as MessageFlags,
      ...(replied
        ? { message_reference: { type: 0, message_id: replied.id, channel_id: replied.channel_id, ...(guild ? { guild_id: guild.id } : {}) }, referenced_message: replied }
        : {}),
    };
    this.world.storeMessage(message);
    const session = this.gateway.requireSession(guild?.id ?? null);
    return { message, delivered: this.deliverMessage(session, 'MESSAGE_CREATE', message) };
  }

  private deliverMessage(session: Session, event: MessageEventName, message: StoredMessage): boolean {
    const isDm = message.guild_id === undefined;
    if (!this.gateway.hasIntent(session, isDm ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages)) return false;
    if (event === 'MESSAGE_DELETE') {
      this.gateway.dispatch(session, event, { id: message.id, channel_id: message.channel_id, ...(isDm ? {} : { guild_id: message.guild_id }) });
      return true;
    }
    const botId = this.world.botUser.id;
    const seesContent =
      this.gateway.hasIntent(session, GatewayIntentBits.MessageContent) || isDm || message.author.id === botId || message.mentions.some((user) => user.id === botId);
    const payload: Record<string, unknown> = seesContent ? { ...message } : { ...message, content: '', embeds: [], attachments: [], components: [] };
    if (!isDm && message.guild_id) {
      // Guild messages carry the author's member (without user) and mentioned users' members.
      const guild = this.world.guild(message.guild_id);
      const memberOf = (userId: string): Record<string, unknown> | undefined => {
        const member = guild.members.find((candidate) => candidate.user.id === userId);
        if (!member) return undefined;
        const { user: _user, ...rest } = member;
        return rest;
      };
      if (!message.webhook_id) payload['member'] = memberOf(message.author.id);
      payload['mentions'] = message.mentions.map((user) => ({ ...user, member: memberOf(user.id) }));
    }
    this.gateway.dispatch(session, event, payload);
    return true;
  }
}
