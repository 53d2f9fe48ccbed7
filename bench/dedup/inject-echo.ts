// Generator of echoes for the recall benchmark: copies whole clauses or sentences of a real
// article to a later place in it, the ways a bad layout export does (a sentence printed again, a
// clause stuttered, a block re-printed at a paragraph's end and cut mid-word by the page, a
// passage as a paragraph of its own), exactly or with one or two characters changed.
import { buildStream, type TextUnit } from '../../src/core/repair/text-units';
import type { Rng } from '../lib/prng';

/** One injected echo: the new paragraphs and where the copy sits. */
export interface EchoInjection {
  paragraphs: string[];
  paragraph: number;
  start: number;
  end: number;
  kind: 'sentence' | 'stutter' | 'block' | 'cut' | 'paragraph';
  edits: number;
  /** Content characters (letters/digits) of the copy. */
  size: number;
}

const HAN = /\p{Script=Han}/u;
const ENDS_SENTENCE = /[。！？!?；;][”’」』）)]*\s*$/;
const size = (u: TextUnit) => u.cEnd - u.cStart;

/** Change `count` content characters of `text` (substitute, insert or delete a Han character). */
export function typo(text: string, count: number, rng: Rng, alphabet: string): string {
  let out = text;
  for (let k = 0; k < count; k++) {
    const positions = [...out].map((c, i) => (HAN.test(c) ? i : -1)).filter((i) => i >= 0);
    if (positions.length < 2) break;
    const at = rng.pick(positions);
    const chars = [...out];
    const roll = rng.next();
    let sub = rng.pick([...alphabet]);
    while (sub === chars[at]) sub = rng.pick([...alphabet]);
    if (roll < 0.7) chars[at] = sub;
    else if (roll < 0.85) chars.splice(at, 0, sub);
    else chars.splice(at, 1);
    out = chars.join('');
  }
  return out;
}

function editsFor(n: number, rng: Rng): number {
  return n >= 30 ? rng.int(0, 2) : n >= 15 ? rng.int(0, 1) : 0;
}

/** Insert one echo into a copy of `paragraphs`; null when the article is too short for `kind`. */
export function injectEcho(paragraphs: string[], rng: Rng, kind: EchoInjection['kind']): EchoInjection | null {
  const st = buildStream(paragraphs);
  const alphabet = paragraphs.join('').replace(/[^\p{Script=Han}]/gu, '') || '的';
  const out = [...paragraphs];
  const place = (tp: number, at: number, copy: string, own = false): EchoInjection => {
    const n = [...copy].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
    const edits = editsFor(n, rng);
    const text = typo(copy, edits, rng, alphabet);
    if (own) {
      out.splice(tp, 0, text);
      return { paragraphs: out, paragraph: tp, start: 0, end: text.length, kind, edits, size: n };
    }
    out[tp] = out[tp].slice(0, at) + text + out[tp].slice(at);
    return { paragraphs: out, paragraph: tp, start: at, end: at + text.length, kind, edits, size: n };
  };
  if (kind === 'stutter') {
    const all = st.clauses.flatMap((cs, p) => cs.map((c) => ({ p, c })))
      .filter(({ p, c }) => size(c) >= 6 && /[，,。；;！!？?、：:]\s*$/.test(paragraphs[p].slice(c.start, c.end)));
    if (!all.length) return null;
    const { p, c } = rng.pick(all);
    return place(p, c.end, paragraphs[p].slice(c.start, c.end));
  }
  const units = kind === 'sentence' || kind === 'paragraph' ? st.sentences : st.clauses;
  const starts = units.flatMap((us, p) => us.map((u, i) => ({ p, i }))).filter(({ p, i }) => size(units[p][i]) >= 2);
  if (!starts.length) return null;
  for (let attempt = 0; attempt < 20; attempt++) {
    const { p, i } = rng.pick(starts);
    const us = units[p];
    const j = Math.min(us.length - 1, i + rng.int(0, kind === 'sentence' ? 2 : 3));
    let copy = paragraphs[p].slice(us[i].start, us[j].end).trim();
    if (kind === 'cut') {
      const next = us[j + 1];
      if (!next || size(next) < 3) continue;
      const text = paragraphs[p].slice(next.start, next.end);
      copy += text.slice(0, rng.int(1, Math.max(1, text.search(/[，,。；;！!？?、：:]/) - 1 || 1)));
    }
    const n = [...copy].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
    if (n < 6) continue;
    if (kind === 'paragraph') return place(rng.int(p + 1, out.length), 0, copy, true);
    if (kind === 'block' || kind === 'cut') {
      // at the end of a later paragraph that ends a sentence (not one already cut mid-word)
      const targets = out.map((_, tp) => tp).filter((tp) => tp > p && ENDS_SENTENCE.test(out[tp]));
      if (!targets.length) continue;
      const tp = rng.pick(targets);
      return place(tp, out[tp].length, copy);
    }
    // sentence: after a later sentence end, in this paragraph or a later one
    const spots: { tp: number; at: number }[] = [];
    for (let tp = p; tp < out.length; tp++) {
      for (const s of st.sentences[tp]) {
        if ((tp > p || s.start >= us[j].end) && ENDS_SENTENCE.test(out[tp].slice(0, s.end))) spots.push({ tp, at: s.end });
      }
    }
    if (!spots.length) continue;
    const { tp, at } = rng.pick(spots);
    return place(tp, at, copy);
  }
  return null;
}
