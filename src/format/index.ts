/** The formatter: the only place an Answer becomes something a person reads. */
import type { Answer } from '../answer.ts';

export { renderDiscord, DISCORD_LIMITS, CITATIONS_PER_PAGE } from './discord.ts';
export type { DiscordMessage, DiscordEmbed, DiscordRenderOptions, DiscordRendering } from './discord.ts';
export { renderTerminal } from './terminal.ts';
export { renderInsights, renderInsightsTerminal, insightsCsv, CSV_MAX_BYTES } from './insights.ts';

/** One line of JSON: the Answer itself (the batch contract). */
export function renderJson(answer: Answer): string {
  return JSON.stringify(answer);
}
export { renderHelp, renderNotice, renderReindex, renderVote, VOTE_THANKS } from './notices.ts';
export type { HelpEntry, ShardOutcome } from './notices.ts';
export { renderReportCancelled, renderReportChange, renderReportChangeText, renderReportJson, renderReportPreview, renderReportPreviewText } from './report.ts';
