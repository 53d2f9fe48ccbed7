// Generator of pasted passages for the recall benchmark: 50+ content characters of one article
// of a bulletin, starting on a clause, ending on a sentence or cut mid-word, put into another
// article of the same bulletin as a paragraph of its own or at the end of one of its paragraphs,
// exactly or with a character or two changed.
import type { ForeignInput } from '../../src/core/repair/foreign';
import { buildStream } from '../../src/core/repair/text-units';
import { typo } from './inject-echo';
import type { Rng } from '../lib/prng';

/** One injected paste and the article it was taken from. */
export interface ForeignInjection {
  articles: ForeignInput[];
  article: number;
  paragraph: number;
  start: number;
  end: number;
  owner: number;
  ownerParagraph: number;
  size: number;
  placement: 'paragraph' | 'append';
}

const ENDS_SENTENCE = /[。！？!?；;][”’」』）)]*\s*$/;
const isContent = (c: string) => /[\p{L}\p{N}]/u.test(c);

/** Paste a passage of one article into another; null when no article is long enough. */
export function injectForeign(articles: ForeignInput[], rng: Rng, minSize = 50): ForeignInjection | null {
  if (articles.length < 2) return null;
  const sources: { b: number; p: number }[] = [];
  articles.forEach((art, b) => art.paragraphs.forEach((text, p) => {
    if ([...text].filter(isContent).length >= minSize) sources.push({ b, p });
  }));
  for (let attempt = 0; attempt < 30 && sources.length; attempt++) {
    const { b, p } = rng.pick(sources);
    const text = articles[b].paragraphs[p];
    const st = buildStream([text]);
    const starts = st.clauses[0].filter((c) => st.paraEnd[0] - c.cStart >= minSize);
    if (!starts.length) continue;
    const from = rng.pick(starts);
    const want = rng.int(minSize, Math.min(minSize + 110, st.paraEnd[0] - from.cStart));
    let end = st.raw[from.cStart + want - 1] + 1;
    if (rng.chance(0.5)) {
      // end on the next sentence end instead of mid-word
      const s = st.sentences[0].find((u) => u.end >= end);
      if (s) end = s.end;
    }
    const passage = typo(text.slice(from.start, end).trim(), rng.int(0, 2), rng,
      text.replace(/[^\p{Script=Han}]/gu, ''));
    const targets = articles.map((_, a) => a).filter((a) => a !== b);
    const a = rng.pick(targets);
    const out = articles.map((x) => ({ headline: x.headline, paragraphs: [...x.paragraphs] }));
    const host = out[a].paragraphs;
    const size = [...passage].filter(isContent).length;
    const appendable = host.map((_, i) => i).filter((i) => ENDS_SENTENCE.test(host[i]));
    if (rng.chance(0.35) && appendable.length) {
      const i = rng.pick(appendable);
      const start = host[i].length;
      host[i] += passage;
      return { articles: out, article: a, paragraph: i, start, end: host[i].length, owner: b,
        ownerParagraph: p, size, placement: 'append' };
    }
    const i = rng.int(1, host.length);
    host.splice(i, 0, passage);
    return { articles: out, article: a, paragraph: i, start: 0, end: passage.length, owner: b,
      ownerParagraph: p, size, placement: 'paragraph' };
  }
  return null;
}
