// The worker thread's entry: registers tsx so the TypeScript worker can load in any parent
// (npm start, vitest, the bench), then starts it.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
