/** A thread that extracts a corpus's statements (see statements.ts): the body of its worker. */
import { parentPort, workerData } from 'node:worker_threads';
import { extractAttributions } from '../attribution.ts';
import { tabulateStatements } from '../speakers.ts';

const { reports } = workerData as { reports: string[][] };
parentPort!.postMessage(tabulateStatements(reports.map((paragraphs) => extractAttributions(paragraphs))));
