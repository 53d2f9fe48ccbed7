// The page's state in its address: query, filter chips, order, printings, result page, open
// article and view live in the search part of the URL (?q=…&f=district:红旗区&a=…), so back and
// forward step through searches and a copied link reopens the same view. Each new search is a
// history entry; the keystrokes of one typing burst replace each other rather than pile up.
import { untrack } from 'svelte';
import { parseArticleRef, articleRef } from '../../core/query/ref';
import { FACET_FIELDS, SORT_ORDERS, type FacetField, type FacetFilter, type SortOrder } from '../../core/query/types';
import type { CorpusView, SearchState } from './corpus-view';

/** Everything a link holds. */
export interface DeskLocation extends SearchState {
  /** The open article's reference (articleRef), or null. */
  article: string | null;
  /** The view on screen ('search' unless another view is open). */
  view: string;
  /** A page inside the view (the people view's person or post page, ViewAccess.page); absent
   *  when the view shows its start. */
  page?: string;
}

/** The default state: nothing searched, nothing open. */
export const EMPTY_LOCATION: DeskLocation = {
  query: '', filters: [], sort: 'relevance', everyPrinting: false, offset: 0, article: null, view: 'search',
};

/** Read the state out of a URL's search part (`?q=…`); anything unreadable is left at its default. */
export function readLocation(search: string): DeskLocation {
  const p = new URLSearchParams(search);
  const filters: FacetFilter[] = [];
  for (const f of p.getAll('f')) {
    const at = f.indexOf(':');
    const field = f.slice(0, at) as FacetField;
    if (at > 0 && (FACET_FIELDS.includes(field) || field === 'person') && f.length > at + 1) filters.push({ field, value: f.slice(at + 1) });
  }
  const sort = p.get('sort') as SortOrder | null;
  const offset = Number(p.get('p') ?? 0);
  const article = p.get('a');
  return {
    query: p.get('q') ?? '',
    filters,
    sort: sort && SORT_ORDERS.includes(sort) ? sort : 'relevance',
    everyPrinting: p.get('every') === '1',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    article: article && parseArticleRef(article) ? article : null,
    view: p.get('view') || 'search',
    ...(p.get('page') ? { page: p.get('page')! } : {}),
  };
}

/** The search part of a URL for a state (empty for the default state); defaults are left out. */
export function writeLocation(s: DeskLocation): string {
  const p = new URLSearchParams();
  if (s.query) p.set('q', s.query);
  for (const f of s.filters) p.append('f', `${f.field}:${f.value}`);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.everyPrinting) p.set('every', '1');
  if (s.offset > 0) p.set('p', String(s.offset));
  if (s.article) p.set('a', s.article);
  if (s.view !== 'search') p.set('view', s.view);
  if (s.page && s.view !== 'search') p.set('page', s.page);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** Parameters of the address that name what is open rather than the view, kept as they are
 *  when the view is written: `corpus` (a hosted corpus, src/ui/lib/corpus-source.ts). */
export const FOREIGN_PARAMS = ['corpus'];

/** A written search part with the foreign parameters of the current one put first. */
export function keepForeignParams(written: string, current: string): string {
  const now = new URLSearchParams(current);
  const kept = new URLSearchParams();
  for (const name of FOREIGN_PARAMS) for (const v of now.getAll(name)) kept.append(name, v);
  if (![...kept.keys()].length) return written;
  const rest = written.startsWith('?') ? written.slice(1) : written;
  return `?${kept.toString()}${rest ? `&${rest}` : ''}`;
}

/** The parts of `window` the URL state uses (a fake stands in for it in tests). */
export interface WindowLike {
  location: { search: string; pathname: string; hash: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/** Access to the page's current view, which the page itself owns. */
export interface ViewAccess {
  get(): string;
  set(view: string): void;
  /** The page open inside the view, as a string for the address (null: the view's start), and
   *  opening one from the address. Views without pages leave it out. */
  page?: { get(): string | null; set(page: string | null): void };
}

/** Keystrokes closer together than this belong to one search (one history entry). */
export const TYPING_BURST_MS = 1500;

/** Keeps the address and the client in step, both ways. */
export class UrlState {
  /** A linked article still being looked up (kept in the address meanwhile). */
  private pendingArticle: string | null = null;
  private lastQueryChange = -Infinity;
  private written: DeskLocation = EMPTY_LOCATION;

  constructor(
    private readonly client: CorpusView,
    private readonly view: ViewAccess,
    private readonly win: WindowLike = window,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The state shown by the client and the page now. */
  current(): DeskLocation {
    const c = this.client;
    const detail = c.article;
    // While an article is on its way the address keeps the one it had, so opening takes one entry.
    const article = c.articleLoading
      ? this.written.article
      : detail ? articleRef(detail.bulletin.sha256, detail.index) : (this.pendingArticle ?? c.missingArticle);
    return {
      query: c.query,
      filters: c.filters,
      sort: c.sort,
      everyPrinting: c.everyPrinting,
      offset: c.pageOffset,
      article,
      view: this.view.get(),
      ...(this.view.page?.get() ? { page: this.view.page.get()! } : {}),
    };
  }

  /** Apply the address to the client (at start, and on back/forward). */
  private apply(loc: DeskLocation, first: boolean): void {
    const c = this.client;
    const here = this.current();
    const sameSearch = writeLocation({ ...loc, article: null, view: 'search' }) === writeLocation({ ...here, article: null, view: 'search' });
    if (!sameSearch || (first && loc.query)) c.applySearch(loc);
    if (loc.view !== here.view) this.view.set(loc.view);
    if ((loc.page ?? null) !== (here.page ?? null)) this.view.page?.set(loc.page ?? null);
    if (loc.article && loc.article !== here.article) {
      this.pendingArticle = loc.article;
      if (!first) this.openPending();
    } else if (!loc.article && c.article && !first) c.closeArticle();
    this.written = loc;
  }

  private openPending(): void {
    const ref = this.pendingArticle;
    this.pendingArticle = null;
    if (ref) this.client.openArticleRef(ref);
  }

  /** Write the client's state to the address: a new entry for a new search, else in place. */
  private write(): void {
    const next = this.current();
    const url = keepForeignParams(writeLocation(next), this.win.location.search);
    if (url === this.win.location.search) {
      this.written = next;
      return;
    }
    const before = this.written;
    const onlyQuery = writeLocation({ ...next, query: before.query }) === writeLocation(before);
    const typing = onlyQuery && this.now() - this.lastQueryChange < TYPING_BURST_MS;
    if (next.query !== before.query) this.lastQueryChange = this.now();
    const target = `${this.win.location.pathname}${url}${this.win.location.hash}`;
    if (typing) this.win.history.replaceState(null, '', target);
    else this.win.history.pushState(null, '', target);
    this.written = next;
  }

  /**
   * Read the address into the client, then follow both ways until the returned function is
   * called. A linked article opens once the corpus is ready (the sample corpus loads first).
   */
  start(): () => void {
    this.apply(readLocation(this.win.location.search), true);
    this.written = readLocation(this.win.location.search);
    const onPop = () => this.apply(readLocation(this.win.location.search), false);
    this.win.addEventListener('popstate', onPop);
    const stop = $effect.root(() => {
      $effect(() => {
        if (this.client.status === 'ready' && this.pendingArticle) untrack(() => this.openPending());
      });
      $effect(() => {
        this.current(); // the dependencies: every field of the state
        untrack(() => this.write());
      });
    });
    return () => {
      stop();
      this.win.removeEventListener('popstate', onPop);
    };
  }
}
