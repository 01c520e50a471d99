import type { Worker } from 'node:worker_threads';
import type { Choice, CommandInput } from '../../commands/command.ts';
import type { Answer } from '../answer.ts';
import { CorpusError } from '../corpus/load.ts';
import type { Logger } from '../log.ts';
import type { BuildSettings } from './build.ts';
import type { Engine, LibraryInfo } from './engine.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { startWorker } from '../threads/start.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** A library built and served by its own worker thread. */
export class WorkerEngine implements Engine {
  private readonly pending = new Map<number, Pending>();
  /** Replies not yet received: close() waits for them, so answers in flight finish on this library. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private nextId = 1;
  private closed: Error | undefined;
  private stopping = false;

  private constructor(
    private readonly worker: Worker,
    readonly info: LibraryInfo,
    onCrash: (error: Error) => void,
  ) {
    worker.on('message', (message: FromWorker) => {
      if (message.kind !== 'result') return;
      const request = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) request?.reject(new Error(`library worker: ${message.error}`));
      else request?.resolve(message.result);
    });
    const fail = (error: Error) => {
      if (this.closed) return;
      this.closed = error;
      for (const request of this.pending.values()) request.reject(error);
      this.pending.clear();
      if (!this.stopping) onCrash(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`library worker exited (${code})`)));
  }

  /**
   * Starts a worker that builds (or restores) the library. Rejects with CorpusError for a bad corpus.
   * `onCrash` is called if the worker dies later on its own (not when closed).
   */
  static start(corpusDir: string, settings: BuildSettings, logger: Logger, onCrash: (error: Error) => void): Promise<WorkerEngine> {
    const worker = startWorker(new URL('./worker.ts', import.meta.url), { corpusDir, settings });
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.kind === 'log') {
          logger[message.level](message.details, message.message);
        } else if (message.kind === 'ready') {
          worker.off('error', reject);
          resolve(new WorkerEngine(worker, message.info, onCrash));
        } else if (message.kind === 'failed') {
          worker.off('message', onMessage);
          void worker.terminate();
          const { error } = message;
          reject('file' in error ? new CorpusError(error.file, error.reason) : new Error(error.message));
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  }

  answer(command: string, input: CommandInput): Promise<Answer> {
    return this.request({ kind: 'answer', id: 0, command, input }) as Promise<Answer>;
  }

  autocomplete(command: string, option: { name: string; value: string }): Promise<Choice[]> {
    return this.request({ kind: 'autocomplete', id: 0, command, option }) as Promise<Choice[]>;
  }

  async close(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.inFlight]);
    await this.worker.terminate();
  }

  private request(message: ToWorker): Promise<unknown> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const reply = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
    this.inFlight.add(reply);
    const forget = () => this.inFlight.delete(reply);
    reply.then(forget, forget);
    return reply;
  }
}
