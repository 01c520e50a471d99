import type { Config } from '../config.ts';
import type { Dossier } from '../dossier.ts';
import { renderDiscord, type DiscordMessage } from '../format/index.ts';
import type { Logger } from '../log.ts';
import type { Cooldown } from './cooldown.ts';
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
  /** An answer not ready after this many ms is deferred first, so the interaction does not expire (3 s). */
  deferAfterMs: number;
  config: Pick<Config, 'MODERATOR_ROLE_IDS' | 'CORPUS_DIR' | 'ALLOW_PRIVATE_URLS'>;
}

/** One page of an answer; when more pages follow, the message carries a "More" button for the next. */
export function answerPage(pages: PageStore, paged: PagedAnswer, page = 0, key?: string): DiscordMessage {
  const options = { page, ...(paged.mentionUserId ? { mentionUserId: paged.mentionUserId } : {}) };
  const first = renderDiscord(paged.answer, options);
  if (first.page >= first.pageCount - 1) return first.message;
  const buttonId = PageStore.buttonId(key ?? pages.keep(paged), first.page + 1);
  return renderDiscord(paged.answer, { ...options, moreButtonId: buttonId }).message;
}
