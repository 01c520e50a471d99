import { commands } from '../commands/index.ts';
import type { Choice, Command, CommandInput } from '../commands/command.ts';
import { commandOf } from '../commands/topic.ts';
import type { Answer } from './answer.ts';
import { CorpusError } from './corpus/load.ts';
import { buildLibrary, type BuildSettings } from './engine/build.ts';
import { LocalEngine, type Engine, type LibraryInfo } from './engine/engine.ts';
import { WorkerEngine } from './engine/worker-engine.ts';
import type { Logger } from './log.ts';

export interface DossierSettings extends BuildSettings {
  /** Build and serve the library in a worker thread, so the event loop stays free. Default false. */
  worker?: boolean;
}

/** What a reload did: the corpus swapped in, or the reason it was refused (the old one keeps serving). */
export type ReloadOutcome =
  | { ok: true; added: string[]; removed: string[]; changed: string[]; reports: number; passages: number; ms: number }
  | { ok: false; file: string; reason: string; ms: number };

/**
 * The bot's one source of answers, shared by every transport: holds the current library (in an
 * engine: this thread or a worker) and runs commands against it. Every command's answer, or its
 * usage error, comes back as an Answer.
 */
export class Dossier {
  private reloading: Promise<ReloadOutcome> | undefined;

  private constructor(
    private current: Engine,
    private readonly corpusDir: string,
    private readonly logger: Logger,
    private readonly settings: DossierSettings,
  ) {}

  /** Loads and indexes a corpus folder. Throws CorpusError naming the file when a report is bad. */
  static async open(corpusDir: string, logger: Logger, settings: DossierSettings = {}): Promise<Dossier> {
    let dossier: Dossier | undefined;
    const engine = await openEngine(corpusDir, logger, settings, (error) => dossier?.recover(error));
    dossier = new Dossier(engine, corpusDir, logger, settings);
    return dossier;
  }

  /** The current library's reports, topics and size. */
  get info(): LibraryInfo {
    return this.current.info;
  }

  /** A fixed command, or a topic command of the current corpus. */
  command(name: string): Command | undefined {
    const topic = this.current.info.topics.find((t) => t.name === name);
    return commands.get(name) ?? (topic ? commandOf(topic) : undefined);
  }

  /** Every command the current corpus answers. */
  allCommands(): Command[] {
    return [...commands.values(), ...this.current.info.topics.map(commandOf)];
  }

  /** Runs a command by name. Unknown commands and bad input give an Answer with `error`. */
  async answer(command: string, input: CommandInput): Promise<Answer> {
    const started = performance.now();
    // One library for the whole answer, even if a reload swaps it meanwhile.
    const answer = await this.current.answer(command, input);
    this.logger.debug(
      { command, ms: +(performance.now() - started).toFixed(2), citations: answer.citations.length, answered: answer.answered },
      'answered',
    );
    return answer;
  }

  /** Suggestions for the option being typed (limits are applied by the transport). */
  autocomplete(command: string, option: { name: string; value: string }): Promise<Choice[]> {
    return this.current.autocomplete(command, option);
  }

  /**
   * Reloads the corpus folder. Everything is validated and indexed before the new library replaces
   * the old one in a single assignment; a bad report leaves the old library serving, and answers in
   * flight finish on the old one. Requests that arrive while a reload runs share it.
   */
  reload(): Promise<ReloadOutcome> {
    this.reloading ??= this.rebuild().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  close(): Promise<void> {
    return this.current.close();
  }

  /** The library's worker died (out of memory, a bug): start a new one rather than fail every answer. */
  private recover(error: Error): void {
    this.logger.error({ err: error }, 'library worker died; reloading the library');
    void this.reload().then(
      (outcome) => this.logger.info({ outcome }, 'library reloaded after the worker died'),
      (reloadError: unknown) => this.logger.error({ err: reloadError }, 'could not reload the library'),
    );
  }

  private async rebuild(): Promise<ReloadOutcome> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let next: Engine;
    try {
      next = await openEngine(this.corpusDir, this.logger, this.settings, (error) => this.recover(error));
    } catch (error) {
      if (error instanceof CorpusError) return { ok: false, file: error.file, reason: error.reason, ms: ms() };
      throw error;
    }
    const previous = this.current;
    this.current = next;
    void previous.close();
    return { ok: true, ...compareReports(previous.info, next.info), reports: next.info.reports.length, passages: next.info.passages, ms: ms() };
  }
}

async function openEngine(corpusDir: string, logger: Logger, settings: DossierSettings, onCrash: (error: Error) => void): Promise<Engine> {
  return settings.worker
    ? WorkerEngine.start(corpusDir, settings, logger, onCrash)
    : new LocalEngine(await buildLibrary(corpusDir, settings, logger));
}

/** Report ids added, removed and changed (any metadata or paragraph) between two libraries. */
function compareReports(before: LibraryInfo, after: LibraryInfo) {
  const old = new Map(before.reports.map((r) => [r.id, r.fingerprint]));
  const now = new Map(after.reports.map((r) => [r.id, r.fingerprint]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)),
  };
}
