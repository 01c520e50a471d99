import { createHash } from 'node:crypto';
import { commands } from '../../commands/index.ts';
import { MAX_MENTION_LENGTH, type Choice, type Command, type CommandInput } from '../../commands/command.ts';
import { topicCommand } from '../../commands/topic.ts';
import { errorAnswer, UsageError, type Answer } from '../answer.ts';
import type { Topic } from '../corpus/topic.ts';
import type { Library } from '../search/library.ts';

/**
 * Where a library lives and answers: in this thread (LocalEngine) or in a worker thread
 * (WorkerEngine), so a big index can be built and queried without blocking the bot's event loop.
 */
export interface Engine {
  readonly info: LibraryInfo;
  answer(command: string, input: CommandInput): Promise<Answer>;
  autocomplete(command: string, option: { name: string; value: string }): Promise<Choice[]>;
  /** Finishes the requests in flight, then frees the library. */
  close(): Promise<void>;
}

/** What the transports need to know of a library without holding it (plain data). */
export interface LibraryInfo {
  reports: Array<{ id: string; title: string; file: string; fingerprint: string }>;
  topics: Topic[];
  passages: number;
  restored: boolean;
  buildMs: number;
}

export function infoOf(library: Library): LibraryInfo {
  return {
    reports: library.reports.map((r) => ({
      id: r.id,
      title: r.title,
      file: r.file,
      fingerprint: createHash('sha1').update(JSON.stringify({ ...r, file: undefined })).digest('hex'),
    })),
    topics: [...library.topics],
    passages: library.passages.length,
    restored: library.restored,
    buildMs: library.buildMs,
  };
}

/** A fixed command, or a topic command of this library. */
export function findCommand(library: Library, name: string): Command | undefined {
  return commands.get(name) ?? topicCommand(library, name);
}

/** Runs a command; unknown commands and bad input give an Answer with `error`. */
export function runCommand(library: Library, command: string, input: CommandInput): Answer {
  const definition = findCommand(library, command);
  if (!definition) {
    const known = [...commands.keys(), ...library.topics.map((t) => t.name)].join(', ');
    return errorAnswer(command, input.query, `Unknown command "${command}". Commands: ${known}.`);
  }
  try {
    const limit = input.maxLength ?? queryLimit(definition);
    if (input.query.length > limit) throw new UsageError(`That is ${input.query.length} characters; please keep it to ${limit}.`);
    return definition.run(library, input);
  } catch (error) {
    if (error instanceof UsageError) return errorAnswer(command, input.query, error.message);
    throw error;
  }
}

/** The slash option's own length limit for a command's query, else a mention's. */
function queryLimit(command: Command): number {
  const option = command.definition.options?.find((o) => o.name === command.queryOption);
  return (option && 'max_length' in option ? option.max_length : undefined) ?? MAX_MENTION_LENGTH;
}

export function suggest(library: Library, command: string, option: { name: string; value: string }): Choice[] {
  return findCommand(library, command)?.autocomplete?.(library, option) ?? [];
}

/** The library in this thread: for the CLI, tests, and small corpora. */
export class LocalEngine implements Engine {
  readonly info: LibraryInfo;

  constructor(readonly library: Library) {
    this.info = infoOf(library);
  }

  async answer(command: string, input: CommandInput): Promise<Answer> {
    return runCommand(this.library, command, input);
  }

  async autocomplete(command: string, option: { name: string; value: string }): Promise<Choice[]> {
    return suggest(this.library, command, option);
  }

  async close(): Promise<void> {}
}
