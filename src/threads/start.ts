import { Worker } from 'node:worker_threads';

/** Runs a TypeScript module (a file URL) in a worker thread; it reads `data` as its `workerData`. */
export function startWorker(module: URL, data: object): Worker {
  return new Worker(new URL('./entry.mjs', import.meta.url), { workerData: { ...data, module: module.href } });
}
