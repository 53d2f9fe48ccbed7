// The SQL console's client: reactive state for the console view, over a console worker that
// holds its own copy of the corpus. Before a run the copy is refreshed if the corpus changed
// (the corpus worker exports new bytes only then). Cancel terminates the worker, which stops
// any query at once, and starts a fresh one; a newer run supersedes an older one the same way.
// The worker is watched through its lifeline lock (src/worker/lifeline.ts): if it dies (a crash,
// the browser ending it, out of memory), the console says so and the next run starts a new one
// on a fresh copy. The corpus is not touched: the console only ever held a read-only copy.
import type { ConsoleFailure, ConsoleResult, SchemaTable } from '../../core/console/types';
import type { CorpusSnapshot } from '../../core/store/snapshot';
import type { ConsoleRequest, ConsoleResponse } from '../../worker/console-protocol';
import type { LockWaiter } from './worker-supervisor';

/** The parts of a Worker the console uses (a fake stands in for it in tests). */
export interface ConsoleWorkerLike {
  postMessage(message: ConsoleRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ConsoleResponse>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** Where the console's copy comes from: the corpus worker's `snapshot` request. */
export type SnapshotSource = (since: number | null) => Promise<CorpusSnapshot>;

/** Where the console is: nothing run yet, copying the corpus, running, or how the last run ended. */
export type ConsoleStatus = 'idle' | 'preparing' | 'running' | 'done' | 'failed' | 'cancelled' | 'crashed';

/** Rows kept from one result; more are cut and the page says so. */
export const CONSOLE_MAX_ROWS = 200_000;

/** A query to start from, shown in the editor before the user types. */
export const FIRST_QUERY = `SELECT district, count(*) AS articles
FROM articles
GROUP BY district
ORDER BY articles DESC;`;

class Cancelled extends Error {}
/** The console worker died with the request unanswered. */
class WorkerDied extends Error {}

/** A request before the console gives it an id (Omit on each member of the union). */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The console as reactive state plus actions. */
export class SqlConsole {
  sql = $state(FIRST_QUERY);
  status = $state<ConsoleStatus>('idle');
  /** The last result; raw (not deeply reactive): it may hold 200k rows. */
  result = $state.raw<ConsoleResult | null>(null);
  failure = $state<ConsoleFailure | null>(null);
  schema = $state.raw<SchemaTable[]>([]);
  /** Milliseconds since Run was pressed, ticking while the query runs. */
  elapsedMs = $state(0);
  /** The console worker died since the last run began: a new one starts with the next run. */
  crashed = $state(false);

  private worker: ConsoleWorkerLike | null = null;
  /** The corpus revision the worker's copy was taken at; null when it holds none. */
  private revision: number | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (m: ConsoleResponse) => void; reject: (e: Error) => void }>();
  private runSeq = 0;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private copying: Promise<void> | null = null;
  /** Counts replaced workers, so a copy meant for a terminated one is dropped. */
  private generation = 0;

  constructor(
    private readonly snapshot: SnapshotSource,
    private readonly createWorker: () => ConsoleWorkerLike,
    private readonly maxRows = CONSOLE_MAX_ROWS,
    private readonly locks: LockWaiter | null = globalThis.navigator?.locks ?? null,
  ) {}

  /** True while a run is on its way (Cancel is offered). */
  get busy(): boolean {
    return this.status === 'preparing' || this.status === 'running';
  }

  private ensureWorker(): ConsoleWorkerLike {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.addEventListener('message', (e) => {
      const data = e.data as ConsoleResponse | { type: 'lifeline'; lock: string };
      if (data.type === 'lifeline') {
        // Granted only once this worker is gone; a worker stopped on purpose is no longer ours.
        void this.locks?.request(data.lock, () => {
          if (this.worker === w) this.died();
        });
        return;
      }
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      p?.resolve(e.data);
    });
    w.addEventListener('error', (e) => {
      for (const p of this.pending.values()) p.reject(new Error(e.message || 'the console worker failed'));
      this.pending.clear();
    });
    this.worker = w;
    return w;
  }

  private send(req: Unsent<ConsoleRequest>, transfer: Transferable[] = []): Promise<ConsoleResponse> {
    const w = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ ...req, id } as ConsoleRequest, transfer);
    });
  }

  /** Bring the worker's copy up to date with the corpus (one copy at a time). */
  refresh(): Promise<void> {
    const copying = (this.copying ??= this.copy().finally(() => {
      if (this.copying === copying) this.copying = null;
    }));
    return copying;
  }

  private async copy(): Promise<void> {
    const generation = this.generation;
    const snap = await this.snapshot(this.worker ? this.revision : null);
    // The worker was replaced meanwhile: whoever replaced it asks for its own copy.
    if (generation !== this.generation || !snap.bytes) return;
    const opened = await this.send({ type: 'open', bytes: snap.bytes, revision: snap.revision }, [snap.bytes.buffer as ArrayBuffer]);
    if (opened.type === 'failed') throw new Error(opened.failure.message);
    if (opened.type === 'opened') {
      this.revision = opened.revision;
      this.schema = opened.schema;
    }
  }

  /** Run the editor's SQL (or `sql`); a run already on its way is cancelled first. */
  async run(sql: string = this.sql): Promise<void> {
    if (this.busy) this.stopWorker();
    const seq = ++this.runSeq;
    this.failure = null;
    this.crashed = false;
    this.status = 'preparing';
    this.startClock();
    try {
      await this.refresh();
      if (seq !== this.runSeq) return;
      this.status = 'running';
      const answer = await this.send({ type: 'run', sql, maxRows: this.maxRows });
      if (seq !== this.runSeq) return;
      if (answer.type === 'result') {
        this.result = answer.result;
        this.status = 'done';
      } else if (answer.type === 'failed') {
        this.failure = answer.failure;
        this.status = 'failed';
      }
    } catch (e) {
      if (seq !== this.runSeq || e instanceof Cancelled) return;
      this.failure = { code: 'sql', message: e instanceof Error ? e.message : String(e) };
      this.status = 'failed';
    } finally {
      if (seq === this.runSeq) this.stopClock();
    }
  }

  /** Stop the running query now: the worker is terminated and a fresh one will take over. */
  cancel(): void {
    if (!this.busy) return;
    this.runSeq++;
    this.stopWorker();
    this.stopClock();
    this.status = 'cancelled';
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.dropWorker(new Cancelled('cancelled'));
  }

  private dropWorker(reason: Error): void {
    this.worker = null;
    this.generation++;
    this.revision = null; // the next worker starts without a copy
    this.copying = null;
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }

  /** The worker died on its own: what it was asking fails, the page says so. */
  private died(): void {
    const running = this.busy;
    this.runSeq++;
    this.dropWorker(new WorkerDied('the console worker stopped'));
    this.crashed = true;
    if (running) {
      this.stopClock();
      this.status = 'crashed';
    }
  }

  private startClock(): void {
    this.stopClock();
    const started = performance.now();
    this.elapsedMs = 0;
    this.ticker = setInterval(() => {
      this.elapsedMs = performance.now() - started;
    }, 100);
  }

  private stopClock(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }

  /**
   * Let the worker and its copy of the corpus go while the console is not on screen (the copy is
   * as large as the corpus); the next run or refresh starts a new one. A running query is left
   * to finish.
   */
  suspend(): void {
    if (!this.busy) this.stopWorker();
  }

  /** Stop the worker for good (the page is going away, or a test is done). */
  dispose(): void {
    this.runSeq++;
    this.stopWorker();
    this.stopClock();
  }
}

/** A console over a new console worker, copying the corpus through `snapshot`. */
export function createSqlConsole(snapshot: SnapshotSource): SqlConsole {
  return new SqlConsole(snapshot, () =>
    new Worker(new URL('../../worker/console-worker.ts', import.meta.url), { type: 'module', name: 'baoxun-sql' }) as unknown as ConsoleWorkerLike);
}
