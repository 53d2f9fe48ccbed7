// The user's dictionary words kept in the corpus (user_words): written and read back in order,
// cleaned, surviving "clear", travelling in the corpus file, a file of schema version 5 brought
// up to 6 in place, a rebuild keeping them, and the one-time move out of localStorage.
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { rebuildFromTexts } from '../../src/core/persist/rebuild';
import { characterSegmenter } from '../../src/core/segment';
import { CorpusStore, SCHEMA_VERSION } from '../../src/core/store';
import { openCorpusFile, replaceCorpusContent } from '../../src/core/store/corpus-file';
import { cleanUserWords, readUserWords, writeUserWords } from '../../src/core/store/user-words';
import { LEGACY_USER_WORDS_KEY, moveLegacyUserWords } from '../../src/ui/lib/user-words-migration';
import { userWordsKeeping } from '../../src/worker/user-words-keeping';
import type { UserWord } from '../../src/core/entities';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = (await initSqlJs()) as SqlJsStatic;
});

describe('user_words', () => {
  it('holds exactly the words written, in the order they were added, and cleans bad ones out', () => {
    const store = CorpusStore.create(SQL);
    writeUserWords(store.db, [{ word: '二马机制' }, { word: '万人助万企', tag: 'nz', freq: 5 }]);
    writeUserWords(store.db, [{ word: '二马机制' }, { word: '万人助万企', tag: 'nz', freq: 5 }, { word: ' 刘怀斌 ', tag: 'nr' }, { word: '马' }, { word: 'a b' }]);
    expect(readUserWords(store.db)).toEqual([
      { word: '二马机制', tag: 'n', freq: 1000 },
      { word: '万人助万企', tag: 'nz', freq: 5 },
      { word: '刘怀斌', tag: 'nr', freq: 1000 },
    ]);
    // Writing the same list again changes no row (the saver sees no change).
    const before = Number(store.db.exec('SELECT total_changes()')[0].values[0][0]);
    writeUserWords(store.db, readUserWords(store.db));
    expect(Number(store.db.exec('SELECT total_changes()')[0].values[0][0])).toBe(before);
    writeUserWords(store.db, [{ word: '刘怀斌', tag: 'BAD!' }]);
    expect(readUserWords(store.db)).toEqual([{ word: '刘怀斌', tag: 'n', freq: 1000 }]);
    expect(cleanUserWords([{ word: '刘怀斌' }, { word: '刘怀斌', tag: 'nr' }])).toEqual([{ word: '刘怀斌', tag: 'n', freq: 1000 }]);
    store.close();
  });

  it('outlives clearing the corpus and travels in the corpus file into another store', () => {
    const a = CorpusStore.create(SQL);
    writeUserWords(a.db, [{ word: '二马机制', tag: 'nz' }]);
    a.clear();
    expect(readUserWords(a.db)).toEqual([{ word: '二马机制', tag: 'nz', freq: 1000 }]);
    const bytes = a.db.export();
    a.close();
    const b = CorpusStore.create(SQL);
    const { db, facts } = openCorpusFile(SQL, bytes);
    expect(facts.schemaVersion).toBe(SCHEMA_VERSION);
    replaceCorpusContent(b, db);
    db.close();
    expect(readUserWords(b.db)).toEqual([{ word: '二马机制', tag: 'nz', freq: 1000 }]);
    b.close();
  });

  it('a corpus file of schema version 5 opens as it is, gaining an empty user_words table', () => {
    const old = CorpusStore.create(SQL);
    old.db.run('DROP TABLE user_words');
    old.db.run("UPDATE meta SET value = '5' WHERE key = 'schema_version'");
    const { db, facts } = openCorpusFile(SQL, old.db.export());
    old.close();
    expect(facts.schemaVersion).toBe(6);
    expect(facts.missing).toEqual([]);
    expect(readUserWords(db)).toEqual([]);
    writeUserWords(db, [{ word: '二马机制' }]);
    expect(readUserWords(db).map((w) => w.word)).toEqual(['二马机制']);
    db.close();
  });

  it('a corpus rebuilt from its texts keeps its words', () => {
    const old = CorpusStore.create(SQL);
    writeUserWords(old.db, [{ word: '二马机制', tag: 'nz' }]);
    old.db.run("UPDATE meta SET value = '4' WHERE key = 'schema_version'");
    const { store, report } = rebuildFromTexts(SQL, old.db, characterSegmenter);
    old.close();
    expect(readUserWords(store.db)).toEqual([{ word: '二马机制', tag: 'nz', freq: 1000 }]);
    expect(report.decisions).toBe(1);
    store.close();
  });
});

describe("the worker's user-word keeping", () => {
  /** The engine's part: it writes the words it is given, as EntitiesEngine.setUserWords does. */
  function engine(store: CorpusStore) {
    const given: UserWord[][] = [];
    return {
      given,
      userWordStates: () => readUserWords(store.db).map((w) => ({ ...w, known: w.word === '刘怀斌' })),
      setUserWords: async (words: UserWord[]) => {
        given.push(words);
        const kept = writeUserWords(store.db, words);
        return { words: kept.map((w) => ({ ...w, known: false })), pendingRemoval: [], resegmented: 0, ms: 0 };
      },
    };
  }

  it("merges words in after the corpus's own, lists them, and gives an opened corpus's words to jieba", async () => {
    const store = CorpusStore.create(SQL);
    writeUserWords(store.db, [{ word: '刘怀斌', tag: 'nr' }]);
    const entities = engine(store);
    const keeping = userWordsKeeping({ store: async () => store, entities });
    await keeping.merge([{ word: '万人助万企' }, { word: '刘怀斌', tag: 'n' }]);
    expect(readUserWords(store.db)).toEqual([
      { word: '刘怀斌', tag: 'nr', freq: 1000 },
      { word: '万人助万企', tag: 'n', freq: 1000 },
    ]);
    expect((await keeping.list()).map((w) => [w.word, w.known])).toEqual([['刘怀斌', true], ['万人助万企', false]]);
    await keeping.restore();
    expect(entities.given.at(-1)!.map((w) => w.word)).toEqual(['刘怀斌', '万人助万企']);
    store.close();
  });
});

describe('moving words out of localStorage', () => {
  function storage(value: string | null) {
    const map = new Map<string, string>(value === null ? [] : [[LEGACY_USER_WORDS_KEY, value]]);
    return { map, getItem: (k: string) => map.get(k) ?? null, removeItem: (k: string) => void map.delete(k) };
  }

  it('merges the stored words into the corpus once and removes the key', async () => {
    const s = storage(JSON.stringify([{ word: '万人助万企' }, { nope: 1 }]));
    const request = vi.fn(async () => ({ words: [], pendingRemoval: [], resegmented: 0, ms: 0 }));
    expect(await moveLegacyUserWords({ request } as never, s)).toBe(1);
    expect(request).toHaveBeenCalledWith('user-words-merge', { words: [{ word: '万人助万企' }] });
    expect(s.map.has(LEGACY_USER_WORDS_KEY)).toBe(false);
    expect(await moveLegacyUserWords({ request } as never, s)).toBe(0);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('keeps the key when the corpus refused the words, so the next visit tries again', async () => {
    const s = storage(JSON.stringify([{ word: '万人助万企' }]));
    const request = vi.fn(async () => { throw new Error('the worker died'); });
    await expect(moveLegacyUserWords({ request } as never, s)).rejects.toThrow('the worker died');
    expect(s.map.has(LEGACY_USER_WORDS_KEY)).toBe(true);
  });
});
