// The library built and served in a worker thread: same answers, reload without blocking.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../scripts/bench/synthetic.ts';
import { Dossier } from '../src/dossier.ts';
import { createLogger } from '../src/log.ts';
import { CORPUS_DIR } from './helpers/library.ts';

let corpusDir: string;
let local: Dossier;
let worker: Dossier;
beforeAll(async () => {
  corpusDir = await mkdtemp(path.join(tmpdir(), 'dossier-worker-'));
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  const logger = await createLogger({ level: 'silent' });
  [local, worker] = await Promise.all([Dossier.open(corpusDir, logger), Dossier.open(corpusDir, logger, { worker: true })]);
});
afterAll(async () => {
  await Promise.all([local?.close(), worker?.close()]);
  await rm(corpusDir, { recursive: true, force: true });
});

describe('a library in a worker thread', () => {
  it('answers every command as the in-thread library does', async () => {
    const requests: Array<[string, string]> = [
      ['ask', 'When did the talks resume?'],
      ['ask', 'What is the capital of Australia?'],
      ['who-said', 'Andrzej Duda'],
      ['compare', 'NATO membership'],
      ['guarantees', 'Germany'],
      ['sources', ''],
      ['no-such-command', 'x'],
      ['ask', ''],
    ];
    for (const [command, query] of requests) {
      expect(await worker.answer(command, { query })).toEqual(await local.answer(command, { query }));
    }
    expect(await worker.autocomplete('who-said', { name: 'speaker', value: 'du' })).toEqual(await local.autocomplete('who-said', { name: 'speaker', value: 'du' }));
    expect({ ...worker.info, buildMs: 0 }).toEqual({ ...local.info, buildMs: 0 });
  });

  it('extracts statements in a thread of its own for a large corpus, answering the same', async () => {
    // Any corpus counts as large with this threshold: the library's worker starts the attribution worker.
    const nested = await Dossier.open(corpusDir, await createLogger({ level: 'silent' }), { worker: true, library: { parallelFromParagraphs: 1 } });
    try {
      for (const [command, query] of [['who-said', 'Andrzej Duda'], ['who-said', 'Wall Street Journal'], ['ask', 'When did the talks resume?']] as const) {
        expect(await nested.answer(command, { query })).toEqual(await local.answer(command, { query }));
      }
    } finally {
      await nested.close();
    }
  });

  it('keeps answering from the old library while a reload builds the new one, then swaps', async () => {
    // Enough reports that the build takes far longer than an answer.
    for (const report of syntheticCorpus(300, 11)) {
      await writeFile(path.join(corpusDir, `${report.id}.md`), `---\nid: ${report.id}\ntitle: "${report.title}"\n---\n\n${report.paragraphs.join('\n\n')}\n`);
    }
    let reloaded = false;
    const reload = worker.reload().then((outcome) => {
      reloaded = true;
      return outcome;
    });
    const during = await worker.answer('sources', { query: '' });
    expect(reloaded).toBe(false);
    expect(during.reports).toHaveLength(2);
    const outcome = await reload;
    expect(outcome).toMatchObject({ ok: true, reports: 302 });
    expect((await worker.answer('sources', { query: '' })).reports).toHaveLength(302);
  });

  it('refuses a broken corpus and keeps the library it has', async () => {
    await writeFile(path.join(corpusDir, 'broken.md'), '---\nid: [x\n---\n\nText.\n');
    try {
      expect(await worker.reload()).toMatchObject({ ok: false, file: 'broken.md' });
      expect((await worker.answer('ask', { query: 'When did the talks resume?' })).answered).toBe(true);
      expect(worker.info.reports).toHaveLength(302);
    } finally {
      await rm(path.join(corpusDir, 'broken.md'));
    }
  });

  it('starts a new worker when the library worker dies', async () => {
    const engine = (worker as unknown as { current: { worker: Worker } }).current;
    await engine.worker.terminate();
    await expect(worker.answer('ask', { query: 'When did the talks resume?' })).rejects.toThrow(/exited/);
    // The crash started a reload; this joins it.
    expect(await worker.reload()).toMatchObject({ ok: true });
    expect((await worker.answer('ask', { query: 'When did the talks resume?' })).answered).toBe(true);
  });
});

