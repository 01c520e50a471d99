import type { Answer, Citation, CommandName, ReportSummary } from '../answer.ts';

/** Wording shared by every rendering (Discord, terminal), so they say the same thing. */

export const SHORTENED_NOTE = 'shortened: […] marks text left out';

/** "Title, Author (Outlet), 2024-03-01, ¶3" with whatever the report gives. */
export function describeSource(citation: Citation): string {
  return [citation.title, byline(citation), citation.published, citation.details ? 'report details' : `¶${citation.paragraph}`].filter(Boolean).join(', ');
}

/** "Jane Roe (The Daily)", "Jane Roe", "(The Daily)" or "". */
function byline(source: { author?: string; outlet?: string }): string {
  return [source.author, source.outlet ? `(${source.outlet})` : undefined].filter(Boolean).join(' ');
}

/** What the user's text was, by command: "Question", "Speaker", "Topic"... */
export function questionLabel(command: CommandName): string {
  switch (command) {
    case 'who-said':
      return 'Speaker';
    case 'compare':
      return 'Topic';
    case 'sources':
      return 'Sources';
    case 'ask':
      return 'Question';
    default:
      return command.charAt(0).toUpperCase() + command.slice(1);
  }
}

/** A per-citation heading where the command gives one (who-said: who, and through which outlet). */
export function headingOf(command: CommandName, citation: Citation): string | undefined {
  if (command === 'who-said' && citation.speaker) {
    return citation.via ? `${citation.speaker} (via ${citation.via})` : citation.speaker;
  }
  return undefined;
}

/** A line saying what kind of answer this is, where it is not the usual one ("X is mentioned but not quoted"). */
export function statusNote(answer: Answer): string | undefined {
  switch (answer.status) {
    case 'mentioned-not-quoted':
      return `The reports mention “${answer.query}” but do not quote them. The passages that mention them:`;
    case 'partial':
      return 'Closest passages; the reports may not answer this exactly.';
    default:
      return undefined;
  }
}

/** The polite "not in the reports" line, with suggestions when there are any. */
export function notAnsweredText(answer: Answer): string {
  const suggestions = answer.suggestions?.length ? ` Did you mean: ${answer.suggestions.join(', ')}?` : '';
  return `${whyNotAnswered(answer)}${suggestions} Use /sources to see what the reports are about.`;
}

function whyNotAnswered(answer: Answer): string {
  if (answer.command === 'who-said') return `The reports quote no one matching “${answer.query}”.`;
  if (answer.aboutAsker) return 'That asks for advice or help for you, not about the reports, so there is nothing to quote.';
  if (answer.missing?.length) return `The reports never mention ${listOf(answer.missing.map((w) => `“${w}”`))}, so there is nothing to quote.`;
  return "The reports don't cover this, so there is nothing to quote.";
}

/** "a", "a or b", "a, b or c". */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** "Jane Roe (The Daily), 2024-03-01, 8 paragraphs" with whatever the report gives. */
export function describeReport(report: ReportSummary): string {
  const count = `${report.paragraphs} paragraph${report.paragraphs === 1 ? '' : 's'}`;
  return [byline(report), report.published, count].filter(Boolean).join(', ');
}
