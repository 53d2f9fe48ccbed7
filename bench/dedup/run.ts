// The dedup benchmark: `npx tsx bench/dedup/run.ts [--articles 50000]`.
// 1. reprint clustering: pair precision/recall on generated reprints + hard negatives of the real
//    sample articles (5 corpus seeds);
// 2. echo recall on injected repeats, and false hits;
// 3. pasted-passage recall and owner accuracy on generated pastes, and stray hits;
// 4. speed and memory: dedup of 50,000 generated articles, and an incremental add of 5,000.
// Everything is generated from fixed seeds, so two runs print the same quality numbers.
import { StoryIndex } from '../../src/core/dedup/index';
import { findEchoes } from '../../src/core/repair/echo';
import { findForeign } from '../../src/core/repair/foreign';
import { articleText, labelledCorpus, reprint, type StoryText } from './corpus';
import { injectEcho, type EchoInjection } from './inject-echo';
import { injectForeign } from './inject-foreign';
import { pairScore } from './metrics';
import { Rng } from '../lib/prng';
import { seedArticles, seedFiles, splitBulletin } from './seed-articles';
import { CharMarkov, formulaSentences, synthStory } from './synth';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('--articles', 50_000);
const content = (s: string) => [...s].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const seeds = seedArticles();
const results: Record<string, unknown> = {};

function reprintQuality(): void {
  const rows = [1, 2, 3, 4, 5].map((seed) => {
    const corpus = labelledCorpus(seeds, new Rng(seed), 150, 4);
    const index = new StoryIndex();
    index.add(corpus.map((a) => ({ id: a.id, text: a.text, headline: a.headline })));
    return { seed, articles: corpus.length, ...pairScore(index.clusters(), new Map(corpus.map((a) => [a.id, a.story]))) };
  });
  const mean = (k: 'precision' | 'recall') => rows.reduce((s, r) => s + r[k], 0) / rows.length;
  console.log('\n1. Reprints: pair precision / recall (target >= 0.97 / >= 0.95)');
  for (const r of rows) {
    console.log(`   corpus seed ${r.seed}: ${r.articles} articles, ${r.truePairs} true pairs: precision ${r.precision.toFixed(4)}, recall ${r.recall.toFixed(4)}`);
  }
  console.log(`   mean precision ${mean('precision').toFixed(4)}, mean recall ${mean('recall').toFixed(4)}`);
  results.reprints = { rows, precision: mean('precision'), recall: mean('recall') };
}

function echoRecall(): void {
  const rng = new Rng(20261122);
  const kinds: EchoInjection['kind'][] = ['sentence', 'stutter', 'block', 'cut', 'paragraph'];
  const tally = new Map<string, { n: number; found: number }>();
  let falseHits = 0;
  const t = performance.now();
  for (let i = 0; i < 3000; i++) {
    const a = rng.pick(seeds);
    const baseline = findEchoes(a.paragraphs).map((h) => a.paragraphs[h.paragraph].slice(h.start, h.end));
    const kind = rng.pick(kinds);
    const inj = injectEcho(a.paragraphs, rng, kind);
    if (!inj) continue;
    const P = inj.paragraphs[inj.paragraph];
    let covered = 0;
    let spills = false;
    for (const h of findEchoes(inj.paragraphs)) {
      if (h.paragraph === inj.paragraph && h.end > inj.start && h.start < inj.end) {
        covered += content(P.slice(Math.max(h.start, inj.start), Math.min(h.end, inj.end)));
        if (h.start < inj.start - 1 || h.end > inj.end + 1) spills = true;
      } else {
        const copy = inj.paragraphs[h.paragraph].slice(h.start, h.end);
        if (!baseline.some((b) => b.includes(copy) || copy.includes(b) || b.slice(-12) === copy.slice(-12))) falseHits++;
      }
    }
    const key = `${kind}${inj.edits ? ' (near)' : ''}`;
    const row = tally.get(key) ?? { n: 0, found: 0 };
    row.n++;
    if (!spills && covered >= 0.85 * content(P.slice(inj.start, inj.end))) row.found++;
    tally.set(key, row);
  }
  const n = [...tally.values()].reduce((s, r) => s + r.n, 0);
  const found = [...tally.values()].reduce((s, r) => s + r.found, 0);
  const seedHits = seeds.reduce((s, a) => s + findEchoes(a.paragraphs).length, 0);
  console.log('\n2. Echoes: recall on injected repeats of whole clauses/sentences, 6+ characters (target >= 0.99)');
  for (const [k, r] of [...tally].sort()) console.log(`   ${k.padEnd(18)} ${r.found}/${r.n} = ${pct(r.found / r.n)}`);
  console.log(`   all: ${found}/${n} = ${pct(found / n)}; false hits: ${falseHits}; on the untouched sample articles: ${seedHits} hits (expected.json lists 3 copies); ${((performance.now() - t) / 1000).toFixed(1)} s`);
  results.echoes = { trials: n, recall: found / n, falseHits, seedHits };
}

