import { commands } from '../commands/index.ts';
import type { Command, CommandInput } from '../commands/command.ts';
import { topicCommand } from '../commands/topic.ts';
import { UsageError, type Answer } from './answer.ts';
import { CorpusError, loadCorpus, type Corpus } from './corpus/load.ts';
import type { Report } from './corpus/report.ts';
import type { Logger } from './log.ts';
import { Library, type LibraryOptions } from './search/library.ts';
import { readSnapshot, snapshotFile, snapshotKey, writeSnapshot } from './search/snapshot.ts';

export interface DossierSettings {
  library?: Partial<LibraryOptions>;
  /** Folder for snapshots of built libraries (fast start-up when the corpus is unchanged). Default: none. */
  cacheDir?: string;
}

/** What a reload did: the corpus swapped in, or the reason it was refused (the old one keeps serving). */
export type ReloadOutcome =
  | { ok: true; added: string[]; removed: string[]; changed: string[]; reports: number; passages: number; ms: number }
  | { ok: false; file: string; reason: string; ms: number };

/**
 * The bot's one source of answers, shared by every transport: holds the current library and runs
 * commands against it. Every command's answer, or its usage error, comes back as an Answer.
 */
export class Dossier {
  private reloading: Promise<ReloadOutcome> | undefined;

  constructor(
    private current: Library,
    private readonly corpusDir: string,
    private readonly logger: Logger,
    private readonly settings: DossierSettings = {},
  ) {}

  /** Loads and indexes a corpus folder. Throws CorpusError naming the file when a report is bad. */
  static async open(corpusDir: string, logger: Logger, settings: DossierSettings = {}): Promise<Dossier> {
    return new Dossier(await buildLibrary(corpusDir, logger, settings), corpusDir, logger, settings);
  }

  get library(): Library {
    return this.current;
  }

  /** A fixed command, or a topic command of the current corpus. */
  command(name: string): Command | undefined {
    return commands.get(name) ?? topicCommand(this.current, name);
  }

  /** Every command the current corpus answers. */
  allCommands(): Command[] {
    return [...commands.values(), ...this.current.topics.map((t) => topicCommand(this.current, t.name)!)];
  }

  /**
   * Runs a command by name. Unknown commands and bad input give an Answer with `error`. Async so
   * that transports already treat answering as work that may take time (and defer when it does).
   */
  async answer(command: string, input: CommandInput): Promise<Answer> {
    // One library for the whole answer, even if a reload swaps it meanwhile.
    const library = this.current;
    const definition = this.command(command);
    if (!definition) {
      const known = this.allCommands().map((c) => c.definition.name).join(', ');
      return failed(command, input.query, `Unknown command "${command}". Commands: ${known}.`);
    }
    const started = performance.now();
    try {
      const answer = definition.run(library, input);
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

  /**
   * Reloads the corpus folder. Everything is validated and indexed before the new library replaces
   * the old one in a single assignment; a bad report leaves the old library serving. Requests that
   * arrive while a reload runs share it.
   */
  reload(): Promise<ReloadOutcome> {
    this.reloading ??= this.rebuild().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async rebuild(): Promise<ReloadOutcome> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let next: Library;
    try {
      next = await buildLibrary(this.corpusDir, this.logger, this.settings);
    } catch (error) {
      if (error instanceof CorpusError) return { ok: false, file: error.file, reason: error.reason, ms: ms() };
      throw error;
    }
    const changes = compareReports(this.current.reports, next.reports);
    this.current = next;
    return { ok: true, ...changes, reports: next.reports.length, passages: next.passages.length, ms: ms() };
  }
}

function failed(command: string, query: string, error: string): Answer {
  return { command, query, answered: false, citations: [], error };
}

/** Report ids added, removed and changed (any metadata or paragraph) between two corpora. */
function compareReports(before: readonly Report[], after: readonly Report[]) {
  const content = (r: Report) => JSON.stringify({ ...r, file: undefined });
  const old = new Map(before.map((r) => [r.id, content(r)]));
  const now = new Map(after.map((r) => [r.id, content(r)]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)),
  };
}

async function buildLibrary(corpusDir: string, logger: Logger, settings: DossierSettings): Promise<Library> {
  const corpus = await loadCorpus(corpusDir);
  for (const warning of corpus.warnings) logger.warn({ corpus: corpus.dir }, warning);
  const library = settings.cacheDir ? await cachedLibrary(corpus, settings.cacheDir, settings.library ?? {}, logger) : new Library(corpus, settings.library);
  logger.debug(
    { reports: library.reports.length, passages: library.passages.length, ms: +library.buildMs.toFixed(1), restored: library.restored },
    'library built',
  );
  return library;
}

/** The library from its snapshot when the corpus is unchanged; otherwise built, and saved for next time. */
async function cachedLibrary(corpus: Corpus, cacheDir: string, options: Partial<LibraryOptions>, logger: Logger): Promise<Library> {
  const file = snapshotFile(cacheDir, corpus.dir);
  const key = snapshotKey(corpus, options);
  const read = await readSnapshot(file, key);
  if ('snapshot' in read) {
    try {
      return new Library(corpus, options, read.snapshot);
    } catch (error) {
      logger.warn({ file, reason: (error as Error).message }, 'snapshot unusable; rebuilding');
    }
  } else if ('corrupt' in read) {
    logger.warn({ file, reason: read.corrupt }, 'snapshot unreadable; rebuilding');
  }
  const library = new Library(corpus, options);
  try {
    const bytes = await writeSnapshot(file, key, library.toSnapshot());
    logger.debug({ file, bytes }, 'snapshot saved');
  } catch (error) {
    // A read-only disk costs start-up time next time, nothing else.
    logger.warn({ file, reason: (error as Error).message }, 'could not save the snapshot');
  }
  return library;
}
