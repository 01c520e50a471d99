import { UsageError, type Answer } from '../src/answer.ts';
import type { Library } from '../src/search/library.ts';
import type { Command, CommandInput } from './command.ts';

/** At most this many passages answer a question. */
export const MAX_ASK_CITATIONS = 3;

export function ask(library: Library, input: CommandInput): Answer {
  const question = input.query.trim();
  if (!question) {
    throw new UsageError('Please type a question, for example: What security guarantees does Ukraine want?');
  }
  const { hits } = library.search(question, { limit: MAX_ASK_CITATIONS });
  return {
    command: 'ask',
    query: question,
    answered: hits.length > 0,
    citations: hits.map((hit) => library.citeHit(hit)),
  };
}

export const askCommand: Command = {
  name: 'ask',
  description: 'Ask a question; the answer quotes the reports.',
  run: ask,
};
