/** A thread that extracts a corpus's statements (see statements.ts): the body of its worker. */
import { parentPort, workerData } from 'node:worker_threads';
import { tabulateStatements } from '../speakers.ts';
import { attributeClaimed } from '../statements.ts';

const { reports, queue } = workerData as { reports: string[][]; queue: SharedArrayBuffer };
parentPort!.postMessage(tabulateStatements(attributeClaimed(reports, new Int32Array(queue))));
