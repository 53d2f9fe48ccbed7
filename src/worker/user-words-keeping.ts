// The user's dictionary words as part of the corpus (user_words, src/core/store/user-words.ts):
// listing them, merging words in (the one-time move of words an older page kept in localStorage),
// and teaching jieba the words of a corpus that was just opened (a saved copy, an import, a
// site's prebuilt file), so its searches and analyses segment as they did where it was made.
import type { UserWord } from '../core/entities/index';
import type { CorpusStore } from '../core/store';
import { readUserWords } from '../core/store/user-words';
import type { UserWordsResult, UserWordState } from './analysis-protocol';
import type { EntitiesEngine } from './entities-engine';

/** What the user-word keeping needs from the worker around it. */
export interface UserWordsKeepingDeps {
  store: () => Promise<CorpusStore>;
  entities: Pick<EntitiesEngine, 'setUserWords' | 'userWordStates'>;
}

/** Listing, merging and restoring the corpus's dictionary words. */
export function userWordsKeeping(deps: UserWordsKeepingDeps) {
  /** The words of the corpus, with jieba's "knew it already" flag where jieba has the word. */
  async function list(): Promise<UserWordState[]> {
    const known = new Map(deps.entities.userWordStates().map((w) => [w.word, w.known]));
    return readUserWords((await deps.store()).db).map((w) => ({ ...w, known: known.get(w.word) ?? false }));
  }

  /** The corpus's words followed by the new ones it lacks. */
  async function merge(words: UserWord[]): Promise<UserWordsResult> {
    const have = readUserWords((await deps.store()).db);
    const seen = new Set(have.map((w) => w.word));
    return deps.entities.setUserWords([...have, ...words.filter((w) => !seen.has(w.word?.trim?.() ?? ''))]);
  }

  /** The corpus was replaced: jieba learns its words (the engine forgets words it lacks). */
  async function restore(): Promise<UserWordsResult> {
    return deps.entities.setUserWords(readUserWords((await deps.store()).db));
  }

  return { list, merge, restore };
}
