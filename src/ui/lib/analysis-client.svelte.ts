// The people and analysis views' state: the people index (fetched again whenever the worker's
// entity pass finishes a new revision), the open person or post page, and the analyses of the
// current result set. Every request goes through the corpus client; each kind of answer is
// "latest wins", so a slow old answer never replaces a newer one.
import type {
  Concordance, CoReport, FrequencyReport, PersonDetail, PersonSummary, PlaceRow, PostDetail, PostSummary,
  TrendGroupBy, TrendReport,
} from '../../core/analysis/index';
import type { UserWord } from '../../core/entities/index';
import type { EntitiesStatus, KeywordsResult, ResultScope, UserWordsResult, UserWordState } from '../../worker/analysis-protocol';
import type { CorpusView } from './corpus-view';

/** Where the user words are remembered between visits. */
export const USER_WORDS_KEY = 'baoxun.userWords';

/** What the people view shows: the index, one person, or one post. */
export type PeoplePage = { kind: 'list' } | { kind: 'person'; id: string } | { kind: 'post'; post: string; district: string | null };

function storedWords(): UserWord[] {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(USER_WORDS_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((w): w is UserWord => typeof w?.word === 'string') : [];
  } catch {
    return [];
  }
}

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
  readonly cooccurrence = new Slot<CoReport>();
  userWords = $state.raw<UserWordState[]>(storedWords().map((w) => ({ word: w.word, tag: w.tag ?? 'n', freq: w.freq ?? 1000, known: false })));
  readonly userWordsSlot = new Slot<UserWordsResult>();
  /** The revision of the people index on screen (-1: not fetched yet). */
  shownRevision = $state(-1);
  private listSeq = 0;

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

  runCooccurrence(minCount = 1): Promise<void> {
    return this.cooccurrence.run(() => this.client.request('cooccurrence', { scope: this.scope(), top: 80, minCount }));
  }

  /** Send the user's words to the worker (which re-segments) and remember them. */
  async setUserWords(words: UserWord[]): Promise<void> {
    try {
      globalThis.localStorage?.setItem(USER_WORDS_KEY, JSON.stringify(words));
    } catch {
      // not remembered; they still apply to this visit
    }
    await this.userWordsSlot.run(() => this.client.request('user-words', { words }));
    const r = this.userWordsSlot.value;
    if (r) this.userWords = r.words;
  }

  /** Words remembered from an earlier visit go to the worker at start. */
  restoreUserWords(): void {
    const words = storedWords();
    if (words.length) void this.setUserWords(words);
  }
}
