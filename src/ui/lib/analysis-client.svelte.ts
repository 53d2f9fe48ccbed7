// The people and analysis views' state: the people index (fetched again whenever the worker's
// entity pass finishes a new revision), the open person or post page, and the analyses of the
// current result set. Every request goes through the corpus client; each kind of answer is
// "latest wins", so a slow old answer never replaces a newer one.
import type {
  Concordance, CoReport, FrequencyReport, PersonDetail, PersonSummary, PlaceRow, PostDetail, PostSummary,
  TimelineReport, TrendGroupBy, TrendReport,
} from '../../core/analysis/index';
import type { UserWord } from '../../core/entities/index';
import type { EntitiesStatus, KeywordsResult, ResultScope, UserWordsResult, UserWordState } from '../../worker/analysis-protocol';
import type { CorpusView } from './corpus-view';
import { untrack } from 'svelte';

/** What the people view shows: the index, one person, or one post. */
export type PeoplePage = { kind: 'list' } | { kind: 'person'; id: string } | { kind: 'post'; post: string; district: string | null };

/** One analysis's latest answer and whether it is on its way. */
class Slot<T> {
  value = $state.raw<T | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  private seq = 0;

  async run(ask: () => Promise<T>): Promise<void> {
    const seq = ++this.seq;
    this.busy = true;
    this.error = null;
    try {
      const v = await ask();
      if (seq === this.seq) this.value = v;
    } catch (e) {
      if (seq === this.seq) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.seq) this.busy = false;
    }
  }
}

/** The people and analysis views' one state object. */
export class AnalysisDesk {
  people = $state.raw<PersonSummary[]>([]);
  posts = $state.raw<PostSummary[]>([]);
  places = $state.raw<PlaceRow[]>([]);
  page = $state.raw<PeoplePage>({ kind: 'list' });
  readonly person = new Slot<PersonDetail | null>();
  readonly post = new Slot<PostDetail | null>();
  readonly kwic = new Slot<Concordance>();
  readonly frequencies = new Slot<FrequencyReport>();
  readonly keywords = new Slot<KeywordsResult>();
  readonly trends = new Slot<TrendReport>();
  readonly timeline = new Slot<TimelineReport>();
  readonly cooccurrence = new Slot<CoReport>();
  /** The corpus's dictionary words (user_words), as the worker last listed or set them. */
  userWords = $state.raw<UserWordState[]>([]);
  readonly userWordsSlot = new Slot<UserWordsResult>();
  /** The revision of the people index on screen (-1: not fetched yet). */
  shownRevision = $state(-1);
  private listSeq = 0;
  private wordsSeq = 0;

  /** `corpus` gives the page's corpus client (a getter, so the page's prop stays live). */
  constructor(private readonly corpus: () => CorpusView) {}

  private get client(): CorpusView {
    return this.corpus();
  }

  /** The entity pass's status (null until the worker reports one). */
  get status(): EntitiesStatus | null {
    return this.client.entities ?? null;
  }

  /** The current search as the analyses' scope. */
  scope(): ResultScope {
    const c = this.client;
    return { query: c.query, filters: c.filters.map((f) => ({ field: f.field, value: f.value })), everyPrinting: c.everyPrinting, sort: c.sort };
  }

  /** Fetch the people, posts and places if the worker has a newer index than the one shown. */
  async refreshIndex(force = false): Promise<void> {
    const revision = this.status?.revision ?? 0;
    if (!force && revision === this.shownRevision) return;
    const seq = ++this.listSeq;
    const [people, posts, places] = await Promise.all([
      this.client.request('people', {}), this.client.request('posts', {}), this.client.request('places', {}),
    ]);
    if (seq !== this.listSeq) return;
    this.people = people;
    this.posts = posts;
    this.places = places;
    this.shownRevision = revision;
    // An open page follows the new index (the person may have gained posts).
    if (this.page.kind === 'person') void this.openPerson(this.page.id);
    else if (this.page.kind === 'post') void this.openPost(this.page.post, this.page.district);
  }

  openPerson(id: string): Promise<void> {
    this.page = { kind: 'person', id };
    return this.person.run(() => this.client.request('person', { personId: id }));
  }

  openPost(post: string, district: string | null): Promise<void> {
    this.page = { kind: 'post', post, district };
    return this.post.run(() => this.client.request('post', { post, district }));
  }

  showList(): void {
    this.page = { kind: 'list' };
  }

  /** The open page as the address writes it (person:刘怀斌@红旗区, post:红旗区委书记|红旗区), or
   *  null on the list. */
  get pageKey(): string | null {
    const p = this.page;
    if (p.kind === 'person') return `person:${p.id}`;
    if (p.kind === 'post') return `post:${p.post}${p.district ? `|${p.district}` : ''}`;
    return null;
  }

  /** Open the page an address names (the list for null or anything unreadable). Before the
   *  index is ready the page shows as not found and fills in when the index arrives. */
  openPageKey(key: string | null): void {
    const m = /^(person|post):(.+)$/u.exec(key ?? '');
    if (!m) return this.showList();
    if (m[1] === 'person') void this.openPerson(m[2]);
    else {
      const [post, district] = m[2].split('|');
      void this.openPost(post, district || null);
    }
  }

  runKwic(term: string, width = 24): Promise<void> {
    return this.kwic.run(() => this.client.request('kwic', { scope: this.scope(), term, width }));
  }

  runFrequencies(): Promise<void> {
    const scope = this.scope();
    void this.keywords.run(() => this.client.request('keywords', { scope, limit: 50 }));
    return this.frequencies.run(() => this.client.request('frequencies', { scope, top: 100 }));
  }

  runTrends(terms: string[], groupBy: TrendGroupBy): Promise<void> {
    return this.trends.run(() => this.client.request('trends', { scope: this.scope(), terms, groupBy }));
  }

  runTimeline(): Promise<void> {
    return this.timeline.run(() => this.client.request('timeline', { scope: this.scope() }));
  }

  runCooccurrence(minCount = 1): Promise<void> {
    return this.cooccurrence.run(() => this.client.request('cooccurrence', { scope: this.scope(), top: 80, minCount }));
  }

  /** Send the user's words to the worker, which keeps them in the corpus (user_words, saved and
   *  exported with it) and segments the articles holding new ones again. */
  async setUserWords(words: UserWord[]): Promise<void> {
    const seq = ++this.wordsSeq;
    await this.userWordsSlot.run(() => this.client.request('user-words', { words }));
    const r = this.userWordsSlot.value;
    if (r && seq === this.wordsSeq) this.userWords = r.words;
  }

  /** Read the corpus's words again (a corpus was opened or imported, the index moved on). */
  async refreshUserWords(): Promise<void> {
    const seq = ++this.wordsSeq;
    try {
      const words = await this.client.request('user-words-list', {});
      if (seq === this.wordsSeq) this.userWords = words;
    } catch {
      // the list stays as it was; the next refresh tries again
    }
  }

  /** From the start of the page: list the corpus's words, and again whenever the people index
   *  moves on (each load, import or opened corpus bumps it, and their words may differ). Returns
   *  the function that stops following. */
  restoreUserWords(): () => void {
    return $effect.root(() => {
      $effect(() => {
        void this.status?.revision;
        untrack(() => void this.refreshUserWords());
      });
    });
  }
}
