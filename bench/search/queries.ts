// The benchmark's queries, drawn deterministically from the generated corpus: what researchers
// type (strings cut from articles, names, places, common words), the syntax, and facet clicks.
import type { FacetFilter, SortOrder } from '../../src/core/query/types';
import type { GeneratedBulletin } from './corpus';
import { Rng } from '../lib/prng';

/** One search the benchmark runs. */
export interface BenchQuery {
  kind: 'substring' | 'word' | 'syntax' | 'facet' | 'typing';
  query: string;
  filters?: FacetFilter[];
  sort?: SortOrder;
}

const WORDS = ['学习', '防汛', '会议', '红旗区', '封丘县', '乡村振兴', '志愿服务', '党建', '高质量发展', '人大代表', '安全生产', '政绩观', '街道', '社区'];

/** Body lines of the corpus (headings and credits left out). */
function lines(corpus: GeneratedBulletin[]): string[] {
  return corpus.flatMap((b) => b.text.split('\n')).filter((l) => l.length > 20 && !l.startsWith('#') && !l.startsWith('（'));
}

/** `count` strings of 2–6 characters cut from the corpus (no whitespace, no quotes). */
export function substrings(corpus: GeneratedBulletin[], count: number, seed: number): string[] {
  const rng = new Rng(seed);
  const pool = lines(corpus);
  const out: string[] = [];
  while (out.length < count) {
    const chars = Array.from(rng.pick(pool));
    const len = rng.int(2, 6);
    const at = rng.int(0, chars.length - len);
    const q = chars.slice(at, at + len).join('');
    if (!/[\s"“”]/.test(q) && !/^[-－]/.test(q)) out.push(q);
  }
  return out;
}

/** Names of people in the corpus (from "…表示" sentences). */
function names(corpus: GeneratedBulletin[], count: number): string[] {
  const seen = new Set<string>();
  for (const b of corpus) {
    for (const m of b.text.matchAll(/([\u4e00-\u9fff]{2,3})表示，/g)) seen.add(m[1]);
    if (seen.size >= count) break;
  }
  return [...seen].slice(0, count);
}

/** The benchmark's query set (facet queries get their values from the page, see run.ts). */
export function benchQueries(corpus: GeneratedBulletin[], seed = 5): BenchQuery[] {
  const rng = new Rng(seed);
  const q: BenchQuery[] = substrings(corpus, 300, seed).map((query) => ({ kind: 'substring', query }));
  for (const w of [...WORDS, ...names(corpus, 26)]) q.push({ kind: 'word', query: w });
  const syntax = [
    '学习 教育', '防汛 -会议', '红旗区 OR 卫滨区', 'headline:学习', 'kicker:街道', 'credit:红旗宣', 'byline:记者',
    'district:封丘 防汛', 'paper:平原 会议', 'kind:photo', 'date:2024', 'date:2023-05..2023-07 学习', '"学习 教育"',
    '學習 貫徹', '乡村振兴 OR 高质量发展 -会议', '安全 生产 检查', 'headline:召开 date:2025', '"工作，"',
  ];
  for (const s of syntax) q.push({ kind: 'syntax', query: s });
  for (const s of ['newest', 'oldest', 'paper'] as SortOrder[]) for (const w of WORDS.slice(0, 4)) q.push({ kind: 'syntax', query: w, sort: s });
  // Typing a name, one keystroke at a time: the prefixes a debounced box may send.
  for (const n of names(corpus, 40).slice(30, 40)) for (let i = 1; i <= Array.from(n).length; i++) q.push({ kind: 'typing', query: Array.from(n).slice(0, i).join('') });
  void rng;
  return q;
}
