import { commands } from '../commands/index.ts';
import type { Command, CommandInput } from '../commands/command.ts';
import { topicCommand } from '../commands/topic.ts';
import { UsageError, type Answer } from './answer.ts';
import { loadCorpus } from './corpus/load.ts';
import type { Logger } from './log.ts';
import { Library, type LibraryOptions } from './search/library.ts';

/**
 * The bot's one source of answers, shared by every transport: holds the current library and runs
 * commands against it. Every command's answer, or its usage error, comes back as an Answer.
 */
export class Dossier {
  constructor(
    private current: Library,
    private readonly logger: Logger,
  ) {}

  /** Loads and indexes a corpus folder. Throws CorpusError naming the file when a report is bad. */
  static async open(corpusDir: string, logger: Logger, options?: Partial<LibraryOptions>): Promise<Dossier> {
    return new Dossier(await buildLibrary(corpusDir, logger, options), logger);
  }

  get library(): Library {
    return this.current;
  }

  /** A fixed command, or a topic command of the current corpus. */
  command(name: string): Command | undefined {
    return commands.get(name) ?? topicCommand(this.current, name);
  }

  /** Names of every command the current corpus answers. */
  commandNames(): string[] {
    return [...commands.keys(), ...this.current.topics.map((t) => t.name)];
  }

  /** Runs a command by name. Unknown commands and bad input give an Answer with `error`. */
  answer(command: string, input: CommandInput): Answer {
    const definition = this.command(command);
    if (!definition) {
      const known = this.commandNames().join(', ');
      return failed(command, input.query, `Unknown command "${command}". Commands: ${known}.`);
    }
    const started = performance.now();
    try {
      const answer = definition.run(this.current, input);
      this.logger.debug(
        { command, ms: +(performance.now() - started).toFixed(2), citations: answer.citations.length, answered: answer.answered },
        'answered',
      );
      return answer;
    } catch (error) {
      if (error instanceof UsageError) return failed(command, input.query, error.message);
      throw error;
    }
  }
}

function failed(command: string, query: string, error: string): Answer {
  return { command, query, answered: false, citations: [], error };
}

async function buildLibrary(corpusDir: string, logger: Logger, options?: Partial<LibraryOptions>): Promise<Library> {
  const corpus = await loadCorpus(corpusDir);
  for (const warning of corpus.warnings) logger.warn({ corpus: corpus.dir }, warning);
  const library = new Library(corpus, options);
  logger.debug(
    { reports: library.reports.length, passages: library.passages.length, ms: +library.buildMs.toFixed(1) },
    'library built',
  );
  return library;
}
