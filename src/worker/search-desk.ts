// The query desk in the worker: one Searcher over the corpus database (created on the first
// search, with jieba to cut query words the way the index was cut), and the upkeep after a
// batch of files has loaded: reprinted stories clustered (so searches count them once) and the
// full-text indexes merged.
import { Searcher } from '../core/query';
import { StoryTracker } from '../core/query/stories';
import type { Database } from 'sql.js';
import type { Segmenter } from '../core/segment';
import type { CorpusStore } from '../core/store';
import { optimizeSearchIndexes, searchIndexSize, searchIndexTiming, type SearchIndexSize } from '../core/store/search-index';

/** What the desk needs from the worker around it. */
export interface SearchDeskDeps {
  store: () => Promise<CorpusStore>;
  segmenter: () => Promise<Segmenter>;
  /** The story tracker that records reprints in search_docs.story_id. The dedup desk passes its
   *  own (which applies the user's split/merge decisions); without one the desk keeps a plain one. */
  stories?: (db: Database) => StoryTracker;
}

/** What the search index cost to build and what it holds (for the benchmark and the docs). */
export interface SearchDeskStats extends SearchIndexSize {
  /** Milliseconds spent writing the search tables while loading (fold, grams, rows). */
  indexMs: number;
  /** Milliseconds spent clustering reprints. */
  storiesMs: number;
  /** Milliseconds spent merging index segments after loads. */
  optimizeMs: number;
  /** Stories printed more than once. */
  reprintedStories: number;
}

/** The worker's query desk. */
export interface SearchDesk {
  searcher(): Promise<Searcher>;
  afterLoad<T>(loaded: Promise<T>): Promise<T>;
  stats(): Promise<SearchDeskStats>;
}

/** The worker's searcher, created once. */
export function searchDesk(deps: SearchDeskDeps): SearchDesk {
  let searcher: Promise<Searcher> | null = null;
  let stories: StoryTracker | null = null;
  let storiesMs = 0;
  let optimizeMs = 0;
  let reprintedStories = 0;
  return {
    async stats() {
      const size = searchIndexSize((await deps.store()).db);
      return { ...size, indexMs: searchIndexTiming.ms, storiesMs, optimizeMs, reprintedStories };
    },
    searcher: () => (searcher ??= (async () => new Searcher((await deps.store()).db, await deps.segmenter()))()),
    /** Merge the full-text indexes' segments once a load has finished (searches get several
     *  times faster), before the load is reported done. */
    async afterLoad<T>(loaded: Promise<T>): Promise<T> {
      const result = await loaded;
      const db = (await deps.store()).db;
      let t = performance.now();
      const tracker = deps.stories ? deps.stories(db) : (stories ??= new StoryTracker(db));
      reprintedStories = tracker.update();
      storiesMs += performance.now() - t;
      t = performance.now();
      optimizeSearchIndexes(db);
      optimizeMs += performance.now() - t;
      return result;
    },
  };
}
