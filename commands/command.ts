import type { Answer } from '../src/answer.ts';
import type { Library } from '../src/search/library.ts';

/** What a transport (Discord, mention, CLI) hands a command: the main text and named options. */
export interface CommandInput {
  /** The command's main text: the question, speaker, topic, party or report. May be empty. */
  query: string;
  options?: Readonly<Record<string, string | undefined>>;
}

/** One command: the same logic answers a slash command, a mention and the CLI. */
export interface Command {
  name: string;
  description: string;
  /** Names of the command's options besides its main text (CLI flags, batch `options`). */
  options?: readonly string[];
  run(library: Library, input: CommandInput): Answer;
}
