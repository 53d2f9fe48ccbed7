// Entry of a build worker thread: Node cannot load TypeScript in a worker by itself, so this
// registers tsx (as `npm run cli` does for the main thread) and then loads the worker's code.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
