// The dedup benchmark's corpus generator. From real articles it makes REPRINTS with the edits a
// second paper or a second day makes (headline rewritten, 1-3 paragraphs dropped or reordered,
// punctuation width flipped, 1-3% character typos, credit changed) and HARD NEGATIVES: different
// articles of the same kind of meeting, spliced from one article's most formulaic sentences and
// other articles' sentences. Every article carries its true story id, so pair precision and
// recall can be counted. Deterministic for a given seed.
import type { Rng } from '../lib/prng';

/** A story as the generator handles it. */
export interface StoryText {
  headline: string;
  paragraphs: string[];
  credit: string;
}

/** One generated article with its true story. */
export interface BenchArticle {
  id: number;
  headline: string;
  /** Body text: paragraphs joined by \n, the credit in parentheses at the end. */
  text: string;
  story: number;
  kind: 'base' | 'reprint' | 'hard-negative';
}

const FULL_TO_HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')' };
const HALF_TO_FULL = Object.fromEntries(Object.entries(FULL_TO_HALF).map(([f, h]) => [h, f]));
const DISTRICTS = ['红旗区', '卫滨区', '牧野区', '凤泉区', '封丘县', '中原区', '高新区', '新乡县', '原阳县', '延津县'];
const CREDITS = ['本报记者 李明', '通讯员 王芳', '红旗宣', '卫滨宣', '记者 张伟 通讯员 刘洋', '牧宣', '凤泉宣', '新华社', '全媒体记者 赵磊'];
const HAN = /\p{Script=Han}/u;

/** The body text of a story as an article: paragraphs joined by \n, credit appended. */
export function articleText(s: StoryText): string {
  const paragraphs = [...s.paragraphs];
  if (s.credit && paragraphs.length) paragraphs[paragraphs.length - 1] += `(${s.credit})`;
  return paragraphs.join('\n');
}

function contentLength(s: string): number {
  let n = 0;
  for (const c of s) if (/[\p{L}\p{N}]/u.test(c)) n++;
  return n;
}

/** Replace about `rate` of the Han characters (substitution 70%, insertion 15%, deletion 15%). */
export function typos(text: string, rate: number, rng: Rng, alphabet: string): string {
  let out = '';
  for (const c of text) {
    if (!HAN.test(c) || !rng.chance(rate)) { out += c; continue; }
    const roll = rng.next();
    const sub = alphabet[Math.floor(rng.next() * alphabet.length)];
    if (roll < 0.7) out += sub === c ? alphabet[0] : sub;
    else if (roll < 0.85) out += c + sub;
  }
  return out;
}

function flipWidth(text: string): string {
  const toHalf = /[，：；！？（）]/.test(text);
  const map = toHalf ? FULL_TO_HALF : HALF_TO_FULL;
  return text.replace(/[，：；！？（）,:;!?()]/g, (c) => map[c] ?? c);
}

function rewriteHeadline(h: string, rng: Rng): string {
  const parts = h.split(/\s+/).filter(Boolean);
  const roll = rng.next();
  if (parts.length > 1 && roll < 0.4) return rng.shuffle([...parts]).join(' ');
  if (parts.length > 1 && roll < 0.7) return parts.slice(0, -1).join(' ');
  const district = DISTRICTS.find((d) => h.includes(d));
  if (district && roll < 0.85) return h.replace(district, '') + '(' + district + ')';
  return rng.pick(['聚焦', '关注', '快讯:', '本地:']) + h;
}

/** A reprint of a story with realistic edits. */
export function reprint(s: StoryText, rng: Rng, alphabet: string): StoryText {
  let paragraphs = [...s.paragraphs];
  const n = paragraphs.length;
  if (n >= 3 && rng.chance(0.75)) {
    const total = contentLength(paragraphs.join(''));
    if (rng.chance(0.6)) {
      // drop 1-3 paragraphs (never the lead), keeping at least 55% of the text
      const drops = rng.int(1, Math.min(3, n - 2));
      for (let k = 0; k < drops; k++) {
        const i = rng.int(1, paragraphs.length - 1);
        const kept = contentLength(paragraphs.filter((_, j) => j !== i).join(''));
        if (kept >= 0.55 * total && paragraphs.length > 2) paragraphs.splice(i, 1);
      }
    }
    if (rng.chance(0.5) && paragraphs.length >= 3) {
      const i = rng.int(1, paragraphs.length - 1);
      const [moved] = paragraphs.splice(i, 1);
      paragraphs.splice(rng.int(1, paragraphs.length), 0, moved);
    }
  }
  const rate = rng.int(1, 3) / 100;
  paragraphs = paragraphs.map((p) => typos(p, rate, rng, alphabet));
  if (rng.chance(0.5)) paragraphs = paragraphs.map(flipWidth);
  const credit = rng.chance(0.7) ? (rng.chance(0.15) ? '' : rng.pick(CREDITS)) : s.credit;
  const headline = rng.chance(0.8) ? rewriteHeadline(s.headline, rng) : s.headline;
  return { headline, paragraphs, credit };
}

