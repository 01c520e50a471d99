/** A thread that extracts a corpus's statements (see statements.ts): the body of its worker. */
import { parentPort } from 'node:worker_threads';
import { tabulateStatements } from '../speakers.ts';
import { attributeClaimed } from '../statements.ts';

// The reports come in a message, not as workerData: the thread starts before they are loaded.
parentPort!.once('message', ({ reports, queue }: { reports: string[][]; queue: SharedArrayBuffer }) => {
  parentPort!.postMessage(tabulateStatements(attributeClaimed(reports, new Int32Array(queue))));
});
