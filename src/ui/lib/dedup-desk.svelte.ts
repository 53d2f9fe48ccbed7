// The Duplicates view's state and the load summary's counts: a page of story clusters from the
// worker, the two clusters picked for a merge, and the user's split/merge/undo actions (kept in
// the worker's store). Like the other desks, the latest request wins.
import type { DedupPage, DedupSummary } from '../../worker/dedup-protocol';
import type { ParamsOf, RequestType, ResultOf } from '../../worker/protocol';

/** The one thing the desk needs from the corpus client: sending a request. */
export interface Requester {
  request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>>;
}

/** Clusters shown per page. */
export const CLUSTERS_PER_PAGE = 10;

/** Duplicates and reprints as reactive state plus the actions of the Duplicates view. */
export class DedupDesk {
  summary = $state.raw<DedupSummary | null>(null);
  page = $state.raw<DedupPage | null>(null);
  loading = $state(false);
  /** A split, merge or undo on its way. */
  busy = $state(false);
  /** Why the last request failed, or null. */
  error = $state<string | null>(null);
  /** Cluster ids (canonical article ids) picked for a merge, at most two. */
  selected = $state<number[]>([]);
  offset = $state(0);

  private pageSeq = 0;
  private summarySeq = 0;

  constructor(
    private readonly corpus: Requester,
    /** Called after a decision changed which printings are one story (search counts change). */
    private readonly onChanged: () => void = () => {},
  ) {}

  /** Fetch the load summary's counts again. */
  async refreshSummary(): Promise<void> {
    const seq = ++this.summarySeq;
    try {
      const summary = await this.corpus.request('dedup-summary', {});
      if (seq === this.summarySeq) this.summary = summary;
    } catch (e) {
      if (seq === this.summarySeq) this.error = message(e);
    }
  }

  /** Fetch the page of clusters at `offset` (the current one by default). */
  async refresh(offset = this.offset): Promise<void> {
    const seq = ++this.pageSeq;
    this.loading = true;
    try {
      const page = await this.corpus.request('dedup-page', { offset: Math.max(0, offset), limit: CLUSTERS_PER_PAGE });
      if (seq !== this.pageSeq) return;
      // A page emptied by a split goes back to the last page that has clusters.
      if (!page.clusters.length && page.offset > 0 && page.total > 0) {
        void this.refresh(Math.max(0, Math.floor((page.total - 1) / CLUSTERS_PER_PAGE) * CLUSTERS_PER_PAGE));
        return;
      }
      this.page = page;
      this.offset = page.offset;
      this.summary = page.summary;
      const shown = new Set(page.clusters.map((c) => c.id));
      this.selected = this.selected.filter((id) => shown.has(id));
      this.error = null;
    } catch (e) {
      if (seq === this.pageSeq) this.error = message(e);
    } finally {
      if (seq === this.pageSeq) this.loading = false;
    }
  }

  /** Pick or unpick a cluster for a merge; picking a third drops the first picked. */
  toggle(clusterId: number): void {
    this.selected = this.selected.includes(clusterId)
      ? this.selected.filter((id) => id !== clusterId)
      : [...this.selected, clusterId].slice(-2);
  }

  split(articleId: number): Promise<void> {
    return this.act(() => this.corpus.request('dedup-split', { articleId }));
  }

  merge(): Promise<void> {
    if (this.selected.length !== 2) return Promise.resolve();
    const articleIds = [...this.selected];
    this.selected = [];
    return this.act(() => this.corpus.request('dedup-merge', { articleIds }));
  }

  undo(seq: number): Promise<void> {
    return this.act(() => this.corpus.request('dedup-undo', { seq }));
  }

  private async act(run: () => Promise<DedupSummary>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      this.summary = await run();
      this.onChanged();
      await this.refresh();
    } catch (e) {
      this.error = message(e);
    } finally {
      this.busy = false;
    }
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
