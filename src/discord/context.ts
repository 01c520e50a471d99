import type { Config } from '../config.ts';
import type { Dossier } from '../dossier.ts';
import { renderDiscord, type DiscordRendering } from '../format/index.ts';
import type { Insights } from '../insights/insights.ts';
import type { Logger } from '../log.ts';
import type { Cooldown } from './cooldown.ts';
import { feedbackIds } from './feedback.ts';
import { PageStore, type PagedAnswer } from './pages.ts';
import type { PendingReports } from './report.ts';

/** What every Discord handler needs. */
export interface BotContext {
  dossier: Dossier;
  logger: Logger;
  pages: PageStore;
  /** /report add previews waiting for their buttons. */
  pendingReports: PendingReports;
  /** Answers per user (slash commands and mentions; not autocomplete). */
  cooldown: Cooldown;
  /** Questions, answers and votes, for /insights (never fails an answer). */
  insights: Insights;
  /** An answer not ready after this many ms is deferred first, so the interaction does not expire (3 s). */
  deferAfterMs: number;
  config: Pick<Config, 'MODERATOR_ROLE_IDS' | 'CORPUS_DIR' | 'ALLOW_PRIVATE_URLS' | 'RETENTION_DAYS'>;
}

/**
 * One page of an answer, with feedback buttons that rate it as `answerId`; when more pages follow,
 * also a "More" button for the next.
 */
export function answerPage(pages: PageStore, paged: PagedAnswer, answerId: string, page = 0, key?: string): DiscordRendering {
  const options = { page, feedbackIds: feedbackIds(answerId), ...(paged.mentionUserId ? { mentionUserId: paged.mentionUserId } : {}) };
  const first = renderDiscord(paged.answer, options);
  if (first.page >= first.pageCount - 1) return first;
  const buttonId = PageStore.buttonId(key ?? pages.keep(paged), first.page + 1);
  return renderDiscord(paged.answer, { ...options, moreButtonId: buttonId });
}
