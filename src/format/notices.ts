import type { ReloadOutcome } from '../dossier.ts';
import type { VoteResult } from '../insights/store.ts';
import { DISCORD_LIMITS, truncate, type DiscordMessage } from './discord.ts';
import { escapeMarkdown } from './markdown.ts';

/** Messages that are not answers: help, reindex results, refusals, apologies. Nobody is pinged. */

export function renderNotice(text: string): DiscordMessage {
  return message(escapeMarkdown(text));
}

export interface HelpEntry {
  name: string;
  description: string;
}

export function renderHelp(entries: readonly HelpEntry[]): DiscordMessage {
  const lines = entries.map((e) => `\`/${e.name}\` ${escapeMarkdown(e.description)}`);
  return message(
    [
      '**dossier-bot** answers from its reports and always quotes the paragraph it relies on, with its source.',
      ...lines,
      'You can also mention me with a question in a channel. Add `hide: True` to see an answer only yourself.',
      'Rate an answer with 👍 Helpful or 👎 Not helpful: moderators see the ratings.',
      'Moderators: `/insights` lists what the reports could not answer and the answers rated not helpful (`export: True` attaches a CSV); `/reindex` reloads the reports.',
    ].join('\n'),
  );
}

export const VOTE_THANKS = 'Thanks: moderators see this.';

/** The voter's acknowledgment (our own words only, so nothing to escape); undefined: not saved. */
export function renderVote(result: VoteResult | undefined, helpful: boolean, retentionDays: number): DiscordMessage {
  switch (result) {
    case undefined:
      return message('Sorry, your rating could not be saved right now.');
    case 'expired':
      return message(`This answer can no longer be rated: ratings are kept for ${retentionDays} days. Ask again to rate a new answer.`);
    case 'changed':
      return message(`Changed to “${helpful ? 'Helpful' : 'Not helpful'}”. ${VOTE_THANKS}`);
    default:
      return message(VOTE_THANKS);
  }
}

/** One shard's reload (shard null when the bot is not sharded). */
export interface ShardOutcome {
  shard: number | null;
  outcome: ReloadOutcome;
}

export function renderReindex(outcomes: readonly ShardOutcome[]): DiscordMessage {
  const sharded = outcomes.length > 1 || outcomes.some((o) => o.shard !== null);
  const parts = outcomes.map(({ shard, outcome }) => (sharded ? `**Shard ${shard}**: ` : '') + describeReload(outcome));
  return message(parts.join('\n\n'));
}

export function describeReload(outcome: ReloadOutcome): string {
  if (!outcome.ok) {
    return (
      `Reindex refused, nothing changed: **${escapeMarkdown(outcome.file)}**: ${escapeMarkdown(outcome.reason)}\n` +
      'The previous index keeps answering. Fix the file and run /reindex again.'
    );
  }
  const list = (label: string, ids: string[]) => (ids.length ? `${label}: ${ids.map((id) => `\`${id}\``).join(', ')}` : `${label}: none`);
  return [
    `Reindexed in ${outcome.ms} ms: ${outcome.reports} reports, ${outcome.passages} passages.`,
    list('Added', outcome.added),
    list('Removed', outcome.removed),
    list('Changed', outcome.changed),
  ].join('\n');
}

/** A message of text alone that pings nobody. */
export function message(content: string): DiscordMessage {
  return { content: truncate(content, DISCORD_LIMITS.content), embeds: [], components: [], allowed_mentions: { parse: [], users: [] } };
}
