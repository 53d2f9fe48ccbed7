// The entity pass's extraction, whole corpus against incremental (EntityCache), in Node with
// jieba's Node build, on the search benchmark's generated corpus: a corpus of N articles is
// analysed, then a tenth more bulletins arrive. Tags are computed once beforehand (the worker
// keeps them across passes too), so the numbers are extraction alone.
//   npx tsx bench/entities/incremental.ts [articles=3000]
import { tag } from 'jieba-wasm';
import { decodeBytes } from '../../src/core/decode/index';
import { analyseEntities, EntityCache, entityArticles, indexTokens, type EntityArticle, type TokenIndex } from '../../src/core/entities/index';
import { parseBulletin } from '../../src/core/parse/index';
import { loadGazetteer } from '../../src/core/places/index';
import { generateCorpus } from '../search/corpus';

const target = Number(process.argv[2] ?? 3000);
const bulletins = generateCorpus({ articles: target, seed: 6 });
const byFile: EntityArticle[][] = bulletins.map((b) => entityArticles(b.name, parseBulletin(decodeBytes(new TextEncoder().encode(b.text)).text, { fileName: b.name })));
const all = byFile.flat();
const cut = Math.floor(byFile.length * 0.9);
const before = byFile.slice(0, cut).flat();

const tagger = { tag: (t: string) => tag(t, true) };
const cache = new Map<string, TokenIndex>();
const tokens = (t: string) => {
  let v = cache.get(t);
  if (!v) cache.set(t, (v = indexTokens(tagger, t)));
  return v;
};
let t = performance.now();
for (const a of all) for (const f of [a.kicker, a.headline, a.subtitle, a.body]) if (f) tokens(f);
const tagMs = performance.now() - t;
const gazetteer = await loadGazetteer();

const time = <T>(f: () => T): [T, number] => {
  const s = performance.now();
  const v = f();
  return [v, performance.now() - s];
};

const [, fullBefore] = time(() => analyseEntities(before, { tokens, gazetteer }));
const [fullAll, fullAfter] = time(() => analyseEntities(all, { tokens, gazetteer }));
const inc = new EntityCache();
const [, incFirst] = time(() => inc.update(before, { tokens, gazetteer }));
const [step, incStep] = time(() => inc.update(all, { tokens, gazetteer }));
const [same, incSame] = time(() => inc.update(all, { tokens, gazetteer }));
const equal = JSON.stringify(step.report) === JSON.stringify(fullAll);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(JSON.stringify({
  articles: all.length, bulletins: byFile.length, added: all.length - before.length, addedBulletins: byFile.length - cut,
  people: fullAll.people.length, tagOnce: s(tagMs),
  wholeCorpus: { before: s(fullBefore), afterAdding: s(fullAfter) },
  incremental: { first: s(incFirst), afterAdding: s(incStep), stats: step.stats, unchanged: s(incSame), unchangedStats: same.stats },
  sameReport: equal,
}, null, 1));
