// The build's worker threads: files go out to the least busy worker, at most `window` at a time,
// and come back in the order they were given (so bulletin ids and duplicate decisions are the
// same whatever the number of workers). Memory stays bounded by the window: no more than
// `window` files are read, prepared or waiting for the writer at once. Each worker holds up to
// PER_WORKER files in its queue: the writer stores a group of files in one synchronous stretch
// (core/ingest/ingest-group.ts), during which it can send nothing, and a worker given one file
// at a time would sit idle through it.
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerReply } from './pool-types';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
/** Files queued in one worker at most. */
const PER_WORKER = 8;
const WORKER = new URL('./parse-worker.ts', import.meta.url).href;

/** Run every job through `threads` workers; `onReply` is called in job order and awaited. */
export async function runPool(
  jobs: WorkerJob[],
  threads: number,
  onReply: (reply: WorkerReply) => Promise<void> | void,
  window = threads * PER_WORKER + 32,
): Promise<void> {
  if (!jobs.length) return;
  const workers: Worker[] = [];
  /** Files each started worker holds (sent, not answered). */
  const load = new Map<Worker, number>();
  const done = new Map<number, WorkerReply>();
  let next = 0; // next job to send
  let emit = 0; // next job to hand to onReply
  let failure: Error | null = null;
  let resolveAll!: () => void;
  let rejectAll!: (e: Error) => void;
  const finished = new Promise<void>((res, rej) => { resolveAll = res; rejectAll = rej; });
  let emitting = false;

  const pump = () => {
    while (next < jobs.length && next - emit < window) {
      let pick: Worker | null = null;
      for (const [w, n] of load) if (n < PER_WORKER && (pick === null || n < load.get(pick)!)) pick = w;
      if (!pick) break;
      load.set(pick, load.get(pick)! + 1);
      pick.postMessage(jobs[next++]);
    }
  };
  const drain = async () => {
    if (emitting) return;
    emitting = true;
    try {
      while (done.has(emit)) {
        const reply = done.get(emit)!;
        done.delete(emit);
        emit++;
        await onReply(reply);
        pump();
      }
      if (emit === jobs.length) resolveAll();
    } catch (e) {
      failure = e instanceof Error ? e : new Error(String(e));
      rejectAll(failure);
    } finally {
      emitting = false;
    }
  };

  for (let i = 0; i < Math.max(1, threads); i++) {
    const w = new Worker(ENTRY, { workerData: { entry: WORKER } });
    workers.push(w);
    w.on('message', (m: WorkerReply | { ready: true }) => {
      if ('ready' in m) {
        load.set(w, 0);
        pump();
        return;
      }
      done.set(m.seq, m);
      load.set(w, load.get(w)! - 1);
      void drain();
      pump();
    });
    w.on('error', (e) => rejectAll(e instanceof Error ? e : new Error(String(e))));
  }
  try {
    await finished;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
