// The page's one handle on the corpus worker: reactive state for the components, and actions
// that become requests. Searches and article opens are "latest wins": an answer to a request
// that has since been superseded is dropped, so stale results never replace newer ones.
import type { ArticleDetail, CorpusStats } from '../../core/store/types';
import type { FacetFilter, SearchPage, SortOrder } from '../../core/query/types';
import type {
  FileProgress, FileToAdd, ParamsOf, RequestType, ResultOf, WorkerMessage, WorkerRequest,
} from '../../worker/protocol';
import type { CorpusView, SearchState } from './corpus-view';
import type { EntitiesStatus } from '../../worker/analysis-protocol';
import type { CorpusSource, KeepState } from '../../worker/keep-protocol';
import {
  markLostRows, settleRowsAfterCrash, WorkerCrashedError, WorkerSupervisor, type CrashNotice, type WorkerCrash,
} from './worker-supervisor';
import { FileRows } from './file-rows.svelte';

/** The parts of a Worker the client uses (a fake stands in for it in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** Timings of the client; tests shorten them. */
export interface ClientOptions {
  /** Wait after the last keystroke before searching. */
  debounceMs?: number;
  /** Least time between result refreshes while files are loading. */
  refreshMs?: number;
  pageSize?: number;
}

const EMPTY_STATS: CorpusStats = { bulletins: 0, failed: 0, articles: 0, fragments: 0 };

/** The corpus worker wrapped as reactive state. */
export class CorpusClient implements CorpusView {
  stats = $state<CorpusStats>(EMPTY_STATS);
  /** The file list, kept incrementally and published to the view once per frame. */
  readonly fileRows = new FileRows();
  query = $state('');
  page = $state.raw<SearchPage | null>(null);
  filters = $state.raw<FacetFilter[]>([]);
  sort = $state<SortOrder>('relevance');
  everyPrinting = $state(false);
  missingArticle = $state<string | null>(null);
  /** The offset of the page asked for last. */
  pageOffset = $state(0);
  searching = $state(false);
  article = $state<ArticleDetail | null>(null);
  articleLoading = $state(false);
  error = $state<string | null>(null);
  segmenterProblem = $state<string | null>(null);
  /** The people index's latest status, as the worker's entity pass reports it. */
  entities = $state.raw<EntitiesStatus | null>(null);
  /** The saved copy's state (keep-protocol.ts): where it is kept, whether it is saved. */
  keep = $state.raw<KeepState | null>(null);
  /** The corpus worker died this visit (worker-supervisor.ts): what the crash banner says. */
  crash = $state.raw<CrashNotice | null>(null);
  readonly pageSize: number;

  private started = $state(false);
  private loads = $state(0);
  status = $derived<CorpusView['status']>(
    this.error ? 'error' : !this.started ? 'starting' : this.loads > 0 ? 'loading' : 'ready',
  );

  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private searchSeq = 0;
  private articleSeq = 0;
  private inflight: Promise<void> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastRefresh = 0;
  private readonly debounceMs: number;
  private readonly refreshMs: number;
  /** What start() opened, so a restarted worker opens the same corpus again. */
  private opening: string | CorpusSource | null = null;
  /** Set-up requests (test hooks) sent again to a restarted worker before anything else. */
  private setup = new Map<RequestType, unknown>();
  private recoveries = 0;

