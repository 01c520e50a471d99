import type { Answer, Citation } from '../answer.ts';
import { describeReport, describeSource, headingOf, notAnsweredText, questionLabel, statusNote } from './text.ts';

/** Plain text for a terminal: each quote verbatim in typographic quotes, then its source. */
export function renderTerminal(answer: Answer): string {
  if (answer.error) return `${answer.error}\n`;
  const more = answer.total ? ` (the first ${answer.citations.length} of ${answer.total})` : '';
  const lines = [`${questionLabel(answer.command)}: ${answer.query}`.trimEnd() + more, ''];
  for (const report of answer.reports ?? []) {
    lines.push(`- ${report.title} [${report.reportId}]`, `  ${describeReport(report)}${report.url ? ` <${report.url}>` : ''}`);
  }
  if (answer.reports?.length) lines.push('');
  const note = statusNote(answer);
  if (note) lines.push(note, '');
  if (!answer.answered) {
    lines.push(notAnsweredText(answer));
  } else if (answer.sides) {
    for (const side of answer.sides) {
      lines.push(`== ${side.title} ==`);
      if (!side.covered) lines.push('  Not covered by this report.');
      side.citations.forEach((c, i) => lines.push(...citationLines(answer, c, i)));
      lines.push('');
    }
  } else {
    if (answer.lead) lines.push(`Answer: “${answer.lead}”`, '');
    answer.citations.forEach((c, i) => lines.push(...citationLines(answer, c, i), ''));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A who-said citation quotes the statements themselves (a paragraph may hold many); anything else its paragraph. */
function citationLines(answer: Answer, citation: Citation, index: number): string[] {
  const heading = headingOf(answer.command, citation);
  const quotes = citation.statements ?? [citation.statement ?? citation.text];
  return [
    ...(heading ? [`[${index + 1}] ${heading}:`] : []),
    ...quotes.map((quote, k) => `${heading || k > 0 ? '    ' : `[${index + 1}] `}“${quote}”`),
    `    — ${describeSource(citation)}${citation.url ? ` <${citation.url}>` : ''}`,
  ];
}
