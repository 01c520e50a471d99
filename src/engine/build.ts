import { existsSync, realpathSync } from 'node:fs';
import { loadCorpus, type Corpus } from '../corpus/load.ts';
import { Library, type LibraryOptions } from '../search/library.ts';
import { readSnapshot, snapshotFile, snapshotKey, writeSnapshot } from '../search/snapshot.ts';
import { StatementWorker } from '../search/statements.ts';
import { wordNet } from '../search/wordnet.ts';

/** Where a build reports what it noticed (a pino logger, or a worker forwarding to one). */
export interface BuildLog {
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

export interface BuildSettings {
  library?: Partial<LibraryOptions>;
  /** Folder for snapshots of built libraries (fast start-up when the corpus is unchanged). Default: none. */
  cacheDir?: string;
}

/** Loads a corpus folder and builds its library, or restores it from a snapshot when unchanged. */
export async function buildLibrary(corpusDir: string, settings: BuildSettings, log: BuildLog): Promise<Library> {
  const options = settings.library ?? {};
  // A large corpus's statement worker starts as soon as the loading has read enough paragraphs, so
  // that its start-up overlaps the rest of the loading; not when a snapshot is likely to be restored.
  let worker: StatementWorker | undefined;
  const mayRestore = settings.cacheDir !== undefined && existsSync(snapshotFile(settings.cacheDir, realDir(corpusDir)));
  const startWorker = (paragraphs: number) => {
    if (!worker && Library.sharesItsBuild(paragraphs, options)) worker = new StatementWorker();
  };
  let corpus: Corpus;
  try {
    corpus = await loadCorpus(corpusDir, mayRestore ? undefined : startWorker);
  } catch (error) {
    worker?.stop();
    throw error;
  }
  for (const warning of corpus.warnings) log.warn({ corpus: corpus.dir }, warning);
  const library = settings.cacheDir ? await cachedLibrary(corpus, settings.cacheDir, options, log, worker) : await Library.build(corpus, options, worker);
  // Read just after start-up rather than at the first question that needs it (a fresh install
  // parses it: about two seconds), and not during start-up, which it would lengthen.
  setImmediate(wordNet);
  log.debug(
    { reports: library.reports.length, passages: library.passages.length, ms: +library.buildMs.toFixed(1), restored: library.restored },
    'library built',
  );
  return library;
}

/** The folder's real path (as `loadCorpus` names it), or the path as given when it is not there. */
function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

async function cachedLibrary(corpus: Corpus, cacheDir: string, options: Partial<LibraryOptions>, log: BuildLog, worker?: StatementWorker): Promise<Library> {
  const file = snapshotFile(cacheDir, corpus.dir);
  const key = snapshotKey(corpus, options);
  const read = await readSnapshot(file, key);
  if ('snapshot' in read) {
    try {
      const restored = new Library(corpus, options, read.snapshot);
      worker?.stop();
      return restored;
    } catch (error) {
      log.warn({ file, reason: (error as Error).message }, 'snapshot unusable; rebuilding');
    }
  } else if ('corrupt' in read) {
    log.warn({ file, reason: read.corrupt }, 'snapshot unreadable; rebuilding');
  }
  const library = await Library.build(corpus, options, worker);
  try {
    const bytes = await writeSnapshot(file, key, library.toSnapshot());
    log.debug({ file, bytes }, 'snapshot saved');
  } catch (error) {
    // A read-only disk costs start-up time next time, nothing else.
    log.warn({ file, reason: (error as Error).message }, 'could not save the snapshot');
  }
  return library;
}