  constructor(private readonly worker: WorkerLike, opts: ClientOptions = {}) {
    this.debounceMs = opts.debounceMs ?? 150;
    this.refreshMs = opts.refreshMs ?? 600;
    this.pageSize = opts.pageSize ?? 50;
    worker.addEventListener('message', (e) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      this.error = e.message || 'the corpus worker failed to start';
    });
  }

  /** Send a request; resolves with its result or rejects with the worker's error message. */
  request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>> {
    const id = this.nextId++;
    if (type === 'keep-test-hooks') this.setup.set(type, params);
    return new Promise<ResultOf<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, type, ...params } as WorkerRequest);
    });
  }

  private receive(msg: WorkerMessage): void {
    if (msg.type === 'response') {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.ok) p?.resolve(msg.result);
      else p?.reject(new Error(msg.error));
    } else if (msg.type === 'progress') {
      this.fileRows.apply(msg.files);
      if (msg.stats) {
        const grew = msg.stats.articles !== this.stats.articles;
        this.stats = msg.stats;
        if (grew) this.scheduleRefresh();
      }
    } else if (msg.type === 'notice') {
      this.segmenterProblem = msg.detail;
    } else if (msg.type === 'entities') {
      this.entities = msg.status;
    } else if (msg.type === 'keep') {
      this.keep = msg.state;
    }
  }

  /** Every file given this visit with its latest state (not reactive: views follow fileRows). */
  get files(): FileProgress[] {
    return this.fileRows.all;
  }

  /** Start the worker's database and open the corpus: a source (the saved copy, else the
   *  samples or the site's corpus: keep-protocol.ts), or the samples of a manifest URL as such. */
  async start(opening: string | CorpusSource | null): Promise<void> {
    this.opening = opening;
    this.loads++;
    try {
      this.stats = await this.request('stats', {});
      this.started = true;
      if (typeof opening === 'string') await this.request('load-samples', { manifestUrl: opening });
      else if (opening) this.stats = (await this.request('open-corpus', { source: opening })).stats;
      await this.searchAndSettle();
    } catch (e) {
      this.fail(e);
    } finally {
      this.loads--;
    }
  }

  /** Run a load request, counting it as loading until the results list reflects it. */
  private async load(run: () => Promise<unknown>): Promise<void> {
    this.loads++;
    try {
      await run();
      this.stats = await this.request('stats', {});
      await this.searchAndSettle();
    } catch (e) {
      this.fail(e);
    } finally {
      this.loads--;
    }
  }

  addFiles(files: FileToAdd[] | Promise<FileToAdd[]>): Promise<void> {
    return this.load(async () => {
      const list = await files;
      if (list.length) await this.request('add-files', { files: list });
    });
  }

  addText(text: string): Promise<void> {
    return this.load(() => this.request('add-text', { text }));
  }

  /** Stop the loads under way: files not yet started are reported as cancelled, what was
   *  loaded stays. The load requests then settle as usual (status back to ready). */
  async cancelLoad(): Promise<void> {
    try {
      await this.request('cancel-load', {});
    } catch (e) {
      this.fail(e);
    }
  }

  clear(): Promise<void> {
    return this.load(async () => {
      await this.request('clear', {});
      this.fileRows.replace([]);
      this.closeArticle();
    });
  }

  /** Run something that replaces the whole corpus (an import, the site's corpus reloaded): the
   *  file list of this visit and the open article go, the results follow. Rejects with the
   *  worker's error (the corpus is then unchanged). */
  async replaceCorpus<T>(run: () => Promise<T>): Promise<T> {
    this.loads++;
    try {
      const result = await run();
      this.fileRows.replace([]);
      this.closeArticle();
      this.stats = await this.request('stats', {});
      return result;
    } finally {
      await this.searchAndSettle().catch(() => undefined);
      this.loads--;
    }
  }

  setQuery(query: string): void {
    this.query = query;
    this.pageOffset = 0;
    this.searchSeq++; // anything already on its way is now stale
    this.searching = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.search();
    }, this.debounceMs);
  }

  gotoOffset(offset: number): void {
    this.pageOffset = Math.max(0, offset);
    void this.search();
  }

  /** Search again now (a chip, the order or the printing switch changed): no debounce. */
  private searchNow(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.pageOffset = 0;
    void this.search();
  }

  addFilter(filter: FacetFilter): void {
    if (this.filters.some((f) => f.field === filter.field && f.value === filter.value)) return;
    this.filters = [...this.filters, { field: filter.field, value: filter.value }];
    this.searchNow();
  }

  removeFilter(filter: FacetFilter): void {
    this.filters = this.filters.filter((f) => f.field !== filter.field || f.value !== filter.value);
    this.searchNow();
  }

  setSort(sort: SortOrder): void {
    this.sort = sort;
    this.searchNow();
  }

  setEveryPrinting(on: boolean): void {
    this.everyPrinting = on;
    this.searchNow();
  }

  applySearch(state: SearchState): void {
    this.query = state.query;
    this.filters = state.filters.map((f) => ({ field: f.field, value: f.value }));
    this.sort = state.sort;
    this.everyPrinting = state.everyPrinting;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.pageOffset = Math.max(0, state.offset);
    void this.search();
  }

  openArticleRef(ref: string): void {
    const seq = ++this.articleSeq;
    this.articleLoading = true;
    this.missingArticle = null;
    this.request('resolve-ref', { ref }).then(
      (id) => {
        if (seq !== this.articleSeq) return;
        if (id === null) {
          this.articleLoading = false;
          this.missingArticle = ref;
        } else this.openArticle(id);
      },
      (e: unknown) => {
        if (seq !== this.articleSeq) return;
        this.articleLoading = false;
        this.fail(e);
      },
    );
  }

  /** Ask for the current query and page; only the latest search's answer is shown. */
  private search(): Promise<void> {
    const seq = ++this.searchSeq;
    this.searching = true;
    const run = (async () => {
      try {
        const page = await this.request('search', {
          query: this.query, offset: this.pageOffset, limit: this.pageSize,
          filters: this.filters.map((f) => ({ field: f.field, value: f.value })),
          sort: this.sort, everyPrinting: this.everyPrinting,
        });
        if (seq !== this.searchSeq) return;
        this.page = page;
        this.lastRefresh = Date.now();
      } catch (e) {
        if (seq === this.searchSeq) this.fail(e);
      } finally {
        if (seq === this.searchSeq) this.searching = false;
      }
    })();
    this.inflight = run;
    return run;
  }

  /** Search, then wait until the latest search has answered (a newer one may start meanwhile),
   *  so that "ready" always means the list on screen reflects the corpus. */
  private async searchAndSettle(): Promise<void> {
    await this.search();
    for (let p = this.inflight; p; p = this.inflight) {
      await p;
      if (p === this.inflight) this.inflight = null;
    }
  }

  /** While files load, refresh the list now and then rather than on every batch. */
  private scheduleRefresh(): void {
    if (this.refreshTimer || this.debounce) return;
    const wait = Math.max(0, this.lastRefresh + this.refreshMs - Date.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.search();
    }, wait);
  }

  openArticle(id: number): void {
    const seq = ++this.articleSeq;
    this.articleLoading = true;
    this.missingArticle = null;
    this.request('get-article', { articleId: id }).then(
      (detail) => {
        if (seq !== this.articleSeq) return;
        this.article = detail;
        this.articleLoading = false;
      },
      (e: unknown) => {
        if (seq !== this.articleSeq) return;
        this.articleLoading = false;
        this.fail(e);
      },
    );
  }

  closeArticle(): void {
    this.articleSeq++;
    this.article = null;
    this.articleLoading = false;
  }

  /** A request failed: a fatal error for the page, unless its worker died (the crash banner
   *  says that, and a new worker is on its way). */
  private fail(e: unknown): void {
    if (e instanceof WorkerCrashedError) return;
    this.error = e instanceof Error ? e.message : String(e);
  }

  /** The worker died and the supervisor started another (or gave up): fail what was asked of
   *  the dead one, open the same corpus in the new one, and say which files did not survive. */
  async recover(crash: WorkerCrash): Promise<void> {
    const recovery = ++this.recoveries; // a death during this recovery starts a newer one
    const interrupted = this.files.filter((f) => f.state === 'queued' || f.state === 'loading').map((f) => f.name);
    this.fileRows.replace(settleRowsAfterCrash(this.files, crash.crashes, crash.detail));
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.crash = { state: crash.restarted ? 'restarting' : 'failed', detail: crash.detail, interrupted, lost: [] };
    for (const p of pending) p.reject(new WorkerCrashedError(crash.detail));
    if (!crash.restarted) {
      this.error = crash.detail; // nothing answers any more: the page is not ready
      return;
    }
    this.error = null; // a dead worker's error is not the new one's
    for (const [type, params] of this.setup) await this.request(type, params as never).catch(() => null);
    await this.start(this.opening);
    if (recovery !== this.recoveries) return;
    let lost: string[] = [];
    try {
      const kept = new Set((await this.request('list-bulletins', {})).map((b) => b.name));
      let files: FileProgress[];
      ({ files, lost } = markLostRows(this.files, kept));
      this.fileRows.replace(files);
    } catch (e) {
      this.fail(e);
    }
    if (recovery === this.recoveries && this.crash) this.crash = { ...this.crash, state: 'restarted', lost };
  }

  /** The user has read the crash banner. */
  dismissCrash(): void {
    this.crash = null;
  }

  /** Stop the worker (the page is going away, or a test is done). */
  dispose(): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.worker.terminate();
  }
}

/** A client over a new corpus worker. */
export function createCorpusClient(opts?: ClientOptions): CorpusClient {
  // Supervised: when the worker dies, another takes its place and the client recovers.
  let client: CorpusClient | null = null;
  const worker = new WorkerSupervisor({
    spawn: () => new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: 'baoxun-corpus' }),
    locks: globalThis.navigator?.locks ?? null,
    onCrash: (crash) => void client?.recover(crash),
  });
  client = new CorpusClient(worker as unknown as WorkerLike, opts);
  return client;
}
