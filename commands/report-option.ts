import { UsageError } from '../src/answer.ts';
import type { Report } from '../src/corpus/report.ts';
import type { Library } from '../src/search/library.ts';
import { MAX_CHOICES } from './choices.ts';
import type { Choice } from './command.ts';

/**
 * The `report`, `first` and `second` options: a report named by its id (what autocomplete sends) or
 * by (part of) its title.
 */
export function findReport(library: Library, name: string): Report {
  const wanted = name.trim();
  const byId = library.report(wanted);
  if (byId) return byId;
  const lower = wanted.toLowerCase();
  const matches = library.reports.filter((r) => r.title.toLowerCase() === lower);
  const partial = matches.length ? matches : library.reports.filter((r) => r.title.toLowerCase().includes(lower));
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) {
    throw new UsageError(`“${wanted}” matches ${partial.length} reports; pick one from the list: ${partial.map((r) => r.title).join('; ')}.`);
  }
  throw new UsageError(`No report matches “${wanted}”. Use /sources to list the reports.`);
}

/** Reports whose title or id contains what has been typed: shown by title, sent by id. */
export function reportChoices(reports: ReadonlyArray<Pick<Report, 'id' | 'title'>>, typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase();
  return reports
    .filter((r) => !wanted || r.title.toLowerCase().includes(wanted) || r.id.includes(wanted))
    .slice(0, MAX_CHOICES)
    .map((r) => ({ name: r.title, value: r.id }));
}
