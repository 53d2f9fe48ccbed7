// The corpus worker's parse workers for big loads (docs/performance.md, "Pool of workers"): each
// file goes to whichever parse worker is free; the loader awaits the answers in file order and
// stores them itself (the one writer), so the corpus is the same as with no pool at all.
import type { PreparedBulletin } from '../core/ingest/prepared';
import type { BulletinSource } from '../core/store';
import type { ParseJob, ParseMessage, ParseReply } from './parse-protocol';
import type { TaughtDictionary } from './taught-words';

/** The part of a Worker the pool uses (a fake in tests). Typed here, not with the DOM's types,
 *  so the loader's tests compile in the Node zone too. */
export interface PoolWorker {
  postMessage(message: ParseMessage): void;
  onmessage: ((e: { data: ParseReply }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
  terminate(): void;
}

/** The globals a worker scope offers for starting workers (absent in Node). */
interface WorkerGlobals {
  navigator?: { hardwareConcurrency?: number };
  /** The worker's name, given by the page that started it. */
  name?: string;
  Worker?: new (url: URL, opts: { type: 'module'; name: string }) => PoolWorker;
}
const globals = globalThis as unknown as WorkerGlobals;
// The global Worker, typed as the pool uses it (Vite finds the parse worker by `new Worker(…)`).
declare const Worker: NonNullable<WorkerGlobals['Worker']>;

/** Loads of fewer files than this are parsed in the corpus worker itself: starting a parse
 *  worker (its own copy of the parser's code and tables) costs more than it saves on a few files. */
export const POOL_MIN_FILES = 50;

/** Parse workers for this machine: one core stays for the corpus worker (which stores, about
 *  half of the work), at most 3. A worker named `… parse-workers=N` (the
 *  benchmark page, which compares a load with and without the pool) uses N. */
export function poolSize(cores: number = globals.navigator?.hardwareConcurrency || 1, name: string = globals.name ?? ''): number {
  const forced = /parse-workers=(\d+)/.exec(name);
  if (forced) return Math.min(Number(forced[1]), 8);
  return Math.max(0, Math.min(cores - 1, 3));
}

interface Waiting {
  job: ParseJob;
  resolve: (p: PreparedBulletin) => void;
  reject: (e: Error) => void;
}

/** Files queued in one parse worker at most: the corpus worker stores a group of files in one
 *  synchronous stretch, during which it can send nothing, and a parse worker given one file at a
 *  time would sit idle through it. */
export const PER_WORKER = 6;

/** A few parse workers; `prepare` resolves with the file prepared (its words cut with
 *  `dictionary`, or not cut when it is null or a worker's jieba could not load). */
export class ParsePool {
  private readonly queue: Waiting[] = [];
  /** The files each usable worker holds, by sequence number. */
  private readonly held = new Map<PoolWorker, Map<number, Waiting>>();
  private seq = 0;
  private closed = false;

  constructor(workers: PoolWorker[], dictionary: TaughtDictionary | null = null) {
    for (const w of workers) {
      this.held.set(w, new Map());
      // Before any file: the worker's jieba learns every word the corpus worker's jieba knows.
      w.postMessage({ setup: true, dictionary });
      w.onmessage = (e) => this.answered(w, e.data);
      // A worker that fails (its script refused, out of memory) fails its files; the loader then
      // prepares them itself. The worker is not used again.
      w.onerror = (e) => {
        e.preventDefault?.();
        const held = this.held.get(w);
        this.held.delete(w);
        w.terminate();
        for (const waiting of held?.values() ?? []) waiting.reject(new Error(`a parse worker failed: ${e.message || 'no detail'}`));
        this.pump();
      };
    }
  }

  /** Workers still usable. */
  get size(): number {
    return this.held.size;
  }

  prepare(name: string, source: BulletinSource, bytes: Uint8Array): Promise<PreparedBulletin> {
    if (this.closed || !this.size) return Promise.reject(new Error('the parse pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { seq: ++this.seq, name, source, bytes }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let pick: PoolWorker | null = null;
      for (const [w, held] of this.held) {
        if (held.size < PER_WORKER && (pick === null || held.size < this.held.get(pick)!.size)) pick = w;
      }
      if (!pick) break;
      const waiting = this.queue.shift()!;
      this.held.get(pick)!.set(waiting.job.seq, waiting);
      // Copied, not transferred: the loader keeps the bytes to prepare the file itself if this
      // worker fails.
      pick.postMessage(waiting.job);
    }
    // No worker left (all failed): what waits is failed, and prepared by the loader instead.
    if (!this.size) for (const waiting of this.queue.splice(0)) waiting.reject(new Error('no parse worker left'));
  }

  private answered(w: PoolWorker, reply: ParseReply): void {
    const held = this.held.get(w);
    const waiting = held?.get(reply.seq);
    held?.delete(reply.seq);
    if (waiting) {
      if (reply.prepared) waiting.resolve(reply.prepared);
      else waiting.reject(new Error(reply.error ?? 'no answer'));
    }
    this.pump();
  }

  /** Stop every worker; files not answered yet are failed (a cancelled load drops them). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const waiting = [...this.queue.splice(0)];
    for (const [w, held] of this.held) {
      w.terminate();
      waiting.push(...held.values());
    }
    this.held.clear();
    for (const x of waiting) x.reject(new Error('the parse pool is closed'));
  }
}

/** Start parse workers for a load of `files` files, cutting words with `dictionary` (null: the
 *  corpus worker cuts them), or null when the load is too small, the machine has one core, or
 *  workers cannot start here. */
export function startParsePool(files: number, dictionary: TaughtDictionary | null = null): ParsePool | null {
  const n = poolSize();
  const WorkerClass = globals.Worker;
  if (files < POOL_MIN_FILES || n < 1 || !WorkerClass) return null;
  try {
    const workers: PoolWorker[] = [];
    for (let i = 0; i < n; i++) {
      // Vite bundles the parse worker from this exact `new Worker(new URL(…))` form.
      workers.push(new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'baoxun-parse' }));
    }
    return new ParsePool(workers, dictionary);
  } catch {
    return null;
  }
}
