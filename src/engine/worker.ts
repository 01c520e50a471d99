/**
 * A library's own thread: builds (or restores) the library, then answers requests from the main
 * thread, so neither a 10,000-report build nor a slow query blocks the bot's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError } from '../corpus/load.ts';
import type { Library } from '../search/library.ts';
import { buildLibrary, type BuildLog, type BuildSettings } from './build.ts';
import { infoOf, runCommand, suggest } from './engine.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const { corpusDir, settings } = workerData as { corpusDir: string; settings: BuildSettings };

const log: BuildLog = {
  warn: (details, message) => post({ kind: 'log', level: 'warn', details, message }),
  debug: (details, message) => post({ kind: 'log', level: 'debug', details, message }),
};

let library: Library;
try {
  library = await buildLibrary(corpusDir, settings, log);
  post({ kind: 'ready', info: infoOf(library) });
} catch (error) {
  post({
    kind: 'failed',
    error: error instanceof CorpusError ? { file: error.file, reason: error.reason } : { message: (error as Error).message },
  });
  process.exit(0);
}

port.on('message', (request: ToWorker) => {
  try {
    const result = request.kind === 'answer' ? runCommand(library, request.command, request.input) : suggest(library, request.command, request.option);
    post({ kind: 'result', id: request.id, result });
  } catch (error) {
    post({ kind: 'result', id: request.id, error: (error as Error).stack ?? String(error) });
  }
});
