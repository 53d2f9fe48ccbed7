// What the components need from the corpus client. The real client (corpus-client.svelte.ts)
// implements it over the worker; component tests implement it with a fake.
import type { ArticleDetail, CorpusStats } from '../../core/store/types';
import type { FacetFilter, SearchPage, SortOrder } from '../../core/query/types';
import type { FileProgress, FileToAdd, ParamsOf, RequestType, ResultOf } from '../../worker/protocol';
import type { EntitiesStatus } from '../../worker/analysis-protocol';
import type { CrashNotice } from './worker-supervisor';
import type { FileRows } from './file-rows.svelte';

/** The corpus as the page sees it: reactive state plus the actions the user can take. */
export interface CorpusView {
  /** starting: the worker is coming up; loading: files are being loaded; ready: idle. */
  readonly status: 'starting' | 'loading' | 'ready' | 'error';
  /** A fatal problem (the database could not start), or null. */
  readonly error: string | null;
  /** Why jieba could not load (search still works, ranking is coarser), or null. */
  readonly segmenterProblem: string | null;
  /** The corpus worker died this visit and was restarted (worker-supervisor.ts); absent in fakes. */
  readonly crash?: CrashNotice | null;
  /** Hide the crash banner. */
  dismissCrash?(): void;
  /** The people index's status (entity pass in the worker); absent in fakes that do not need it. */
  readonly entities?: EntitiesStatus | null;
  readonly stats: CorpusStats;
  /** Every file given this visit, in order, with its latest state. */
  readonly files: FileProgress[];
  /** The same list kept incrementally (file-rows.svelte.ts): what the file list and the progress
   *  bar follow, so an event costs them the rows it changed; absent in fakes (they use files). */
  readonly fileRows?: FileRows;
  /** The text in the search box. */
  readonly query: string;
  /** The page of results on screen, with facets and hints (null until the first answer). */
  readonly page: SearchPage | null;
  /** The filter chips of the search (a field's chips are ORed, fields ANDed). */
  readonly filters: FacetFilter[];
  readonly sort: SortOrder;
  /** Show every printing of a reprinted story instead of each story once. */
  readonly everyPrinting: boolean;
  /** The offset of the page last asked for. */
  readonly pageOffset: number;
  /** A linked article (its reference) that is not in the loaded corpus, or null. */
  readonly missingArticle: string | null;
  /** True while a search for the current query is on its way. */
  readonly searching: boolean;
  readonly pageSize: number;
  /** The article open in the article view, or null. */
  readonly article: ArticleDetail | null;
  readonly articleLoading: boolean;

  setQuery(query: string): void;
  addFilter(filter: FacetFilter): void;
  removeFilter(filter: FacetFilter): void;
  setSort(sort: SortOrder): void;
  setEveryPrinting(on: boolean): void;
  /** Restore a whole search at once (from a link, or back/forward): one request, no debounce. */
  applySearch(state: SearchState): void;
  /** Open the article a link names by its reference (`<sha256 prefix>.<index>`). */
  openArticleRef(ref: string): void;
  gotoOffset(offset: number): void;
  openArticle(id: number): void;
  closeArticle(): void;
  /** Load files; accepts a promise so that a folder walk counts as loading from the start. */
  addFiles(files: FileToAdd[] | Promise<FileToAdd[]>): Promise<void>;
  addText(text: string): Promise<void>;
  clear(): Promise<void>;
  /** Stop the loads under way after the file being stored (IngestProgress's cancel button);
   *  absent in fakes that do not load. */
  cancelLoad?(): Promise<void>;
  /** Any request of the worker protocol, for views that keep their own state (bulletins, the
   *  SQL console's snapshot). */
  request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>>;
}

/** A whole search as a link or a history entry holds it. */
export interface SearchState {
  query: string;
  filters: FacetFilter[];
  sort: SortOrder;
  everyPrinting: boolean;
  offset: number;
}