/** Split a paragraph into sentences (each keeps its closing punctuation). */
export function sentences(p: string): string[] {
  return p.match(/[^。！？!?；;]+[。！？!?；;]*[”’」』）)]*/g) ?? [];
}

/**
 * A different article of the same kind of meeting: the most formulaic sentences of a story (those
 * whose 6-character phrases also occur in other stories), 25-40% of its text, stay in place; the
 * other sentences are replaced by sentences of other stories, so that the formula is at most 40%
 * of the new article and no donor gives more than a third of it or of itself; the district is renamed.
 */
export function hardNegative(s: StoryText, others: StoryText[], rng: Rng, phraseCount: Map<string, number>): StoryText {
  const all = s.paragraphs.map(sentences);
  const flat = all.flat();
  const formulaScore = (t: string) => {
    let score = 0;
    for (let i = 0; i + 6 <= t.length; i++) score += (phraseCount.get(t.slice(i, i + 6)) ?? 0) > 1 ? 1 : 0;
    return score / Math.max(1, t.length);
  };
  const total = contentLength(flat.join(''));
  const share = 0.25 + rng.next() * 0.15;
  const keep = new Set<string>();
  let kept = 0;
  for (const t of [...flat].sort((a, b) => formulaScore(b) - formulaScore(a))) {
    if (kept + contentLength(t) > share * total && keep.size > 0) continue;
    keep.add(t);
    kept += contentLength(t);
  }
  const need = Math.max(total - kept, 1.5 * kept);
  const pool: string[] = [];
  let pooled = 0;
  for (let d = 0; d < 40 && pooled < need; d++) {
    let taken = 0;
    const donor = rng.pick(others).paragraphs.flatMap(sentences);
    const cap = Math.min(need, contentLength(donor.join(''))) / 3;
    for (const t of rng.shuffle(donor)) {
      const n = contentLength(t);
      if (taken + n > cap || pooled >= need) continue;
      taken += n;
      pooled += n;
      pool.push(t);
    }
  }
  const paragraphs = all.map((ss) => ss.map((t) => {
    if (keep.has(t)) return t;
    let out = '';
    while (pool.length && contentLength(out) < contentLength(t)) out += pool.pop();
    return out;
  }).join(''));
  if (pool.length) paragraphs[paragraphs.length - 1] += pool.join('');
  const from = DISTRICTS.find((d) => s.paragraphs.join('').includes(d));
  const to = rng.pick(DISTRICTS.filter((d) => d !== from));
  const renamed = paragraphs.map((p) => (from ? p.split(from).join(to) : p)).filter((p) => p.length > 0);
  const headline = from ? s.headline.split(from).join(to) : '(' + to + ')' + s.headline;
  return { headline, paragraphs: renamed, credit: rng.pick(CREDITS) };
}

/** Count of the stories each 6-character phrase occurs in (formula detector for hardNegative). */
export function phraseCounts(stories: StoryText[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of stories) {
    const seen = new Set<string>();
    const t = s.paragraphs.join('');
    for (let i = 0; i + 6 <= t.length; i++) seen.add(t.slice(i, i + 6));
    for (const g of seen) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/**
 * A labelled corpus: every base story, `negatives` hard negatives, and 0-`maxReprints` reprints of
 * each story (hard negatives included), shuffled.
 */
export function labelledCorpus(bases: StoryText[], rng: Rng, negatives: number, maxReprints = 4): BenchArticle[] {
  const alphabet = [...new Set(bases.flatMap((b) => [...b.paragraphs.join('')]).filter((c) => HAN.test(c)))].join('');
  const counts = phraseCounts(bases);
  const stories: { s: StoryText; kind: BenchArticle['kind'] }[] = bases.map((s) => ({ s, kind: 'base' }));
  for (let i = 0; i < negatives; i++) {
    const s = rng.pick(bases);
    stories.push({ s: hardNegative(s, bases.filter((o) => o !== s), rng, counts), kind: 'hard-negative' });
  }
  const out: Omit<BenchArticle, 'id'>[] = [];
  stories.forEach(({ s, kind }, story) => {
    out.push({ headline: s.headline, text: articleText(s), story, kind });
    const k = rng.int(0, maxReprints);
    for (let r = 0; r < k; r++) {
      const p = reprint(s, rng, alphabet);
      out.push({ headline: p.headline, text: articleText(p), story, kind: 'reprint' });
    }
  });
  return rng.shuffle(out).map((a, id) => ({ ...a, id }));
}
