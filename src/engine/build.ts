import { loadCorpus, type Corpus } from '../corpus/load.ts';
import { Library, type LibraryOptions } from '../search/library.ts';
import { readSnapshot, snapshotFile, snapshotKey, writeSnapshot } from '../search/snapshot.ts';
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
  const corpus = await loadCorpus(corpusDir);
  for (const warning of corpus.warnings) log.warn({ corpus: corpus.dir }, warning);
  const options = settings.library ?? {};
  const library = settings.cacheDir ? await cachedLibrary(corpus, settings.cacheDir, options, log) : await Library.build(corpus, options);
  // Read just after start-up rather than at the first question that needs it (a fresh install
  // parses it: about two seconds), and not during start-up, which it would lengthen.
  setImmediate(wordNet);
  log.debug(
    { reports: library.reports.length, passages: library.passages.length, ms: +library.buildMs.toFixed(1), restored: library.restored },
    'library built',
  );
  return library;
}

async function cachedLibrary(corpus: Corpus, cacheDir: string, options: Partial<LibraryOptions>, log: BuildLog): Promise<Library> {
  const file = snapshotFile(cacheDir, corpus.dir);
  const key = snapshotKey(corpus, options);
  const read = await readSnapshot(file, key);
  if ('snapshot' in read) {
    try {
      return new Library(corpus, options, read.snapshot);
    } catch (error) {
      log.warn({ file, reason: (error as Error).message }, 'snapshot unusable; rebuilding');
    }
  } else if ('corrupt' in read) {
    log.warn({ file, reason: read.corrupt }, 'snapshot unreadable; rebuilding');
  }
  const library = await Library.build(corpus, options);
  try {
    const bytes = await writeSnapshot(file, key, library.toSnapshot());
    log.debug({ file, bytes }, 'snapshot saved');
  } catch (error) {
    // A read-only disk costs start-up time next time, nothing else.
    log.warn({ file, reason: (error as Error).message }, 'could not save the snapshot');
  }
  return library;
}
