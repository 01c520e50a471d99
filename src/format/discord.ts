import type { Answer, Citation, ReportSummary } from '../answer.ts';
import { blockQuote, escapeMarkdown, highlightMarkdown } from './markdown.ts';
import { ELLIPSIS, shorten, type Excerpt } from './shorten.ts';
import { describeReport, describeSource, headingOf, notAnsweredText, questionLabel, SHORTENED_NOTE, statusNote } from './text.ts';

/** Discord's limits on one message (https://discord.com/developers/docs/resources/message). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embeds: 10,
  embedTotal: 6000,
} as const;

/** Citations shown per message; the rest are pages behind the "More" button. */
export const CITATIONS_PER_PAGE = 4;
/** What the bot echoes of the user's own text at most. */
const ECHO_MAX = 200;

export interface DiscordEmbed {
  title?: string;
  description: string;
  color: number;
}

export interface DiscordButton {
  type: 2;
  /** 2 grey, 3 green (a confirmation). */
  style: 2 | 3;
  label: string;
  custom_id: string;
  emoji?: { name: string };
}

export interface DiscordButtonRow {
  type: 1;
  components: DiscordButton[];
}

/** A file sent with a message (an export). */
export interface DiscordFile {
  name: string;
  data: string;
}

/** A message body in Discord's own JSON shape. */
export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  components: DiscordButtonRow[];
  files?: DiscordFile[];
  /** Nobody is pinged, except the one user the caller chose to address. */
  allowed_mentions: { parse: []; users: string[] };
}

export interface DiscordRenderOptions {
  /** Which page of the citations to show, from 0. Default 0. */
  page?: number;
  /** Address the answer to this user: the only mention that pings. */
  mentionUserId?: string;
  /** custom_id for the "More" button; without it no button is added. */
  moreButtonId?: string;
  /** custom_ids for the feedback buttons; without them none are added. */
  feedbackIds?: { helpful: string; notHelpful: string };
}

export interface DiscordRendering {
  message: DiscordMessage;
  page: number;
  pageCount: number;
  /** The citations this page shows. */
  cited: Citation[];
}

const COLOR = { answer: 0x3b82f6, uncovered: 0x9ca3af } as const;

/** One embed's worth of an answer: a citation, or one side of a comparison. */
interface Block {
  title?: string;
  citations: Citation[];
  /** Shown instead of quotes when the block has none (a report that does not cover the topic). */
  empty?: string;
}

export function renderDiscord(answer: Answer, options: DiscordRenderOptions = {}): DiscordRendering {
  const pages = paginate([
    ...reportEmbeds(answer.reports ?? []).map((embed) => ({ embed, citations: [] as Citation[] })),
    ...blocksOf(answer).map((block) => ({ embed: toEmbed(block), citations: block.citations })),
  ]);
  const pageCount = Math.max(1, pages.length);
  const page = Math.min(Math.max(0, options.page ?? 0), pageCount - 1);
  const shown = pages[page] ?? [];

  const lines: string[] = [];
  if (options.mentionUserId) lines.push(`<@${options.mentionUserId}>`);
  lines.push(headerOf(answer, page, pageCount));
  const buttons: DiscordButton[] = [];
  if (options.moreButtonId && page < pageCount - 1) buttons.push(button(`More (${page + 2}/${pageCount})`, options.moreButtonId));
  if (options.feedbackIds) {
    buttons.push(button('Helpful', options.feedbackIds.helpful, '👍'), button('Not helpful', options.feedbackIds.notHelpful, '👎'));
  }
  return {
    message: {
      content: truncate(lines.join('\n'), DISCORD_LIMITS.content),
      embeds: shown.map((item) => item.embed),
      components: buttons.length ? [{ type: 1, components: buttons }] : [],
      allowed_mentions: { parse: [], users: options.mentionUserId ? [options.mentionUserId] : [] },
    },
    page,
    pageCount,
    cited: shown.flatMap((item) => item.citations),
  };
}

function button(label: string, customId: string, emoji?: string): DiscordButton {
  return { type: 2, style: 2, label, custom_id: customId, ...(emoji ? { emoji: { name: emoji } } : {}) };
}

