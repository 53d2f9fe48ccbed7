// The people index in the worker: after files load (debounced), every article is tagged with
// jieba (in chunks, so searches answer in between), people, posts and places are found
// (src/core/entities), written to SQLite tables (docs/schema.md) and kept for the people pages.
// The names found, and the user's words, go into jieba's dictionary and the articles holding them
// are segmented again (seg_* columns, FTS rows); the next pass tags those texts with the new words.
// (A second pass at once would double the time for a gain the seeds do not show: names are
// found from titles and punctuation first, jieba's words only break ties.)
import * as analysis from '../core/analysis/index';
import {
  dictionaryLines, EntityCache, indexTokens, sameTokens, type EntityReport, type Tagger, type TokenIndex, type UserWord,
} from '../core/entities/index';
import { loadGazetteer, type Gazetteer } from '../core/places/index';
import { characterSegmenter, type Segmenter } from '../core/segment/index';
import type { CorpusStore } from '../core/store/index';
import { optimizeSearchIndexes } from '../core/store/search-index';
import { writeUserWords } from '../core/store/user-words';
import type { ArticleLookup } from '../core/analysis/index';
import type { EntitiesEvent, EntitiesStatus, EntitiesTimings, UserWordsResult, UserWordState } from './analysis-protocol';
import { readEntityCorpus, readSegmentSources } from './entity-source';
import { taughtWords } from './taught-words';

/** What the engine needs from the worker around it. */
export interface EntitiesDeps {
  store: () => Promise<CorpusStore>;
  segmenter: () => Promise<Segmenter>;
  post: (event: EntitiesEvent) => void;
  /** Wait after the last load before a pass starts (loads often come in bursts). */
  debounceMs?: number;
}

/** jieba's functions the engine uses (the same module instance the segmenter cuts with). */
type Jieba = Pick<typeof import('jieba-wasm'), 'tag' | 'cut' | 'with_dict'>;

/** Articles tagged or re-segmented between two yields to the message queue. */
const CHUNK = 40;
/** Least time between two progress events. */
const PROGRESS_MS = 150;

const yieldTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const FIELDS = ['kicker', 'headline', 'subtitle', 'body'] as const;

/** The entity pass, its report and the user's words. */
export class EntitiesEngine {
  report: EntityReport | null = null;
  lookup: ArticleLookup | null = null;
  private status: EntitiesStatus = {
    phase: 'idle', done: 0, total: 0, revision: 0, articles: 0, people: 0, posts: 0, places: 0,
    dictionaryWords: 0, resegmented: 0, timings: null, problem: null,
  };
  /** Tokens of each text, kept across passes; texts holding a newly added word are dropped. */
  private tokens = new Map<string, TokenIndex>();
  /** Places, titled names and mentions per bulletin, kept across passes (only new or changed
   *  bulletins are read from scratch; see core/entities/incremental.ts). */
  private cache = new EntityCache();
  /** Tokens dropped because jieba learned a word the text holds; compared with the new cut so
   *  that only bulletins whose texts are cut differently are read again. */
  private dropped = new Map<string, TokenIndex>();
  private dictionary = new Set<string>();
  private userWords = new Map<string, UserWordState>();
  private gazetteer: Promise<Gazetteer | null> | null = null;
  private gazetteerProblem: string | null = null;
  private work: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = false;
  /** Bumped when the corpus is cleared: a pass of an older generation stops writing. */
  private generation = 0;
  private lastPost = 0;

  constructor(private readonly deps: EntitiesDeps) {
    // The tables exist from the start, so the SQL console can name them before any pass.
    void deps.store().then((s) => analysis.ensureEntityTables(s.db), () => undefined);
  }

  /** The current status. */
  current(): EntitiesStatus {
    return { ...this.status };
  }

  private set(patch: Partial<EntitiesStatus>, force = true): void {
    this.status = { ...this.status, ...patch };
    const now = performance.now();
    if (!force && now - this.lastPost < PROGRESS_MS) return;
    this.lastPost = now;
    this.deps.post({ type: 'entities', status: this.current() });
  }