function foreignRecall(): void {
  const rng = new Rng(7);
  const bulletins = seedFiles().map(({ file, text }) => splitBulletin(text, file));
  let n = 0;
  let right = 0;
  let wrongOwner = 0;
  let stray = 0;
  const t = performance.now();
  for (let i = 0; i < 1000; i++) {
    const inj = injectForeign(rng.pick(bulletins), rng);
    if (!inj) continue;
    n++;
    const P = inj.articles[inj.article].paragraphs[inj.paragraph];
    const want = content(P.slice(inj.start, inj.end));
    for (const h of findForeign(inj.articles)) {
      if (h.article === inj.article && h.paragraph === inj.paragraph && h.end > inj.start && h.start < inj.end) {
        const covered = content(P.slice(Math.max(h.start, inj.start), Math.min(h.end, inj.end)));
        if (covered >= 0.8 * want && content(P.slice(h.start, h.end)) - covered <= 3) {
          if (h.belongsTo === inj.owner) right++;
          else wrongOwner++;
        }
      } else if (!inj.articles[h.article].paragraphs[h.paragraph].startsWith('魏海晓强调') && h.belongsTo !== inj.article) {
        stray++;
      }
    }
  }
  const seedHits = bulletins.reduce((s, b) => s + findForeign(b).length, 0);
  console.log('\n3. Pasted passages: 50+ characters pasted into another article of the bulletin (target >= 0.95)');
  console.log(`   found with the right owner: ${right}/${n} = ${pct(right / n)}; found with the wrong owner: ${wrongOwner}; stray hits: ${stray}`);
  console.log(`   on the untouched sample bulletins: ${seedHits} hit(s) (expected: 1, in 001); ${((performance.now() - t) / 1000).toFixed(1)} s`);
  results.foreign = { trials: n, recall: right / n, wrongOwner, stray, seedHits };
}

function speed(): void {
  const rng = new Rng(42);
  const model = new CharMarkov(seeds.flatMap((s) => s.paragraphs));
  const formulas = formulaSentences(seeds);
  const alphabet = [...new Set([...seeds.flatMap((s) => s.paragraphs).join('')])].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  const arts: { id: number; text: string; headline: string; story: number }[] = [];
  let t = performance.now();
  for (let story = 0; arts.length < N; story++) {
    const s: StoryText = synthStory(model, rng, formulas);
    arts.push({ id: arts.length, text: articleText(s), headline: s.headline, story });
    if (rng.chance(0.3)) {
      for (let k = rng.int(1, 3); k > 0 && arts.length < N; k--) {
        const r = reprint(s, rng, alphabet);
        arts.push({ id: arts.length, text: articleText(r), headline: r.headline, story });
      }
    }
  }
  const chars = arts.reduce((s, a) => s + a.text.length, 0);
  console.log(`\n4. Speed: ${arts.length} generated articles (${(chars / arts.length).toFixed(0)} characters on average), generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const m0 = process.memoryUsage();
  t = performance.now();
  const index = new StoryIndex();
  index.add(arts);
  const addSeconds = (performance.now() - t) / 1000;
  const clusters = index.clusters();
  const totalSeconds = (performance.now() - t) / 1000;
  const m1 = process.memoryUsage();
  const memoryMB = (m1.heapUsed + m1.arrayBuffers - m0.heapUsed - m0.arrayBuffers) / 1e6;
  const score = pairScore(clusters, new Map(arts.map((a) => [a.id, a.story])));
  const stats = index.stats();
  console.log(`   dedup of all: ${totalSeconds.toFixed(2)} s (add ${addSeconds.toFixed(2)} s), ${stats.candidatePairs} candidate pairs, ${stats.verifiedPairs} verified, ${clusters.length} clusters, ~${memoryMB.toFixed(0)} MB held`);
  console.log(`   on this corpus: precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)}`);
  const head = Math.floor(arts.length * 0.9);
  const incremental = new StoryIndex();
  incremental.add(arts.slice(0, head));
  const before = incremental.stats().candidatePairs;
  t = performance.now();
  incremental.add(arts.slice(head));
  const incSeconds = (performance.now() - t) / 1000;
  console.log(`   incremental: ${arts.length - head} new articles added to ${head} in ${incSeconds.toFixed(2)} s (${incremental.stats().candidatePairs - before} candidate pairs checked)`);
  results.speed = { articles: arts.length, seconds: totalSeconds, candidatePairs: stats.candidatePairs, memoryMB,
    precision: score.precision, recall: score.recall, incrementalArticles: arts.length - head, incrementalSeconds: incSeconds };
}

const started = performance.now();
console.log(`Dedup benchmark (Node ${process.version})`);
reprintQuality();
echoRecall();
foreignRecall();
speed();
console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(JSON.stringify(results));
