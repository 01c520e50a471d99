import type { Report } from '../corpus/report.ts';
import { startWorker } from '../threads/start.ts';
import { extractAttributions } from './attribution.ts';
import { tabulateStatements, type StatementTable } from './speakers.ts';

/** The statements of every report, as a table, extracted on this thread. */
export function extractStatements(reports: readonly Report[]): StatementTable {
  return tabulateStatements(reports.map((r) => extractAttributions(r.paragraphs)));
}

/**
 * The same, extracted in a worker thread: a large corpus's attribution takes as long as indexing
 * it, and the two are independent, so a build runs them side by side.
 */
export function extractStatementsInWorker(reports: readonly Report[]): Promise<StatementTable> {
  const worker = startWorker(new URL('./attribution/worker.ts', import.meta.url), { reports: reports.map((r) => r.paragraphs) });
  return new Promise<StatementTable>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`attribution worker exited (${code}) without a result`)));
  }).finally(() => void worker.terminate());
}
