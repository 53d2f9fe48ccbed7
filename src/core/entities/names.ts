// Where a personal name starts and ends. Chinese names are two to four characters with no space
// around them, so the end is read from what follows: punctuation, a verb of the report (主持,
// 出席), a particle; jieba's tags break ties and veto everyday words (高度重视 is not a name).
import { followWordAt, TITLE_WORDS } from './lexicon';
import { surnameAt, WEAK_SURNAMES } from './surnames';
import type { TokenIndex } from './tagger';


const HAN = /^[\u4e00-\u9fff]$/;
/** Characters that end a name for certain (punctuation, spaces, brackets, digits). */
const BOUNDARY = /^[\s\p{P}\p{S}\d０-９a-zA-Z]$/u;
/** Characters no given name is written with here: organisation and level words. */
const NOT_IN_NAME = /[区县委镇乡局部省厅等的了是在与及之其该各全本们]/;
/** jieba tags of name-like tokens: person names, unknown (HMM-grouped) words, proper nouns. */
const NAME_TAG = /^(?:nr|nrfg|nrt|x|nz)$/;
/** jieba tags of words that follow a name: verbs, prepositions, conjunctions, adverbs, particles. */
const FOLLOW_TAG = /^(?:v|vn|vd|vg|p|c|d|ad|u[a-z]*|l|t)$/;

/**
 * True when `pos` falls strictly inside a dictionary word of jieba's (党员干部 has no word
 * boundary before 干部): a name can neither start nor end there. Words jieba grouped by its HMM
 * (tag x) are unknown words, often names with a character too many, so they do not count.
 */
export function insideWord(tokens: TokenIndex, pos: number): boolean {
  if (!tokens.tagged || tokens.get(pos)) return false;
  for (let back = 1; back <= 8; back++) {
    const t = tokens.get(pos - back);
    if (t) return t.len > back && t.tag !== 'x';
  }
  return false;
}

function isBoundary(text: string, pos: number): boolean {
  return pos >= text.length || BOUNDARY.test(text[pos]);
}

/** How strongly the text says a name ends at `end`. */
function endScore(text: string, end: number, tokens: TokenIndex): number {
  if (isBoundary(text, end)) return 3;
  const w = followWordAt(text, end);
  if (w && w.length >= 2) return 3;
  const t = tokens.get(end);
  if (t && t.len >= 2 && FOLLOW_TAG.test(t.tag)) return 2;
  if (w) return 1;
  return 0;
}

/** A known name (two to four characters) that starts at `pos` and clearly ends, or null. */
export function knownNameAt(text: string, pos: number, tokens: TokenIndex, known: ReadonlySet<string>): NameSpan | null {
  for (let len = 4; len >= 2; len--) {
    if (pos + len > text.length) continue;
    const cand = text.slice(pos, pos + len);
    if (known.has(cand) && endScore(text, pos + len, tokens) > 0) return { name: cand, start: pos, end: pos + len };
  }
  return null;
}

/** A name found in a text: the name and the offset just after it. */
export interface NameSpan {
  name: string;
  start: number;
  end: number;
}

/**
 * The personal name that starts at `pos`, or null. `known` names (found elsewhere in the corpus)
 * are taken as they are; otherwise the name must start with a surname, hold no organisation word,
 * not be an everyday word by jieba's dictionary, and end where the text clearly moves on.
 */
export function nameAt(text: string, pos: number, tokens: TokenIndex, known?: ReadonlySet<string>): NameSpan | null {
  if (known) {
    const k = knownNameAt(text, pos, tokens, known);
    if (k) return k;
  }
  const s = surnameAt(text, pos);
  if (s === 0 || insideWord(tokens, pos)) return null;
  const tok = tokens.get(pos);
  // A dictionary word that is not a name starts here (高度, 全面, 向前): not a person.
  if (tok && tok.len >= 2 && !NAME_TAG.test(tok.tag)) return null;
  // A title or organisation word right after the surname-like character (和区长, 于区委).
  for (const t of TITLE_WORDS) if (text.startsWith(t, pos + s)) return null;

  let best = 0;
  let bestScore = 0;
  for (const len of [s + 1, s + 2]) {
    const given = text.slice(pos + s, pos + len);
    if (given.length !== len - s || ![...given].every((c) => HAN.test(c)) || NOT_IN_NAME.test(given)) break;
    if (insideWord(tokens, pos + len)) continue;
    let score = endScore(text, pos + len, tokens);
    if (score === 0) continue;
    // The character before this end starts a verb of the report: the name ended one earlier.
    if (len === s + 2) {
      const inner = followWordAt(text, pos + len - 1);
      if (inner && inner.length >= 2) continue;
    }
    if (tok && tok.len === len && NAME_TAG.test(tok.tag)) score += 1;
    if (score > bestScore) {
      best = len;
      bestScore = score;
    }
  }
  if (best === 0) return null;
  // Surnames that are also function words need more than a weak end (于是, 向上).
  if (WEAK_SURNAMES.has(text[pos]) && bestScore < 2) return null;
  return { name: text.slice(pos, pos + best), start: pos, end: pos + best };
}
