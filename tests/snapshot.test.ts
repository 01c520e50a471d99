import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dossier } from '../src/dossier.ts';
import { createLogger } from '../src/log.ts';
import { CORPUS_DIR } from './helpers/library.ts';

let corpusDir: string;
let cacheDir: string;
let logs: string[];

beforeEach(async () => {
  corpusDir = await mkdtemp(path.join(tmpdir(), 'dossier-snap-corpus-'));
  cacheDir = await mkdtemp(path.join(tmpdir(), 'dossier-snap-cache-'));
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  logs = [];
});
afterEach(async () => {
  await rm(corpusDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

async function open() {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  return Dossier.open(corpusDir, await createLogger({ level: 'debug', destination }), { cacheDir });
}

const question = { query: 'When did the talks resume?' };

describe('library snapshots', () => {
  it('builds and saves on first start, then restores when nothing changed, answering the same', async () => {
    const first = await open();
    expect(first.info.restored).toBe(false);
    expect(await readdir(cacheDir)).toHaveLength(1);
    const second = await open();
    expect(second.info.restored).toBe(true);
    expect(await second.answer('ask', question)).toEqual(await first.answer('ask', question));
    expect(await second.answer('who-said', { query: 'Duda' })).toEqual(await first.answer('who-said', { query: 'Duda' }));
  });

  it('rebuilds when a report changes', async () => {
    await open();
    await appendFile(path.join(corpusDir, 'us-allies-unlikely-to-give-ukraine-guarantees.md'), '\nA new paragraph about grain exports.\n');
    const changed = await open();
    expect(changed.info.restored).toBe(false);
    expect((await changed.answer('ask', { query: 'grain exports' })).answered).toBe(true);
    expect((await open()).info.restored).toBe(true);
  });

  it('rebuilds when the aliases change', async () => {
    await open();
    await appendFile(path.join(corpusDir, 'aliases.yaml'), '- [Compact, Pact]\n');
    expect((await open()).info.restored).toBe(false);
  });

  it('rebuilds, without failing, when the cache file is corrupt', async () => {
    await open();
    const [file] = await readdir(cacheDir);
    for (const junk of ['{"key": "x"', '{"key": "wrong", "snapshot": {}}', 'not json at all']) {
      await writeFile(path.join(cacheDir, file!), junk);
      const dossier = await open();
      expect(dossier.info.restored).toBe(false);
      expect((await dossier.answer('ask', question)).answered).toBe(true);
    }
    // A snapshot with the right key but a broken index is caught when restoring.
    const good = await open();
    expect(good.info.restored).toBe(true);
    const { key } = JSON.parse(await readFile(path.join(cacheDir, file!), 'utf8')) as { key: string };
    const text = JSON.stringify({ key, snapshot: { documentFrequency: [], statements: [], index: { nonsense: true } } });
    await writeFile(path.join(cacheDir, file!), text);
    const rebuilt = await open();
    expect(rebuilt.info.restored).toBe(false);
    expect(logs.some((l) => l.includes('snapshot unusable') || l.includes('snapshot unreadable'))).toBe(true);
  });
});
