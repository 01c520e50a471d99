import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Answer } from '../src/answer.ts';
import type { Library } from '../src/search/library.ts';

/** What a transport (Discord, mention, CLI) hands a command: the main text and named options. */
export interface CommandInput {
  /** The command's main text: the question, speaker, topic, party or report. May be empty. */
  query: string;
  options?: Readonly<Record<string, string | undefined>>;
  /**
   * The longest `query` the transport accepts; longer is a usage error. Default: the slash
   * option's own limit (a mention's text may be longer: MAX_MENTION_LENGTH).
   */
  maxLength?: number;
}

/** Longest text a mention may carry to a command: Discord's message limit (with Nitro). */
export const MAX_MENTION_LENGTH = 4000;

/** An autocomplete suggestion: shown `name`, sent `value` (each 1-100 characters; see choices.ts). */
export interface Choice {
  name: string;
  value: string;
}

/**
 * One command. The same `run` answers a slash command, a mention and the CLI; `definition` is the
 * slash command Discord registers, and `autocomplete` suggests values for its options.
 */
export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** The slash option that carries `CommandInput.query`. */
  queryOption?: string;
  /** Other text options, passed in `CommandInput.options` (also CLI flags and batch `options`). */
  options?: readonly string[];
  run(library: Library, input: CommandInput): Answer;
  /** Suggestions for the option being typed; at most 25, limits applied by the caller. */
  autocomplete?(library: Library, option: { name: string; value: string }): Choice[];
}