  /** Run `job` after every job queued before it (passes and dictionary changes never interleave). */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.work.then(job);
    this.work = run.catch(() => undefined);
    return run;
  }

  /** The corpus changed (a load finished, a bulletin was corrected): schedule a pass. */
  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.status.phase === 'idle' || this.status.phase === 'ready' || this.status.phase === 'error') this.set({ phase: 'waiting' });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.due) return; // a pass is already queued; it will read the corpus as it is then
      this.due = true;
      void this.serial(async () => {
        this.due = false;
        await this.runPass();
      });
    }, this.deps.debounceMs ?? 300);
  }

  /** A promise for a result that schedules a pass once it has settled. */
  after<T>(loaded: Promise<T>): Promise<T> {
    return loaded.finally(() => this.changed());
  }

  /** The corpus was emptied: forget the report and the tokens, and empty the tables. */
  async cleared(): Promise<void> {
    this.generation++;
    this.tokens.clear();
    this.dropped.clear();
    this.cache.clear();
    this.report = null;
    this.lookup = null;
    analysis.emptyEntityTables((await this.deps.store()).db);
    this.set({ phase: 'ready', done: 0, total: 0, revision: this.status.revision + 1, articles: 0, people: 0, posts: 0, places: 0, resegmented: 0 });
  }

  private async jieba(): Promise<Jieba | null> {
    const segmenter = await this.deps.segmenter();
    return segmenter === characterSegmenter ? null : import('jieba-wasm');
  }

  private loadGazetteer(): Promise<Gazetteer | null> {
    this.gazetteer ??= loadGazetteer().catch((e: unknown) => {
      this.gazetteerProblem = `places are not recognised: the gazetteer did not load (${e instanceof Error ? e.message : String(e)})`;
      return null;
    });
    return this.gazetteer;
  }

  private async runPass(): Promise<void> {
    const gen = this.generation;
    const started = performance.now();
    try {
      const t = await this.pass(gen);
      // Cleared meanwhile: cleared() has said so; a pass queued after it reads the new corpus.
      if (!t) return this.set({ phase: 'ready' });
      // The report is on offer now; teaching jieba the names and re-segmenting follow.
      this.set({ revision: this.status.revision + 1 });
      const added = await this.addNames(t.report);
      if (gen !== this.generation) return this.set({ phase: 'ready' });
      const r0 = performance.now();
      const resegmented = added.length ? await this.resegment(added, gen) : 0;
      const timings = { ...t.timings, resegmentMs: performance.now() - r0, totalMs: performance.now() - started };
      this.set({ phase: 'ready', resegmented, timings, problem: this.gazetteerProblem });
    } catch (e) {
      this.set({ phase: 'error', problem: e instanceof Error ? e.message : String(e) });
    }
  }

  /** One pass: tag what is not tagged yet, find the entities, write the tables. */
  private async pass(gen: number): Promise<{ report: EntityReport; timings: Pick<EntitiesTimings, 'tagMs' | 'extractMs' | 'writeMs'> } | null> {
    const store = await this.deps.store();
    const jieba = await this.jieba();
    const tagger: Tagger | undefined = jieba ? { tag: (text) => jieba.tag(text, true) } : undefined;
    const corpus = readEntityCorpus(store.db);
    const total = corpus.articles.length;
    this.set({ phase: 'tagging', done: 0, total, articles: total });
    const t0 = performance.now();
    const used = new Map<string, TokenIndex>();
    const recut = new Set<string>();
    const tokensOf = (text: string): TokenIndex => {
      let t = used.get(text) ?? this.tokens.get(text);
      if (!t) {
        t = indexTokens(tagger, text);
        const before = this.dropped.get(text);
        if (before && !sameTokens(before, t, text.length)) recut.add(text);
      }
      used.set(text, t);
      return t;
    };
    for (let i = 0; i < total; i += CHUNK) {
      for (const a of corpus.articles.slice(i, i + CHUNK)) for (const f of FIELDS) if (a[f]) tokensOf(a[f]!);
      this.set({ done: Math.min(total, i + CHUNK) }, false);
      await yieldTask();
      if (gen !== this.generation) return null;
    }
    this.tokens = used; // texts no longer in the corpus are forgotten
    this.dropped.clear();
    const reread = new Set(corpus.articles.filter((a) => FIELDS.some((f) => a[f] && recut.has(a[f]!))).map((a) => a.file));
    const tagMs = performance.now() - t0;
    this.set({ phase: 'extracting', done: total });
    const gazetteer = (await this.loadGazetteer()) ?? undefined;
    if (gen !== this.generation) return null;
    const t1 = performance.now();
    const { report, stats } = this.cache.update(corpus.articles, { tokens: tokensOf, gazetteer, reread });
    const extractMs = performance.now() - t1;
    this.set({ lastUpdate: stats });
    if (gen !== this.generation) return null; // cleared meanwhile: this report is of nothing
    const t2 = performance.now();
    analysis.writeEntityTables(store.db, report, corpus.lookup);
    const writeMs = performance.now() - t2;
    this.report = report;
    this.lookup = corpus.lookup;
    this.set({ people: report.people.length, posts: report.posts.length, places: report.places.length });
    return { report, timings: { tagMs, extractMs, writeMs } };
  }

  /** Add the names of the report to jieba's dictionary; returns the words that are new to it. */
  private async addNames(report: EntityReport): Promise<string[]> {
    const jieba = await this.jieba();
    if (!jieba) return [];
    // A name found without any title or byline may be a misreading: it is not taught to jieba.
    const names = report.people.filter((p) => p.confidence !== 'low').map((p) => p.name);
    const lines = dictionaryLines(names).filter((line) => !this.dictionary.has(line.split(' ')[0]));
    if (!lines.length) return [];
    // Recorded, so the load's parse workers are taught the same words (taught-words.ts).
    taughtWords.teach(jieba, lines.join('\n'));
    const words = lines.map((line) => line.split(' ')[0]);
    for (const w of words) this.dictionary.add(w);
    this.set({ dictionaryWords: this.dictionary.size });
    return words;
  }

  /** Forget the tokens of texts holding the words, and segment the articles holding them again. */
  private async resegment(words: string[], gen: number): Promise<number> {
    const pattern = analysis.anyWordPattern(words);
    if (!pattern) return 0;
    for (const [text, t] of this.tokens) {
      if (!pattern.test(text)) continue;
      this.tokens.delete(text);
      this.dropped.set(text, t);
    }
    const store = await this.deps.store();
    const segmenter = await this.deps.segmenter();
    const sources = readSegmentSources(store.db);
    const targets = new Set(analysis.articlesHolding(sources, words));
    const todo = sources.filter((s) => targets.has(s.id));
    this.set({ phase: 'resegmenting', done: 0, total: todo.length });
    let changed = 0;
    for (let i = 0; i < todo.length; i += CHUNK) {
      if (gen !== this.generation) return changed;
      changed += analysis.resegmentArticles(store.db, segmenter, todo.slice(i, i + CHUNK));
      this.set({ done: Math.min(todo.length, i + CHUNK) }, false);
      await yieldTask();
    }
    if (changed) optimizeSearchIndexes(store.db);
    return changed;
  }

  /** The user's words jieba has been given (with whether jieba knew each already). */
  userWordStates(): UserWordState[] {
    return [...this.userWords.values()];
  }

  /** Replace the user's words: new ones go into jieba's dictionary and the corpus is segmented
   *  again where they occur; then the people index is brought up to date. */
  setUserWords(words: UserWord[]): Promise<UserWordsResult> {
    return this.serial(async () => {
      const started = performance.now();
      const jieba = await this.jieba();
      const wanted = new Map<string, UserWord>();
      for (const w of words) {
        const word = w.word.trim();
        if (/^\S{2,32}$/u.test(word) && !wanted.has(word)) wanted.set(word, { ...w, word });
      }
      // Kept in the corpus (user_words), so they are saved and exported with it.
      writeUserWords((await this.deps.store()).db, [...wanted.values()]);
      const added: UserWordState[] = [];
      for (const [word, w] of wanted) {
        const before = this.userWords.get(word);
        const tag = w.tag && /^[a-z]{1,4}$/.test(w.tag) ? w.tag : 'n';
        const freq = w.freq && w.freq > 0 ? Math.round(w.freq) : 1000;
        if (before && before.tag === tag && before.freq === freq) continue;
        const known = before?.known ?? (jieba ? jieba.cut(word, true).length === 1 : false);
        added.push({ word, tag, freq, known });
      }
      const pendingRemoval = [...this.userWords.keys()].filter((w) => !wanted.has(w) && !this.userWords.get(w)!.known);
      for (const w of [...this.userWords.keys()]) if (!wanted.has(w)) this.userWords.delete(w);
      for (const w of added) this.userWords.set(w.word, w);
      let resegmented = 0;
      if (jieba && added.length) {
        taughtWords.teach(jieba, dictionaryLines([], added).join('\n'));
        resegmented = await this.resegment(added.map((w) => w.word), this.generation);
        this.set({ phase: 'ready', resegmented });
      }
      if (added.length) this.changed();
      return { words: [...this.userWords.values()], pendingRemoval, resegmented, ms: performance.now() - started };
    });
  }
}
