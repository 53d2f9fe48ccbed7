// The query desk in the worker: one Searcher over the corpus database (created on the first
// search, with jieba to cut query words the way the index was cut), and the upkeep after a
// batch of files has loaded: reprinted stories clustered (so searches count them once) and the
// full-text indexes merged.
import { Searcher } from '../core/query';
import { StoryTracker } from '../core/query/stories';
import type { Segmenter } from '../core/segment';
import type { CorpusStore } from '../core/store';
import { optimizeSearchIndexes } from '../core/store/search-index';

/** What the desk needs from the worker around it. */
export interface SearchDeskDeps {
  store: () => Promise<CorpusStore>;
  segmenter: () => Promise<Segmenter>;
}

/** The worker's searcher, created once. */
export function searchDesk(deps: SearchDeskDeps): { searcher(): Promise<Searcher>; afterLoad<T>(loaded: Promise<T>): Promise<T> } {
  let searcher: Promise<Searcher> | null = null;
  let stories: StoryTracker | null = null;
  return {
    searcher: () => (searcher ??= (async () => new Searcher((await deps.store()).db, await deps.segmenter()))()),
    /** Merge the full-text indexes' segments once a load has finished (searches get several
     *  times faster), before the load is reported done. */
    async afterLoad<T>(loaded: Promise<T>): Promise<T> {
      const result = await loaded;
      const db = (await deps.store()).db;
      (stories ??= new StoryTracker(db)).update();
      optimizeSearchIndexes(db);
      return result;
    },
  };
}
