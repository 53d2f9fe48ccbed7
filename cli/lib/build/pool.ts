// The build's worker threads: files go out to whichever worker is free, at most `window` at a
// time, and come back in the order they were given (so bulletin ids and duplicate decisions are
// the same whatever the number of workers). Memory stays bounded by the window: no more than
// `window` files are read, prepared or waiting for the writer at once.
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerReply } from './pool-types';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const WORKER = new URL('./parse-worker.ts', import.meta.url).href;

/** Run every job through `threads` workers; `onReply` is called in job order and awaited. */
export async function runPool(
  jobs: WorkerJob[],
  threads: number,
  onReply: (reply: WorkerReply) => Promise<void> | void,
  window = threads * 2,
): Promise<void> {
  if (!jobs.length) return;
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const done = new Map<number, WorkerReply>();
  let next = 0; // next job to send
  let emit = 0; // next job to hand to onReply
  let failure: Error | null = null;
  let resolveAll!: () => void;
  let rejectAll!: (e: Error) => void;
  const finished = new Promise<void>((res, rej) => { resolveAll = res; rejectAll = rej; });
  let emitting = false;

  const pump = () => {
    while (idle.length && next < jobs.length && next - emit < window) {
      idle.pop()!.postMessage(jobs[next++]);
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
        idle.push(w);
        pump();
        return;
      }
      done.set(m.seq, m);
      idle.push(w);
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
