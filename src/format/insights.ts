import type { InsightsResult } from '../../commands/insights.ts';
import type { InsightsRow, InsightsSummary, Question } from '../insights/store.ts';
import { DISCORD_LIMITS, truncate, type DiscordMessage } from './discord.ts';
import { escapeMarkdown } from './markdown.ts';

/** /insights and `cli insights`: the same sections for Discord and the terminal, and the CSV export. */

/** Of a typed question, what a line shows at most. */
const QUESTION_MAX = 120;
/** How many sections sectionsOf makes (they share a message's embed characters). */
const SECTION_COUNT = 5;
/** The CSV stays under Discord's smallest upload limit (10 MiB), with room to spare. */
export const CSV_MAX_BYTES = 8 * 1024 * 1024;

interface Section {
  title: string;
  lines: string[];
}

/** How a rendering shows what people typed (`quote`) and any other text from the data (`text`). */
interface Style {
  quote(typed: string): string;
  text(data: string): string;
}

/** Discord: what was typed as inline code, so it reads verbatim and can neither format nor mention. */
const DISCORD_STYLE: Style = { quote: (typed) => `\`${typed.replaceAll('`', 'ˋ')}\``, text: escapeMarkdown };
const TERMINAL_STYLE: Style = { quote: (typed) => `“${typed}”`, text: (data) => data };

export function renderInsights(result: InsightsResult): DiscordMessage {
  // Embeds share Discord's 6000 characters per message; each section gets an equal part.
  const share = Math.floor((DISCORD_LIMITS.embedTotal - 200) / SECTION_COUNT);
  const embeds = sectionsOf(result.summary, DISCORD_STYLE).map((section) => ({
    title: section.title,
    description: fitLines(section.lines, Math.min(share - section.title.length, DISCORD_LIMITS.embedDescription)),
    color: 0x9ca3af,
  }));
  const csv = result.rows && fittingCsv(result.rows);
  const cut = csv && csv.rows < result.rows!.length ? ` The CSV has the latest ${csv.rows} of ${result.rows!.length} answers (upload limit).` : '';
  return {
    content: truncate(headline(result) + cut, DISCORD_LIMITS.content),
    embeds,
    components: [],
    ...(csv ? { files: [{ name: `insights-${result.days}d.csv`, data: csv.data }] } : {}),
    allowed_mentions: { parse: [], users: [] },
  };
}

/** The CSV of the latest rows that fit in CSV_MAX_BYTES (all of them, usually). */
function fittingCsv(rows: readonly InsightsRow[]): { data: string; rows: number } {
  let kept = rows;
  let data = insightsCsv(kept);
  while (Buffer.byteLength(data) > CSV_MAX_BYTES) {
    kept = kept.slice(Math.ceil(kept.length / 4));
    data = insightsCsv(kept);
  }
  return { data, rows: kept.length };
}

export function renderInsightsTerminal(result: InsightsResult): string {
  const sections = sectionsOf(result.summary, TERMINAL_STYLE).map((s) => [`== ${s.title} ==`, ...s.lines.map((l) => `  ${l}`)].join('\n'));
  return `${[headline(result), ...sections].join('\n\n')}\n`;
}

/** One row per answer; a cell a spreadsheet would run as a formula is quoted as text. */
export function insightsCsv(rows: readonly InsightsRow[]): string {
  const header = ['time', 'guild', 'source', 'command', 'query', 'status', 'missing', 'citations', 'helpful', 'not_helpful'];
  const lines = rows.map((r) =>
    [r.time, r.guild ?? '', r.source, r.command, r.query, r.status, r.missing.join(' '), r.citations.join(' '), r.helpful, r.notHelpful]
      .map((cell) => csvCell(String(cell)))
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function headline({ summary: s, days }: InsightsResult): string {
  const votes = s.helpful + s.notHelpful;
  const rate = votes ? ` (${Math.round((100 * s.helpful) / votes)}% helpful)` : '';
  return (
    `Insights, last ${days} day${days === 1 ? '' : 's'}: ${s.questions} questions: ${s.answered} answered, ` +
    `${s.partial} answered partly, ${s.declined} declined. Votes: ${s.helpful} helpful, ${s.notHelpful} not helpful${rate}.`
  );
}

function sectionsOf(s: InsightsSummary, style: Style): Section[] {
  const none = (lines: string[]) => (lines.length ? lines : ['none']);
  // A command run without text (/sources, /guarantees) is listed by its name alone.
  const asked = (q: Question) => `${q.count}× /${style.text(q.command)}${q.query ? ` ${style.quote(truncate(q.query, QUESTION_MAX))}` : ''}`;
  const list = (words: string[]) => style.text(words.join(', '));
  return [
    {
      title: 'Questions the reports could not answer',
      lines: none(s.unanswered.map((q) => `${asked(q)}${q.missing.length ? ` · missing: ${list(q.missing)}` : ''}`)),
    },
    { title: 'Words the reports lack', lines: none(s.missingWords.map((w) => `${style.text(w.word)} (${w.count})`)) },
    {
      title: 'Answers voted not helpful',
      lines: none(
        s.votedDown.map((q) => `${q.notHelpful} not helpful, ${q.helpful} helpful: ${asked(q)} · cited ${list(q.citations.map(paragraphOf)) || 'nothing'}`),
      ),
    },
    { title: 'Most asked', lines: none(s.mostAsked.map(asked)) },
    { title: 'Most cited reports', lines: none(s.mostCited.map((r) => `${style.text(r.reportId)} (${r.count})`)) },
  ];
}

/** `report#3` as `report ¶3`, as answers cite it. */
function paragraphOf(passageId: string): string {
  return passageId.replace(/#(\d+)$/, ' ¶$1');
}

/** As many whole lines as fit in `max` characters, saying how many were left out. */
function fitLines(lines: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const more = `… and ${lines.length - index} more`;
    if (length + line.length + 1 > max - more.length) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}
