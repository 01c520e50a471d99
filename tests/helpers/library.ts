import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.ts';
import { Library } from '../../src/search/library.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.join(ROOT, 'corpus');

let seedLibrary: Promise<Library> | undefined;

/** The library over the repo's own corpus (the two seed reports), built once per test file. */
export function loadSeedLibrary(): Promise<Library> {
  seedLibrary ??= loadCorpus(CORPUS_DIR).then((corpus) => new Library(corpus));
  return seedLibrary;
}

/** A library over a few reports written in a test, with no aliases or topics. */
export function libraryOf(reports: ConstructorParameters<typeof Library>[0]['reports']): Library {
  return new Library({ reports, aliases: [], topics: [] });
}
