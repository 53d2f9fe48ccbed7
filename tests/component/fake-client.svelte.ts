// A stand-in for the corpus client: the same reactive surface (CorpusView), no worker. It
// records every action so tests can assert what the components asked for.
import type { CorpusView } from '../../src/ui/lib/corpus-view';
import type { ArticleDetail, ArticlePage, ArticleRow, CorpusStats } from '../../src/core/store/types';
import type { FacetFilter, SearchPage, SearchRow, SortOrder } from '../../src/core/query/types';
import type { SearchState } from '../../src/ui/lib/corpus-view';
import type { FileProgress, FileToAdd, ParamsOf, RequestType, ResultOf } from '../../src/worker/protocol';

export class FakeClient implements CorpusView {
  status = $state<CorpusView['status']>('ready');
  error = $state<string | null>(null);
  segmenterProblem = $state<string | null>(null);
  stats = $state<CorpusStats>({ bulletins: 0, failed: 0, articles: 0, fragments: 0 });
  files = $state<FileProgress[]>([]);
  query = $state('');
  page = $state<SearchPage | null>(null);
  filters = $state<FacetFilter[]>([]);
  sort = $state<SortOrder>('relevance');
  everyPrinting = $state(false);
  pageOffset = 0;
  missingArticle = $state<string | null>(null);
  searching = $state(false);
  pageSize = 2;
  article = $state<ArticleDetail | null>(null);
  articleLoading = $state(false);
  calls: Array<[string, unknown]> = [];

  setQuery(query: string): void {
    this.calls.push(['setQuery', query]);
    this.query = query;
  }
  gotoOffset(offset: number): void {
    this.calls.push(['gotoOffset', offset]);
  }
  addFilter(filter: FacetFilter): void {
    this.calls.push(['addFilter', filter]);
    this.filters = [...this.filters, filter];
  }
  removeFilter(filter: FacetFilter): void {
    this.calls.push(['removeFilter', filter]);
    this.filters = this.filters.filter((f) => f.field !== filter.field || f.value !== filter.value);
  }
  setSort(sort: SortOrder): void {
    this.calls.push(['setSort', sort]);
    this.sort = sort;
  }
  setEveryPrinting(on: boolean): void {
    this.calls.push(['setEveryPrinting', on]);
    this.everyPrinting = on;
  }
  applySearch(state: SearchState): void {
    this.calls.push(['applySearch', state]);
    Object.assign(this, { query: state.query, filters: state.filters, sort: state.sort, everyPrinting: state.everyPrinting });
  }
  openArticleRef(ref: string): void {
    this.calls.push(['openArticleRef', ref]);
  }
  openArticle(id: number): void {
    this.calls.push(['openArticle', id]);
  }
  closeArticle(): void {
    this.calls.push(['closeArticle', null]);
    this.article = null;
  }
  async addFiles(files: FileToAdd[] | Promise<FileToAdd[]>): Promise<void> {
    this.calls.push(['addFiles', await files]);
  }
  async addText(text: string): Promise<void> {
    this.calls.push(['addText', text]);
  }
  async clear(): Promise<void> {
    this.calls.push(['clear', null]);
  }
  /** Answers to `request`, by request type; a type without one rejects. */
  handlers: Partial<{ [K in RequestType]: (params: ParamsOf<K>) => ResultOf<K> | Promise<ResultOf<K>> }> = {};
  async request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>> {
    this.calls.push([type, params]);
    const handler = this.handlers[type] as ((p: ParamsOf<K>) => ResultOf<K> | Promise<ResultOf<K>>) | undefined;
    if (!handler) throw new Error(`no fake answer for ${type}`);
    return handler(params);
  }
}

/** A result row, overridable. */
export function row(over: Partial<ArticleRow> = {}): ArticleRow {
  return {
    id: 1, bulletinId: 1, index: 0, headline: '封丘县召开防汛工作会议', kicker: '封丘县防汛办',
    subtitle: null, credit: '封丘宣', kind: 'news', date: '2026-06-08', district: '封丘县',
    file: '新乡日报_2026-06-10_04.txt', snippet: [{ text: '部署', hit: false }, { text: '防汛', hit: true }, { text: '工作。', hit: false }],
    ...over,
  };
}

/** A page of rows, with the query desk's fields (no facets, no hints) unless given. */
export function page(rows: ArticleRow[], over: Partial<SearchPage> = {}): SearchPage {
  const searchRows: SearchRow[] = rows.map((r) => ({
    ref: `0123456789abcdef.${r.index}`, paper: null, printings: 1, ...r,
  }));
  const base: ArticlePage = { query: '', total: rows.length, offset: 0, limit: 2, rows: searchRows };
  return {
    ...base, filters: [], sort: 'relevance', everyPrinting: false, printings: rows.length,
    facets: [], hints: [], terms: over.query ? [over.query] : [], tookMs: 1, ...over,
    rows: over.rows ?? searchRows,
  };
}

/** One opened article with every field. */
export function detail(over: Partial<ArticleDetail['article']> = {}): ArticleDetail {
  const text = '报头\n\n## 封丘县召开防汛工作会议\n本报讯 6月8日,封丘县召开会议。\n部署防汛工作。\n\n## 下一篇';
  const start = text.indexOf('## 封丘');
  const end = text.indexOf('\n\n## 下一篇');
  return {
    id: 7, bulletinId: 3, index: 1,
    article: {
      kicker: '封丘县防汛办', headline: '封丘县召开防汛工作会议', subtitle: '——压实责任', column: '县域动态',
      kind: 'news', lead: '本报讯', dateline: '6月8日', date: '2026-06-08', byline: '记者 张三 通讯员 李四',
      reporters: ['张三'], correspondents: ['李四'], credit: '封丘宣', district: '封丘县',
      body: '封丘县召开会议。\n部署防汛工作。', original: text.slice(start, end),
      repairs: [{ type: 'join', original: '部署防\n汛工作', replacement: '部署防汛工作', span: { start: 0, end: 1 }, note: 'page break' }],
      flags: [], spans: { article: { start, end }, paragraphs: [] }, ...over,
    },
    bulletin: { id: 3, name: '新乡日报_2026-06-10_04.txt', path: '新乡日报_2026-06-10_04.txt', sha256: '0123456789abcdef0123', paper: '新乡日报', date: '2026-06-10', encoding: 'utf-8', text, textOffset: 0, totalLength: text.length },
  };
}
