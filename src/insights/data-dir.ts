import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InsightsStore } from './store.ts';

export const DATABASE_FILE = 'dossier.sqlite';
const SECRET_FILE = 'member-hash.secret';

export interface DataDirSettings {
  DATA_DIR: string;
  RETENTION_DAYS: number;
  /** Key of the member hash; when unset, one is generated into DATA_DIR on first start. */
  MEMBER_HASH_SECRET?: string | undefined;
}

/** The database in DATA_DIR (both created when missing), as the bot and the CLI open it. */
export function openInsightsStore(settings: DataDirSettings): InsightsStore {
  mkdirSync(settings.DATA_DIR, { recursive: true });
  const secret = settings.MEMBER_HASH_SECRET ?? secretIn(settings.DATA_DIR);
  return new InsightsStore(path.join(settings.DATA_DIR, DATABASE_FILE), { secret, retentionDays: settings.RETENTION_DAYS });
}

/**
 * The generated secret, made on first use. Written whole to a temporary file, then linked into
 * place: link fails if the file exists, so shards starting at once all end up with the first one.
 */
function secretIn(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readFileSync(file, 'utf8').trim();
}
