// Pages before schema version 6 kept the user's dictionary words in localStorage; they now live
// in the corpus (user_words). Once a corpus is open, words still found under the old key are
// merged into it and the key is removed, so the move happens once.
import type { UserWord } from '../../core/entities/index';
import type { ParamsOf, RequestType, ResultOf } from '../../worker/protocol';

/** The localStorage key older pages kept the words under. */
export const LEGACY_USER_WORDS_KEY = 'baoxun.userWords';

/** The parts of localStorage used (null: the browser gives none). */
export interface WordStorage {
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

/** Words under the old key; [] when there are none or the value is not a list of words. */
export function legacyUserWords(storage: WordStorage | null): UserWord[] {
  try {
    const v: unknown = JSON.parse(storage?.getItem(LEGACY_USER_WORDS_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((w): w is UserWord => typeof w?.word === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Merge the old key's words into the open corpus, then remove the key. Returns how many words
 * were found. A failed merge leaves the key, so the next visit tries again.
 */
export async function moveLegacyUserWords(
  client: { request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>> },
  storage: WordStorage | null,
): Promise<number> {
  if (!storage?.getItem(LEGACY_USER_WORDS_KEY)) return 0;
  const words = legacyUserWords(storage);
  if (words.length) await client.request('user-words-merge', { words });
  storage.removeItem(LEGACY_USER_WORDS_KEY);
  return words.length;
}
