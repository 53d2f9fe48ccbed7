// Watching the corpus worker and starting a new one when it dies. A dedicated worker that
// crashes, is killed by the browser or calls close() fires no event on the page; but the worker
// holds a Web Lock for as long as it lives (src/worker/lifeline.ts), and the page's request for
// that lock is granted the moment it is gone. The supervisor then starts a replacement and says
// so; the corpus client (corpus-client.svelte.ts) fails what was asked of the dead worker and
// opens the saved corpus again in the new one. A worker that keeps dying is not restarted for ever.
//
// Not covered: a worker that runs out of JavaScript heap takes Chromium's whole renderer (the tab)
// with it, so no page code survives to notice; the saved corpus opens on the next visit
// (docs/reliability.md).
import type { FileProgress } from '../../worker/protocol';

/** The parts of a message event the supervisor reads. */
export interface MessageLike {
  data: unknown;
}

/** The parts of a worker's error event the supervisor reads. */
export interface ErrorLike {
  message: string;
}

/** What the supervisor needs of a Worker (the real one, or a fake in tests). */
export interface SupervisedPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageLike) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorLike) => void): void;
  terminate(): void;
}

/** The Web Locks the supervisor waits on (navigator.locks, or a fake). */
export interface LockWaiter {
  request(name: string, callback: () => unknown): Promise<unknown>;
}

/** A worker death, as reported to the page. */
export interface WorkerCrash {
  /** What is known of the cause: the worker's last uncaught error, or that it just stopped. */
  detail: string;
  /** Deaths so far this visit, this one included. */
  crashes: number;
  /** False when the worker died too often in a short time and was not started again. */
  restarted: boolean;
}

/** How the supervisor restarts. */
export interface SupervisorOptions {
  spawn(): SupervisedPort;
  /** null when the browser has no Web Locks: deaths then go unnoticed (the error event remains). */
  locks: LockWaiter | null;
  onCrash(crash: WorkerCrash): void;
  /** At most this many restarts within `windowMs`; one more death and the worker stays down. */
  maxRestarts?: number;
  windowMs?: number;
  now?: () => number;
}

/** Said when a worker stopped without an uncaught error before it. */
export const WORKER_STOPPED = 'the corpus worker stopped unexpectedly (it crashed, ran out of memory or was closed by the browser)';

/** A Worker that is replaced when it dies. Listeners added once stay attached to every worker. */
export class WorkerSupervisor implements SupervisedPort {
  private worker: SupervisedPort;
  private generation = 0;
  private stopped = false;
  private lastError: string | null = null;
  private deaths: number[] = [];
  private readonly messageListeners: Array<(e: MessageLike) => void> = [];
  private readonly errorListeners: Array<(e: ErrorLike) => void> = [];

  constructor(private readonly opts: SupervisorOptions) {
    this.worker = this.launch();
  }

  postMessage(message: unknown): void {
    this.worker.postMessage(message);
  }

  addEventListener(type: 'message', listener: (e: MessageLike) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorLike) => void): void;
  addEventListener(type: 'message' | 'error', listener: ((e: MessageLike) => void) | ((e: ErrorLike) => void)): void {
    if (type === 'message') this.messageListeners.push(listener as (e: MessageLike) => void);
    else this.errorListeners.push(listener as (e: ErrorLike) => void);
  }

  /** Stop the worker on purpose (the page is going away): no restart follows. */
  terminate(): void {
    this.stopped = true;
    this.worker.terminate();
  }

  private launch(): SupervisedPort {
    const gen = ++this.generation;
    const worker = this.opts.spawn();
    this.lastError = null;
    worker.addEventListener('message', (e) => {
      if (gen !== this.generation) return; // a dead worker's last words
      const data = e.data as { type?: unknown; lock?: unknown } | null;
      if (data?.type === 'lifeline' && typeof data.lock === 'string') this.watch(gen, data.lock);
      else for (const l of this.messageListeners) l(e);
    });
    worker.addEventListener('error', (e) => {
      if (gen !== this.generation) return;
      this.lastError = e.message || null;
      for (const l of this.errorListeners) l(e);
    });
    return worker;
  }

  /** Wait for the worker's lifeline lock: granted only once the worker is gone. */
  private watch(gen: number, lock: string): void {
    void this.opts.locks?.request(lock, () => {
      if (gen === this.generation && !this.stopped) this.died();
    });
  }

  private died(): void {
    const now = (this.opts.now ?? Date.now)();
    const windowMs = this.opts.windowMs ?? 120_000;
    this.deaths = this.deaths.filter((t) => now - t < windowMs);
    this.deaths.push(now);
    const detail = this.lastError ? `${WORKER_STOPPED}: ${this.lastError}` : WORKER_STOPPED;
    const restarted = this.deaths.length <= (this.opts.maxRestarts ?? 3);
    this.generation++; // anything the dead worker still says is ignored
    if (restarted) this.worker = this.launch();
    this.opts.onCrash({ detail, crashes: this.deaths.length, restarted });
  }
}

/** Said of a file that was waiting or loading when the worker died (as core/ingest says it). */
export const INTERRUPTED_BY_CRASH = 'not loaded: the corpus worker stopped while loading it';

/** Said of a file that was loaded but not yet saved when the worker died. */
export const LOST_IN_CRASH = 'loaded, but not yet saved when the corpus worker stopped: load it again';

/** The error pending requests of a dead worker are rejected with. */
export class WorkerCrashedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'WorkerCrashedError';
  }
}

/** The page's account of a crash: the banner shows it. */
export interface CrashNotice {
  /** restarting: a new worker is opening the saved corpus; restarted: it has; failed: the worker
   *  died too often and stays down (reload the page); previous: an earlier tab died while
   *  loading (crash-journal.ts). */
  state: 'restarting' | 'restarted' | 'failed' | 'previous';
  detail: string;
  /** Files that were waiting or loading when the worker died (not loaded). */
  interrupted: string[];
  /** Files loaded this visit that the reopened corpus does not hold (not saved before the crash). */
  lost: string[];
}

/** The file rows after a death: rows still waiting or loading fail with `worker-crashed`, and
 *  every key gets a suffix, because the new worker numbers its files from the start again. */
export function settleRowsAfterCrash(files: FileProgress[], crashes: number, detail: string): FileProgress[] {
  return files.map((f) => {
    const key = `${f.key}~${crashes}`;
    const parent = f.parent === undefined ? {} : { parent: `${f.parent}~${crashes}` };
    if (f.state !== 'queued' && f.state !== 'loading') return { ...f, key, ...parent };
    return { ...f, key, ...parent, state: 'error', problem: { code: 'worker-crashed', message: INTERRUPTED_BY_CRASH, detail } };
  });
}

/** Rows that said "done" for a bulletin the reopened corpus no longer holds: they fail too. */
export function markLostRows(files: FileProgress[], kept: ReadonlySet<string>): { files: FileProgress[]; lost: string[] } {
  const lost: string[] = [];
  const out = files.map((f) => {
    // An archive's own row is not a bulletin; its entries are checked one by one.
    if (f.state !== 'done' || f.entries !== undefined || kept.has(f.name)) return f;
    lost.push(f.name);
    return { ...f, state: 'error' as const, problem: { code: 'lost-in-crash' as const, message: LOST_IN_CRASH } };
  });
  return { files: out, lost };
}
