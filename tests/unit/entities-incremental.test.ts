// The entity analysis kept across passes (EntityCache): loading bulletins in steps, changing
// one, or removing one gives exactly the report of analysing the corpus at once, while only the
// new or changed bulletins are read from scratch.
import { tag } from 'jieba-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/decode/index';
import { analyseEntities, EntityCache, entityArticles, tokenCache, type EntityArticle } from '../../src/core/entities/index';
import { parseBulletin } from '../../src/core/parse/index';
import { loadGazetteer, type Gazetteer } from '../../src/core/places/index';
import { seedFiles } from './helpers/seeds';

const tokens = tokenCache({ tag: (t: string) => tag(t, true) });
let gazetteer: Gazetteer;
let byFile: EntityArticle[][];

beforeAll(async () => {
  gazetteer = await loadGazetteer();
  byFile = seedFiles().map((f) => entityArticles(f.name, parseBulletin(decodeBytes(f.bytes).text, { fileName: `seeds/${f.name}` })));
});

const full = (articles: EntityArticle[]) => analyseEntities(articles, { tokens, gazetteer });

describe('the incremental entity analysis', () => {
  it('gives the whole-corpus report after loading the bulletins one by one', () => {
    const cache = new EntityCache();
    for (let n = 1; n <= byFile.length; n++) {
      const articles = byFile.slice(0, n).flat();
      const { report, stats } = cache.update(articles, { tokens, gazetteer });
      expect(stats.extracted, `step ${n}`).toBe(1);
      expect(report).toEqual(full(articles));
    }
    // Nothing changed: nothing is read again.
    const again = cache.update(byFile.flat(), { tokens, gazetteer });
    expect(again.stats).toMatchObject({ extracted: 0, relinked: 0, touchedNames: 0 });
  });

  it('follows a changed and a removed bulletin', () => {
    const cache = new EntityCache();
    cache.update(byFile.flat(), { tokens, gazetteer });
    // A bulletin corrected: a new official appears, and a known name is titled differently.
    const changed = byFile.map((list, i) => (i === 1 ? list.map((a, k) => (k === 0 ? { ...a, body: `${a.body}\n区委书记王新民出席。刘怀斌书记强调。` } : a)) : list));
    const step1 = cache.update(changed.flat(), { tokens, gazetteer });
    expect(step1.stats.extracted).toBe(1);
    expect(step1.report).toEqual(full(changed.flat()));
    const without = changed.filter((_, i) => i !== 0);
    const step2 = cache.update(without.flat(), { tokens, gazetteer });
    expect(step2.stats).toMatchObject({ extracted: 0, removed: 1 });
    expect(step2.stats.relinked).toBeLessThan(without.length);
    expect(step2.report).toEqual(full(without.flat()));
  });
});
