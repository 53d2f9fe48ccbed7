// The user's dictionary words (the people view's "词典" box: names jieba splits, slogans such as
// 二马机制) kept in the corpus itself, in `user_words` (docs/schema.md), so they are saved with the
// corpus, travel in its SQLite file (export, import, a site's prebuilt corpus) and are taught to
// jieba again whenever a corpus is opened. The table outlives "clear" (jieba keeps the words for
// the rest of the visit, so the table keeps saying so).
import type { Database } from 'sql.js';

/** The default tag and frequency a word gets (as src/core/entities/dictionary.ts). */
const DEFAULT_TAG = 'n';
const DEFAULT_FREQ = 1000;
const VALID_WORD = /^\S{2,32}$/u;
const VALID_TAG = /^[a-z]{1,4}$/;

/** DDL of the table; IF NOT EXISTS, so creating the schema again (after clear) keeps the words. */
export const USER_WORDS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS user_words (
  word      TEXT PRIMARY KEY,
  tag       TEXT NOT NULL DEFAULT 'n',
  freq      INTEGER NOT NULL DEFAULT 1000,
  added_at  TEXT NOT NULL
);`;

/** One stored word. */
export interface StoredUserWord {
  word: string;
  tag: string;
  freq: number;
}

/** Create the table if the database lacks it (a corpus file of schema version 5). */
export function ensureUserWordsTable(db: Database): void {
  db.run(USER_WORDS_SCHEMA_SQL);
}

/** The words in the order they were added; [] when the database has no such table. */
export function readUserWords(db: Database): StoredUserWord[] {
  const has = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'user_words'")[0];
  if (!has) return [];
  const res = db.exec('SELECT word, tag, freq FROM user_words ORDER BY added_at, rowid')[0];
  return (res?.values ?? []).map((r) => ({ word: String(r[0]), tag: String(r[1]), freq: Number(r[2]) }));
}

/** Keep only words jieba can take (2–32 characters, no spaces), each once, with a valid tag. */
export function cleanUserWords(words: ReadonlyArray<{ word: string; tag?: string; freq?: number }>): StoredUserWord[] {
  const seen = new Set<string>();
  const out: StoredUserWord[] = [];
  for (const w of words) {
    const word = typeof w.word === 'string' ? w.word.trim() : '';
    if (!VALID_WORD.test(word) || seen.has(word)) continue;
    seen.add(word);
    const tag = w.tag && VALID_TAG.test(w.tag) ? w.tag : DEFAULT_TAG;
    const freq = typeof w.freq === 'number' && Number.isFinite(w.freq) && w.freq > 0 ? Math.round(w.freq) : DEFAULT_FREQ;
    out.push({ word, tag, freq });
  }
  return out;
}

/**
 * Make the table hold exactly `words` (cleaned), in one transaction. A word kept keeps its
 * `added_at` (its place in the list); only rows that change are written, so setting the same
 * list again changes nothing (and does not make the corpus look changed to the saver).
 */
export function writeUserWords(db: Database, words: ReadonlyArray<{ word: string; tag?: string; freq?: number }>, now = new Date()): StoredUserWord[] {
  const wanted = cleanUserWords(words);
  ensureUserWordsTable(db);
  const before = new Map(readUserWords(db).map((w) => [w.word, w]));
  const keep = new Set(wanted.map((w) => w.word));
  db.run('SAVEPOINT user_words_write');
  try {
    for (const word of before.keys()) if (!keep.has(word)) db.run('DELETE FROM user_words WHERE word = ?', [word]);
    wanted.forEach((w, i) => {
      const old = before.get(w.word);
      if (old && old.tag === w.tag && old.freq === w.freq) return;
      if (old) db.run('UPDATE user_words SET tag = ?, freq = ? WHERE word = ?', [w.tag, w.freq, w.word]);
      // Milliseconds apart, so words added together keep their order.
      else db.run('INSERT INTO user_words (word, tag, freq, added_at) VALUES (?, ?, ?, ?)', [w.word, w.tag, w.freq, new Date(now.getTime() + i).toISOString()]);
    });
    db.run('RELEASE user_words_write');
  } catch (e) {
    db.run('ROLLBACK TO user_words_write');
    db.run('RELEASE user_words_write');
    throw e;
  }
  return readUserWords(db);
}
