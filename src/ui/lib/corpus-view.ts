// What the components need from the corpus client. The real client (corpus-client.svelte.ts)
// implements it over the worker; component tests implement it with a fake.
import type { ArticleDetail, ArticlePage, CorpusStats } from '../../core/store/types';
import type { FileProgress, FileToAdd } from '../../worker/protocol';

/** The corpus as the page sees it: reactive state plus the actions the user can take. */
export interface CorpusView {
  /** starting: the worker is coming up; loading: files are being loaded; ready: idle. */
  readonly status: 'starting' | 'loading' | 'ready' | 'error';
  /** A fatal problem (the database could not start), or null. */
  readonly error: string | null;
  /** Why jieba could not load (search still works, ranking is coarser), or null. */
  readonly segmenterProblem: string | null;
  readonly stats: CorpusStats;
  /** Every file given this visit, in order, with its latest state. */
  readonly files: FileProgress[];
  /** The text in the search box. */
  readonly query: string;
  /** The page of results on screen (null until the first answer). */
  readonly page: ArticlePage | null;
  /** True while a search for the current query is on its way. */
  readonly searching: boolean;
  readonly pageSize: number;
  /** The article open in the article view, or null. */
  readonly article: ArticleDetail | null;
  readonly articleLoading: boolean;

  setQuery(query: string): void;
  gotoOffset(offset: number): void;
  openArticle(id: number): void;
  closeArticle(): void;
  /** Load files; accepts a promise so that a folder walk counts as loading from the start. */
  addFiles(files: FileToAdd[] | Promise<FileToAdd[]>): Promise<void>;
  addText(text: string): Promise<void>;
  clear(): Promise<void>;
}
