import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { buildLibrary } from '../src/engine/build.ts';
import { extractAttributions } from '../src/search/attribution.ts';
import { Library } from '../src/search/library.ts';
import { tabulateStatements } from '../src/search/speakers.ts';
import { attributeClaimed, mergeTables } from '../src/search/statements.ts';
import { BANK, BLACKPOOL, PARKER, WEIR } from './fixtures/bbc-paragraphs.ts';
import { SEED_000, SEED_002 } from './fixtures/seed-paragraphs.ts';
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

describe('buildLibrary', () => {
  const quiet = { warn() {}, debug() {} };

  it('tells the paragraphs read so far after each report, so the statement worker can start during the loading', async () => {
    const heard: number[] = [];
    const corpus = await loadCorpus(CORPUS_DIR, (paragraphs) => heard.push(paragraphs));
    expect(heard).toHaveLength(corpus.reports.length);
    expect(heard.at(-1)).toBe(corpus.reports.reduce((sum, r) => sum + r.paragraphs.length, 0));
    expect(heard).toEqual([...heard].sort((a, b) => a - b));
  });

  it('builds with a worker started while loading, then restores without one, with the same statements', async () => {
    const onOneThread = await loadSeedLibrary();
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'dossier-build-'));
    try {
      const settings = { cacheDir, library: { parallelFromParagraphs: 1 } };
      const built = await buildLibrary(CORPUS_DIR, settings, quiet);
      expect(built.restored).toBe(false);
      expect(built.speakers.table).toEqual(onOneThread.speakers.table);
      const restored = await buildLibrary(CORPUS_DIR, settings, quiet);
      expect(restored.restored).toBe(true);
      expect(restored.speakers.table).toEqual(onOneThread.speakers.table);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('statements extracted by two threads', () => {
  // 48 reports in a varied order: three chunks of the queue, with the same speakers in several.
  const stories = [WEIR, PARKER, SEED_000, SEED_002, [BLACKPOOL], [BANK]];
  const reports = Array.from({ length: 48 }, (_, i) => stories[(i * 5) % stories.length]!);
  const oneThread = tabulateStatements(reports.map(extractAttributions));

  it('take the reports the other has not taken, and leave holes where it has', () => {
    const queue = new Int32Array(new SharedArrayBuffer(4));
    queue[0] = 16; // another thread took the first chunk
    const found = attributeClaimed(reports, queue);
    expect(Object.keys(found).map(Number)).toEqual(Array.from({ length: 32 }, (_, i) => 16 + i));
    expect(queue[0]).toBeGreaterThanOrEqual(reports.length);
  });

  it('merge into the table one thread makes, names numbered alike', () => {
    expect(oneThread.report.length).toBeGreaterThan(20);
    // Chunks handed out in turn, as two threads taking from one queue might.
    const mine: ReturnType<typeof extractAttributions>[] = [];
    const theirs: ReturnType<typeof extractAttributions>[] = [];
    reports.forEach((paragraphs, i) => ((Math.floor(i / 16) % 2 === 0 ? theirs : mine)[i] = extractAttributions(paragraphs)));
    const merged = mergeTables([tabulateStatements(mine), tabulateStatements(theirs)]);
    expect(merged).toEqual(oneThread);
  });
});
