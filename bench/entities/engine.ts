// The worker's entity pass (EntitiesEngine) in Node over a store: 80 % of a corpus of N generated
// articles is loaded and passed, then a tenth more bulletins arrive twice, a pass after each.
// Prints each pass's timings (tag, extract, write tables, re-segment) and what it read again.
//   npx tsx bench/entities/engine.ts [articles=3000]
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { cut } from 'jieba-wasm';
import { ingestFile } from '../../src/core/ingest/index';
import { jiebaSegmenter } from '../../src/core/segment/index';
import { CorpusStore } from '../../src/core/store/index';
import type { EntitiesStatus } from '../../src/worker/analysis-protocol';
import { EntitiesEngine } from '../../src/worker/entities-engine';
import { generateCorpus } from '../search/corpus';
import { Searcher } from '../../src/core/query/index';
import { peopleFacet } from '../../src/core/query/people-facet';

const target = Number(process.argv[2] ?? 3000);
const bulletins = generateCorpus({ articles: target, seed: 6 });
const cut80 = Math.floor(bulletins.length * 0.8);
const cut90 = Math.floor(bulletins.length * 0.9);
const SQL = await initSqlJs();
const store = CorpusStore.create(SQL);
const segmenter = jiebaSegmenter(cut);
let resolveReady: ((s: EntitiesStatus) => void) | null = null;
const engine = new EntitiesEngine({
  store: async () => store, segmenter: async () => segmenter, debounceMs: 0,
  post: (e) => { if (e.status.phase === 'ready' && e.status.timings && resolveReady) { resolveReady(e.status); resolveReady = null; } },
});
const pass = () => new Promise<EntitiesStatus>((r) => { resolveReady = r; engine.changed(); });
const load = async (list: typeof bulletins) => {
  for (const b of list) await ingestFile(store, segmenter, { name: b.name, bytes: new TextEncoder().encode(b.text), source: 'file' });
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const show = (st: EntitiesStatus) => ({ articles: st.articles, people: st.people, tag: s(st.timings!.tagMs), extract: s(st.timings!.extractMs), write: s(st.timings!.writeMs), resegment: s(st.timings!.resegmentMs), total: s(st.timings!.totalMs), read: st.lastUpdate });
await load(bulletins.slice(0, cut80));
const first = await pass();
await load(bulletins.slice(cut80, cut90));
const second = await pass();
await load(bulletins.slice(cut90));
const third = await pass();
const fourth = await pass();
console.log(JSON.stringify({ first: show(first), addedTenth: show(second), addedAnotherTenth: show(third), unchanged: show(fourth) }));

// The people facet's cost in a search: the same searches with the facet's SQL and without it.
const searcher = new Searcher(store.db, segmenter);
const queries = ['', '政绩观', '防汛', '学习', '区委书记', '会议', '乡村振兴', '红旗区'];
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = queries.map((q) => {
  searcher.search({ query: q });
  const withFacet: number[] = [];
  const facetOnly: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    const page = searcher.search({ query: `${q} `.repeat(1 + (i % 2)).trim() || q, sort: i % 2 ? 'newest' : 'relevance' });
    withFacet.push(page.tookMs);
    total = page.total;
    const ids = searcher.allIds({ query: q });
    const t = performance.now();
    peopleFacet(store.db, ids, false);
    facetOnly.push(performance.now() - t);
  }
  return { query: q || '(all)', results: total, searchMs: median(withFacet).toFixed(1), peopleFacetMs: median(facetOnly).toFixed(1) };
});
console.log(JSON.stringify(rows));
