import type { Report } from '../corpus/report.ts';
import { startWorker } from '../threads/start.ts';
import { extractAttributions, type Attribution } from './attribution.ts';
import { statementWriter, tabulateStatements, type StatementTable } from './speakers.ts';

/** The statements of every report, as a table, extracted on this thread. */
export function extractStatements(reports: readonly Report[]): StatementTable {
  return tabulateStatements(reports.map((r) => extractAttributions(r.paragraphs)));
}

/** A worker thread extracting a corpus's statements, which this thread can join (see `finish`). */
export interface SharedExtraction {
  /**
   * This thread takes the reports the worker has not started yet, from the same queue, then
   * waits for the worker's; the table is the one `extractStatements` gives.
   */
  finish(): Promise<StatementTable>;
}

/** Reports a thread takes from the queue at a time. */
const CHUNK = 16;

/**
 * A worker thread for a corpus's statements, started before the corpus is known: its start-up
 * (loading the attribution modules, about a second) can then overlap the corpus's loading.
 */
export class StatementWorker {
  private readonly worker = startWorker(new URL('./attribution/worker.ts', import.meta.url), {});

  /**
   * Extracts the statements of `reports` in this worker while the calling thread indexes: a large
   * corpus's attribution takes longer than indexing it, and the two are independent. The reports
   * wait in a queue both threads take from, so whichever thread is done first helps the other.
   */
  extract(reports: readonly Report[]): SharedExtraction {
    const paragraphs = reports.map((r) => r.paragraphs);
    const queue = new SharedArrayBuffer(4);
    const worker = this.worker;
    const theirs = new Promise<StatementTable>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`attribution worker exited (${code}) without a result`)));
    }).finally(() => this.stop());
    // Should indexing throw before `finish`, the worker's outcome no longer matters.
    theirs.catch(() => {});
    worker.postMessage({ reports: paragraphs, queue });
    return {
      async finish() {
        const ours = tabulateStatements(attributeClaimed(paragraphs, new Int32Array(queue)));
        return mergeTables([ours, await theirs]);
      },
    };
  }

  /** Ends the thread (a corpus too small to share, or restored from a snapshot, does not need it). */
  stop(): void {
    void this.worker.terminate();
  }
}

/**
 * Takes reports from the queue (a shared counter of reports taken) until none is left. The
 * attributions are at their reports' positions; the reports another thread took are holes,
 * which `tabulateStatements` skips.
 */
export function attributeClaimed(reports: readonly string[][], queue: Int32Array): Attribution[][] {
  const found: Attribution[][] = [];
  for (let from = Atomics.add(queue, 0, CHUNK); from < reports.length; from = Atomics.add(queue, 0, CHUNK)) {
    const to = Math.min(from + CHUNK, reports.length);
    for (let i = from; i < to; i++) found[i] = extractAttributions(reports[i]!);
  }
  return found;
}

/**
 * Tables of disjoint reports as one, in corpus order, with names numbered by first use as
 * `tabulateStatements` numbers them: the same table one thread would have made.
 */
export function mergeTables(tables: readonly StatementTable[]): StatementTable {
  const writer = statementWriter();
  const at = tables.map(() => 0);
  for (;;) {
    // The table whose next row has the earliest report: each report's rows are all in one table.
    let next = -1;
    tables.forEach((table, t) => {
      if (at[t]! < table.report.length && (next < 0 || table.report[at[t]!]! < tables[next]!.report[at[next]!]!)) next = t;
    });
    if (next < 0) return writer.table;
    const table = tables[next]!;
    const report = table.report[at[next]!]!;
    for (let row = at[next]!; row < table.report.length && table.report[row] === report; row++, at[next]!++) {
      const name = (column: number[]) => table.names[column[row]!]!;
      writer.add(report, {
        paragraph: table.paragraph[row]!,
        start: table.start[row]!,
        end: table.end[row]!,
        speaker: name(table.speaker),
        canonical: name(table.canonical),
        description: name(table.description),
        via: table.via[row]! < 0 ? null : name(table.via),
      });
    }
  }
}
