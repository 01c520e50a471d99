import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import { Library } from '../src/search/library.ts';
import { CORPUS_DIR, loadSeedLibrary } from './helpers/library.ts';

describe('Library.build', () => {
  it('extracts statements in a worker thread for a large corpus, with the same result as one thread', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    const onOneThread = await loadSeedLibrary();
    // Any corpus is "large" with this threshold: the worker path runs on the seed reports.
    const parallel = await Library.build(corpus, { parallelFromParagraphs: 1 });
    expect(parallel.speakers.size).toBeGreaterThan(0);
    expect(parallel.speakers.table).toEqual(onOneThread.speakers.table);
    expect(parallel.speakers.find('Duda')).toEqual(onOneThread.speakers.find('Duda'));
    expect(parallel.search('When did the talks resume?')).toEqual(onOneThread.search('When did the talks resume?'));
    expect(parallel.buildMs).toBeGreaterThan(0);
  });
});
