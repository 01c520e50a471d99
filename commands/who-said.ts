import { citationOf, UsageError, type Answer, type Citation } from '../src/answer.ts';
import type { Library } from '../src/search/library.ts';
import { passagesMentioning } from '../src/search/mentions.ts';
import type { FoundStatement, Statement } from '../src/search/speakers.ts';
import type { Choice, Command, CommandInput } from './command.ts';
import { slashCommand, withAnswerOptions } from './options.ts';

/** At most this many paragraphs are quoted (spread over reports, see spreadOverReports); the answer says how many there are. */
export const MAX_PARAGRAPHS = 50;
/** How many "did you mean" speakers an unknown name gets. */
export const MAX_SUGGESTIONS = 5;
/** How many passages are quoted for a name the reports mention but never quote. */
export const MAX_MENTIONS = 5;

/**
 * Every statement the reports attribute to a speaker, the person's own first, each paragraph
 * quoted once with the speaker's statements in it; for someone mentioned but never quoted, the
 * passages that mention them.
 */
export function whoSaid(library: Library, input: CommandInput): Answer {
  const name = input.query.trim();
  if (!name) throw new UsageError('Please give a speaker, for example: Andrzej Duda, Western officials, the WSJ.');
  const statements = library.speakers.find(name);
  if (statements.length === 0) return unquoted(library, name);
  const groups = byParagraph(statements);
  const shown = spreadOverReports(groups, (g) => g[0]!.reportId, MAX_PARAGRAPHS);
  return {
    command: 'who-said',
    query: name,
    answered: true,
    citations: shown.map((g) => citeStatements(library, g)),
    ...(groups.length > shown.length ? { total: groups.length } : {}),
  };
}

/** One speaker's statements in one paragraph belong to one citation; groups keep the order of their first statement. */
function byParagraph(statements: readonly FoundStatement[]): FoundStatement[][] {
  const groups = new Map<string, FoundStatement[]>();
  for (const s of statements) {
    const key = `${s.match}\u0000${s.reportId}\u0000${s.paragraph}\u0000${s.canonical}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}

/**
 * At most `limit` items covering as many reports as possible (each report's first, then each
 * one's second, …), kept in their order: someone quoted in hundreds of reports is shown in fifty
 * of them, not in the first few.
 */
export function spreadOverReports<T>(items: readonly T[], reportOf: (item: T) => string, limit: number): T[] {
  if (items.length <= limit) return [...items];
  const rank = new Map<string, number>();
  const rounds = items.map((item) => {
    const report = reportOf(item);
    const round = rank.get(report) ?? 0;
    rank.set(report, round + 1);
    return round;
  });
  const picked = items.map((_, k) => k).sort((a, b) => rounds[a]! - rounds[b]! || a - b).slice(0, limit);
  return picked.sort((a, b) => a - b).map((k) => items[k]!);
}

/** "X is mentioned but not quoted" with the passages naming X; else no answer, and names that look alike. */
function unquoted(library: Library, name: string): Answer {
  const mentions = passagesMentioning(library, name, MAX_MENTIONS);
  if (mentions.length > 0) {
    return { command: 'who-said', query: name, answered: true, status: 'mentioned-not-quoted', citations: mentions.map((hit) => library.citeHit(hit)) };
  }
  return { command: 'who-said', query: name, answered: false, citations: [], suggestions: library.speakers.similar(name, MAX_SUGGESTIONS) };
}

/** The paragraph, with the speaker's statements in it as its highlights (what a shortened quote keeps). */
function citeStatements(library: Library, statements: readonly Statement[]): Citation {
  const [first] = statements;
  const passage = library.passage(first!.reportId, first!.paragraph)!;
  return {
    ...citationOf(library.report(first!.reportId)!, passage),
    highlights: statements.map((s) => [s.start, s.end]),
    speaker: first!.speaker,
    via: first!.via,
    statement: first!.statement,
    ...(statements.length > 1 ? { statements: statements.map((s) => s.statement) } : {}),
  };
}

/** Known speakers that contain what has been typed. */
function speakerChoices(library: Library, typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase();
  return library.speakers
    .names()
    .filter((name) => !wanted || name.toLowerCase().includes(wanted))
    .map((name) => ({ name, value: name }));
}

export const whoSaidCommand: Command = {
  definition: withAnswerOptions(
    slashCommand('who-said', 'What the reports quote someone as saying').addStringOption((o) =>
      o.setName('speaker').setDescription('A person, outlet or group, e.g. Andrzej Duda').setRequired(true).setMaxLength(100).setAutocomplete(true),
    ),
  ).toJSON(),
  queryOption: 'speaker',
  run: whoSaid,
  autocomplete: (library, option) => speakerChoices(library, option.value),
};
