import { UsageError, type Answer, type CompareSide } from '../src/answer.ts';
import type { Hit, Library } from '../src/search/library.ts';
import type { Command, CommandInput } from './command.ts';
import { slashCommand, withAnswerOptions } from './options.ts';
import { findReport, reportChoices } from './report-option.ts';

/** At most this many passages per report. */
export const MAX_PASSAGES_PER_SIDE = 2;
/** Without report options, a corpus of more reports than this is compared by the ones that cover the topic best. */
export const MAX_COMPARED_REPORTS = 10;

/**
 * How each report covers a topic: its best passages, or `covered: false` when the same relevance
 * rule that makes `ask` decline finds nothing in it.
 */
export function compare(library: Library, input: CommandInput): Answer {
  const topic = input.query.trim();
  if (!topic) throw new UsageError('Please give a topic to compare, for example: NATO membership');
  const chosen = [input.options?.first, input.options?.second].filter((v): v is string => !!v?.trim());
  const reports = chosen.length ? [...new Map(chosen.map((name) => findReport(library, name)).map((r) => [r.id, r])).values()] : library.reports;

  // A large corpus is compared by the reports that cover the topic best, not all of them.
  const best = !chosen.length && reports.length > MAX_COMPARED_REPORTS;
  // One search for all reports, at most two passages each: the cost does not grow with the report count.
  const { hits } = library.search(topic, {
    ...(chosen.length ? { reportIds: reports.map((r) => r.id) } : {}),
    perReport: MAX_PASSAGES_PER_SIDE,
    limit: (best ? MAX_COMPARED_REPORTS : reports.length) * MAX_PASSAGES_PER_SIDE,
  });
  const byReport = new Map<string, Hit[]>();
  for (const hit of hits) byReport.set(hit.report.id, [...(byReport.get(hit.report.id) ?? []), hit]);
  const compared = best ? [...byReport.values()].slice(0, MAX_COMPARED_REPORTS).map((found) => found[0]!.report) : reports;
  const sides: CompareSide[] = compared.map((report) => {
    const found = byReport.get(report.id) ?? [];
    return { reportId: report.id, title: report.title, covered: found.length > 0, citations: found.map((hit) => library.citeHit(hit)) };
  });
  return {
    command: 'compare',
    query: topic,
    answered: sides.some((side) => side.covered),
    citations: sides.flatMap((side) => side.citations),
    sides,
  };
}

export const compareCommand: Command = {
  definition: withAnswerOptions(
    slashCommand('compare', 'Compare how the reports cover a topic, side by side')
      .addStringOption((o) => o.setName('topic').setDescription('The topic, e.g. NATO membership').setRequired(true).setMaxLength(200))
      .addStringOption((o) => o.setName('first').setDescription('A report to compare (default: all)').setAutocomplete(true))
      .addStringOption((o) => o.setName('second').setDescription('Another report to compare').setAutocomplete(true)),
  ).toJSON(),
  queryOption: 'topic',
  options: ['first', 'second'],
  run: compare,
  autocomplete: (library, option) => reportChoices(library.reports, option.value),
};
