// The entry of every worker thread: registers tsx so a TypeScript module can run as a worker in any
// parent (npm start, vitest, the bench), then loads the module named in workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
