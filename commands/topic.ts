import { UsageError, type Answer } from '../src/answer.ts';
import type { Passage } from '../src/corpus/report.ts';
import type { Topic } from '../src/corpus/topic.ts';
import type { Library } from '../src/search/library.ts';
import type { Choice, Command, CommandInput } from './command.ts';
import { slashCommand, withAnswerOptions } from './options.ts';

/** Passages on a topic: those that contain at least `minMatch` of its phrases, in corpus order. */
export function topicPassages(library: Library, topic: Topic): Array<{ passage: Passage; matches: number }> {
  const counts = new Map<Passage, number>();
  for (const phrase of topic.terms) {
    for (const passage of library.containing(phrase)) counts.set(passage, (counts.get(passage) ?? 0) + 1);
  }
  return library.passages
    .filter((passage) => (counts.get(passage) ?? 0) >= topic.minMatch)
    .map((passage) => ({ passage, matches: counts.get(passage)! }));
}

/**
 * A topic command (defined as data in topics.yaml): every passage on the topic, grouped by report in
 * reading order, optionally narrowed to those that involve a party (matched with the aliases).
 */
export function runTopic(library: Library, topic: Topic, input: CommandInput): Answer {
  const party = input.query.trim();
  let found = topicPassages(library, topic);
  const partyTerms = library.analyzer.terms(party);
  if (party) {
    if (partyTerms.length === 0) throw new UsageError(`“${party}” is not a name I can look for; try a country or actor such as Germany.`);
    const involved = new Set(library.containing(party));
    found = found.filter(({ passage }) => involved.has(passage));
  }
  const terms = [...topic.terms.flatMap((t) => library.analyzer.terms(t)), ...partyTerms];
  return {
    command: topic.name,
    query: party,
    answered: found.length > 0,
    citations: found.map(({ passage, matches }) => library.cite(passage, terms, matches)),
  };
}

/** The command for a topic of the current corpus, or undefined when the corpus has no such topic. */
export function topicCommand(library: Library, name: string): Command | undefined {
  const topic = library.topics.find((t) => t.name === name);
  return topic ? commandOf(topic) : undefined;
}

/** A topic as a command: `/<name> [party]`. */
export function commandOf(topic: Topic): Command {
  return {
    definition: withAnswerOptions(
      slashCommand(topic.name, topic.description).addStringOption((o) =>
        o.setName('party').setDescription('Only passages that involve this country or actor').setMaxLength(100).setAutocomplete(true),
      ),
    ).toJSON(),
    queryOption: 'party',
    run: (library, input) => runTopic(library, topic, input),
    autocomplete: (library, option) => partyChoices(library, option.value),
  };
}

/** Names from the alias list that the corpus uses and that match what has been typed. */
function partyChoices(library: Library, typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase();
  return library.aliases
    .filter((group) => library.hasTerm(library.analyzer.terms(group[0]!)[0] ?? ''))
    .filter((group) => !wanted || group.some((name) => name.toLowerCase().includes(wanted)))
    .map((group) => ({ name: group[0]!, value: group[0]! }));
}
