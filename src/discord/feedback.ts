import { SnowflakeUtil, type ButtonInteraction } from 'discord.js';
import type { Answer, Citation } from '../answer.ts';
import { renderVote } from '../format/index.ts';
import { outcomeOf, questionKey } from '../insights/question.ts';
import type { AnswerSource } from '../insights/store.ts';
import type { BotContext } from './context.ts';
import { interactionReply } from './payload.ts';

/**
 * The "Helpful" / "Not helpful" buttons under every answer. An answer is known by the id of the
 * interaction or message it replied to (a snowflake), so button ids look like `vote:<id>:y|n`.
 */
export function feedbackIds(answerId: string): { helpful: string; notHelpful: string } {
  return { helpful: `vote:${answerId}:y`, notHelpful: `vote:${answerId}:n` };
}

export function parseVoteId(customId: string): { answerId: string; helpful: boolean } | undefined {
  const match = /^vote:(\d{1,20}):([yn])$/.exec(customId);
  return match ? { answerId: match[1]!, helpful: match[2] === 'y' } : undefined;
}

/** A vote, acknowledged to the voter only: the answer itself stays as everyone sees it. */
export async function vote(context: BotContext, interaction: ButtonInteraction, choice: { answerId: string; helpful: boolean }): Promise<void> {
  const answeredAt = SnowflakeUtil.timestampFrom(choice.answerId);
  const result = context.insights.vote({ answerId: choice.answerId, answeredAt, memberId: interaction.user.id, helpful: choice.helpful });
  await interaction.reply(interactionReply(renderVote(result, choice.helpful, context.config.RETENTION_DAYS), true));
}

/** Who was answered where: the ids an answer is recorded with. */
export interface Shown {
  id: string;
  source: AnswerSource;
  guildId: string | null;
  userId: string;
}

/** Records an answer once it has been sent (a failing database only logs). */
export function recordShown(context: BotContext, shown: Shown, answer: Answer, cited: readonly Citation[]): void {
  context.insights.record({
    id: shown.id,
    at: Date.now(),
    guildId: shown.guildId,
    memberId: shown.userId,
    source: shown.source,
    command: answer.command,
    query: answer.query,
    questionKey: questionKey(answer.query),
    ...outcomeOf(answer),
    citations: cited.map((c) => `${c.reportId}#${c.paragraph}`),
  });
}
