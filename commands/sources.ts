import { summaryOf, type Answer } from '../src/answer.ts';
import { toPassages } from '../src/corpus/report.ts';
import type { Library } from '../src/search/library.ts';
import type { Command, CommandInput } from './command.ts';
import { slashCommand, withAnswerOptions } from './options.ts';
import { findReport, reportChoices } from './report-option.ts';

/** The reports in the corpus; with a report named, its details and first paragraph. */
export function sources(library: Library, input: CommandInput): Answer {
  const name = input.query.trim();
  if (!name) {
    return { command: 'sources', query: '', answered: library.reports.length > 0, citations: [], reports: library.reports.map(summaryOf) };
  }
  const report = findReport(library, name);
  const first = toPassages(report)[0]!;
  return {
    command: 'sources',
    query: name,
    answered: true,
    citations: [library.cite(first, [])],
    reports: [summaryOf(report)],
  };
}

export const sourcesCommand: Command = {
  definition: withAnswerOptions(
    slashCommand('sources', 'List the reports, or show one report’s details and first paragraph').addStringOption((o) =>
      o.setName('report').setDescription('A report to show').setAutocomplete(true),
    ),
  ).toJSON(),
  queryOption: 'report',
  run: sources,
  autocomplete: (library, option) => reportChoices(library.reports, option.value),
};
