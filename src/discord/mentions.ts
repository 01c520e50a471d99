import type { Message } from 'discord.js';
import { MAX_MENTION_LENGTH } from '../../commands/command.ts';
import { renderNotice } from '../format/index.ts';
import { answerPage, type BotContext } from './context.ts';
import { recordShown } from './feedback.ts';
import { messageReply } from './payload.ts';

export const MENTION_HELP =
  'Ask me about the reports by mentioning me with a question, for example: @dossier What security guarantees does Ukraine want? ' +
  'Or use /ask, /who-said, /compare, /sources; /help lists everything.';

/**
 * A message that mentions the bot directly gets the `ask` answer as a reply (no ping). Messages from
 * bots, and @everyone/@here or role mentions without a direct mention, are ignored. Discord delivers
 * the content of a message that mentions the bot without the privileged MessageContent intent.
 */
export async function onMessage(context: BotContext, botId: string, message: Message): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const direct = new RegExp(`<@!?${botId}>`, 'g');
  if (!direct.test(message.content)) return;
  // Over the limit, a mention gets no reply: answering spam with notes would add to it.
  if (context.cooldown.take(message.author.id) > 0) {
    context.logger.debug({ user: message.author.id, channel: message.channelId }, 'mention ignored: cooldown');
    return;
  }
  try {
    const question = message.content.replace(direct, ' ').replace(/\s+/g, ' ').trim();
    if (!question) {
      await message.reply(messageReply(renderNotice(MENTION_HELP)));
      return;
    }
    const answer = await context.dossier.answer('ask', { query: question, maxLength: MAX_MENTION_LENGTH });
    if (answer.error) {
      await message.reply(messageReply(renderNotice(answer.error)));
      return;
    }
    const page = answerPage(context.pages, { answer }, message.id);
    await message.reply(messageReply(page.message));
    recordShown(context, { id: message.id, source: 'mention', guildId: message.guildId, userId: message.author.id }, answer, page.cited);
  } catch (error) {
    context.logger.error({ err: error, message: message.id, channel: message.channelId, guild: message.guildId, user: message.author.id }, 'mention failed');
  }
}
