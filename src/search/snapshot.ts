import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from '../corpus/load.ts';
import type { LibraryOptions, LibrarySnapshot } from './library.ts';

/**
 * A built library saved to a cache file, so start-up can skip analysis, attribution and indexing
 * when nothing changed. The file is keyed by a hash of everything the build depends on: the
 * reports' content, the alias and topic files, the library options, and SNAPSHOT_VERSION (raise it
 * whenever analysis or extraction code changes what a build produces).
 */
export const SNAPSHOT_VERSION = 23;

export function snapshotKey(corpus: Pick<Corpus, 'reports' | 'aliases' | 'topics'>, options: Partial<LibraryOptions>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ version: SNAPSHOT_VERSION, options, aliases: corpus.aliases, topics: corpus.topics }));
  // Paragraphs are hashed as they are, not as JSON (escaping 50 MB of text cost more than hashing it),
  // each ended by a NUL, which no report contains (binary files are refused) and JSON escapes.
  for (const { file: _file, paragraphs, ...metadata } of corpus.reports) {
    hash.update(JSON.stringify(metadata));
    for (const paragraph of paragraphs) hash.update(paragraph).update('\u0000');
  }
  return hash.digest('hex');
}

/** The cache file for a corpus folder: one per folder, overwritten when its key changes. */
export function snapshotFile(cacheDir: string, corpusDir: string): string {
  const folder = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `library-${folder}.json`);
}

export type SnapshotRead = { snapshot: LibrarySnapshot } | { missing: true } | { stale: true } | { corrupt: string };

/** Reads a snapshot if the file holds one for this key. Never throws: a bad file only means a rebuild. */
export async function readSnapshot(file: string, key: string): Promise<SnapshotRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { missing: true };
  }
  try {
    const data = JSON.parse(text) as { key?: unknown; snapshot?: LibrarySnapshot };
    if (data.key !== key) return { stale: true };
    const snapshot = data.snapshot;
    if (!snapshot || !Array.isArray(snapshot.postings?.terms) || typeof snapshot.postings.ids !== 'string' || typeof snapshot.postings.lengths !== 'string' || !Array.isArray(snapshot.words) || !Array.isArray(snapshot.statements?.names) || !Array.isArray(snapshot.champions) || typeof snapshot.index !== 'object') {
      return { corrupt: 'missing parts' };
    }
    return { snapshot };
  } catch (error) {
    return { corrupt: (error as Error).message };
  }
}

/** Writes atomically (temporary file, then rename), so a crash never leaves half a snapshot. */
export async function writeSnapshot(file: string, key: string, snapshot: LibrarySnapshot): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true });
  const text = JSON.stringify({ key, snapshot });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
  return Buffer.byteLength(text);
}
