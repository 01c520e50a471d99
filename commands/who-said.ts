import { UsageError, type Answer, type Citation } from '../src/answer.ts';
import type { Library } from '../src/search/library.ts';
import type { Statement } from '../src/search/speakers.ts';
import type { Choice, Command, CommandInput } from './command.ts';
import { slashCommand, withAnswerOptions } from './options.ts';

/** At most this many statements are listed (in report order); the answer says how many there are. */
export const MAX_STATEMENTS = 50;
/** How many "did you mean" speakers an unknown name gets. */
export const MAX_SUGGESTIONS = 5;

/** Every statement the reports attribute to a speaker, in report order, each with its paragraph. */
export function whoSaid(library: Library, input: CommandInput): Answer {
  const name = input.query.trim();
  if (!name) throw new UsageError('Please give a speaker, for example: Andrzej Duda, Western officials, the WSJ.');
  const statements = library.speakers.find(name);
  if (statements.length === 0) {
    return { command: 'who-said', query: name, answered: false, citations: [], suggestions: library.speakers.similar(name, MAX_SUGGESTIONS) };
  }
  const terms = library.analyzer.terms(name);
  const shown = statements.slice(0, MAX_STATEMENTS);
  return {
    command: 'who-said',
    query: name,
    answered: true,
    citations: shown.map((s) => citeStatement(library, s, terms)),
    ...(statements.length > shown.length ? { total: statements.length } : {}),
  };
}

function citeStatement(library: Library, statement: Statement, terms: string[]): Citation {
  const passage = library.passage(statement.reportId, statement.paragraph)!;
  return { ...library.cite(passage, terms), speaker: statement.speaker, via: statement.via, statement: statement.statement };
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