function headerOf(answer: Answer, page: number, pageCount: number): string {
  if (answer.error) return escapeMarkdown(answer.error);
  const echo = escapeMarkdown(truncate(answer.query, ECHO_MAX));
  const label = questionLabel(answer.command);
  const asked = echo ? `**${label}:** ${echo}` : `**${label}**`;
  if (!answered(answer)) return `${asked}\n${escapeMarkdown(notAnsweredText(answer))}`;
  const more = answer.total ? ` · the first ${answer.citations.length} of ${answer.total}` : '';
  const note = statusNote(answer);
  const header = pageCount > 1 ? `${asked}${more} · page ${page + 1}/${pageCount}` : `${asked}${more}`;
  return note ? `${header}\n${escapeMarkdown(note)}` : header;
}

function answered(answer: Answer): boolean {
  return answer.answered && (answer.citations.length > 0 || (answer.sides?.length ?? 0) > 0 || (answer.reports?.length ?? 0) > 0);
}

/** The report list of /sources: one entry per report, as many per embed as fit. */
function reportEmbeds(reports: ReportSummary[]): DiscordEmbed[] {
  const embeds: DiscordEmbed[] = [];
  let description = '';
  for (const report of reports) {
    const link = report.url ? ` · [link](<${report.url}>)` : '';
    const entry = `**${escapeMarkdown(truncate(report.title, 300))}**\n${escapeMarkdown(describeReport(report))}${link} · id \`${report.reportId}\``;
    if (description && description.length + entry.length + 2 > DISCORD_LIMITS.embedDescription) {
      embeds.push({ description, color: COLOR.answer });
      description = '';
    }
    description += (description ? '\n\n' : '') + entry;
  }
  if (description) embeds.push({ description, color: COLOR.answer });
  return embeds;
}

function blocksOf(answer: Answer): Block[] {
  if (answer.error || !answered(answer)) return [];
  if (answer.sides) {
    return answer.sides.map((side) => ({
      title: side.title,
      citations: side.citations,
      ...(side.covered ? {} : { empty: `Not covered: this report does not address “${answer.query}”.` }),
    }));
  }
  // The answering sentence of the first passage leads, in bold (its matched words are in it).
  return answer.citations.map((citation, i) => ({
    title: headingOf(answer.command, citation),
    citations: [i === 0 && citation.sentence ? { ...citation, highlights: [citation.sentence] } : citation],
  }));
}

function toEmbed(block: Block): DiscordEmbed {
  const title = block.title ? truncate(block.title, DISCORD_LIMITS.embedTitle) : undefined;
  if (block.citations.length === 0) {
    return { ...(title ? { title } : {}), description: escapeMarkdown(block.empty ?? ''), color: COLOR.uncovered };
  }
  // Each quote in a block gets an equal share of the description.
  const share = Math.floor(DISCORD_LIMITS.embedDescription / block.citations.length) - 2;
  const description = block.citations.map((c) => quoteWithSource(c, share)).join('\n\n');
  return { ...(title ? { title } : {}), description, color: COLOR.answer };
}

/** The paragraph as a block quote (shortened to its matching sentences if it must be), then its source. */
function quoteWithSource(citation: Citation, maxChars: number): string {
  const render = (excerpts: Excerpt[], shortened: boolean) =>
    `${blockQuote(excerpts.map((e) => highlightMarkdown(e.text, e.highlights)).join(` ${ELLIPSIS} `))}\n${sourceLine(citation, shortened)}`;
  const { excerpts, shortened } = shorten(citation.text, citation.highlights ?? [], maxChars, (e) => render(e, true).length);
  return render(excerpts, shortened);
}

function sourceLine(citation: Citation, shortened: boolean): string {
  const source = `— ${escapeMarkdown(describeSource(citation))}`;
  const link = citation.url ? ` · [source](<${citation.url}>)` : '';
  return `${source}${link}${shortened ? ` · *${SHORTENED_NOTE}*` : ''}`;
}

/** Packs embeds (with the citations they show) into messages within Discord's per-message limits and our page size. */
function paginate<T extends { embed: DiscordEmbed }>(items: T[]): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const length = (item.embed.title?.length ?? 0) + item.embed.description.length;
    const full =
      current.length >= Math.min(CITATIONS_PER_PAGE, DISCORD_LIMITS.embeds) || size + length > DISCORD_LIMITS.embedTotal;
    if (current.length > 0 && full) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += length;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
