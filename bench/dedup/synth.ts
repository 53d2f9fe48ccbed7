// Synthetic base stories for the speed benchmark: 50,000 articles need more distinct stories than
// the sample bulletins hold. A character Markov chain (order 2) trained on the real articles writes
// text with their character and phrase statistics, so unrelated stories overlap in shingles about
// as much as real ones; one story in five also carries a real formula sentence.
import type { StoryText } from './corpus';
import { sentences } from './corpus';
import type { Rng } from '../lib/prng';

/** An order-2 character model of the sample articles. */
export class CharMarkov {
  private readonly next = new Map<number, string>();
  private readonly starts: number[] = [];

  constructor(texts: string[]) {
    const lists = new Map<number, string[]>();
    for (const t of texts) {
      for (let i = 0; i + 2 < t.length; i++) {
        const key = t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1);
        if (i === 0 || /[。！？]/.test(t[i - 1])) this.starts.push(key);
        const l = lists.get(key);
        if (l) l.push(t[i + 2]);
        else lists.set(key, [t[i + 2]]);
      }
    }
    for (const [k, l] of lists) this.next.set(k, l.join(''));
  }

  /** A sentence of about `len` characters ending in 。 */
  sentence(rng: Rng, len: number): string {
    let key = rng.pick(this.starts);
    let out = String.fromCharCode(Math.floor(key / 65536), key % 65536);
    while (out.length < len) {
      const options = this.next.get(key);
      if (!options) { key = rng.pick(this.starts); continue; }
      const c = options[Math.floor(rng.next() * options.length)];
      if (c === '。' && out.length < len / 2) { key = rng.pick(this.starts); continue; }
      out += c;
      if (c === '。') break;
      key = (key % 65536) * 65536 + c.charCodeAt(0);
    }
    return out.endsWith('。') ? out : out + '。';
  }
}

/** A synthetic story: 2-6 paragraphs of 1-4 Markov sentences, sometimes with a real formula. */
export function synthStory(model: CharMarkov, rng: Rng, formulas: string[]): StoryText {
  const paragraphs = Array.from({ length: rng.int(2, 6) }, () =>
    Array.from({ length: rng.int(1, 4) }, () => model.sentence(rng, rng.int(30, 90))).join(''));
  if (formulas.length && rng.chance(0.2)) paragraphs[rng.int(0, paragraphs.length - 1)] += rng.pick(formulas);
  return { headline: model.sentence(rng, 16).replace(/[。，,]/g, ' ').trim(), paragraphs, credit: '' };
}

/** The sentences of real articles that several of them share nearly verbatim (formula). */
export function formulaSentences(stories: StoryText[]): string[] {
  return stories.flatMap((s) => s.paragraphs.flatMap(sentences)).filter((t) => t.length >= 20 && t.length <= 80);
}
