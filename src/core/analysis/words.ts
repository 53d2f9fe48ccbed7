// jieba's words of an article as the store keeps them (seg_* columns: folded, space-separated,
// punctuation dropped), put back into sentences: walking the folded text, a word that follows
// punctuation or a line break starts a new sentence. Phrases are then counted inside sentences
// only, never across a full stop the segmented column no longer shows.
import { foldText } from '../query/fold';

/** The words of a segmented column (the store's space-separated form). */
export function segWords(seg: string): string[] {
  return seg ? seg.split(' ').filter(Boolean) : [];
}

const BREAK = /[\p{P}\p{S}\n\r]/u;

/**
 * The words of `seg` grouped into sentences of `text` (the field the column was cut from). A
 * word not found where expected (the text changed since it was cut) starts a new sentence.
 */
export function sentencesOf(seg: string, text: string): string[][] {
  const words = segWords(seg);
  if (!words.length) return [];
  const folded = foldText(text);
  const out: string[][] = [];
  let current: string[] = [];
  let pos = 0;
  for (const w of words) {
    const at = folded.indexOf(w, pos);
    if (at < 0) {
      if (current.length) out.push(current);
      current = [w];
      continue;
    }
    if (current.length && BREAK.test(folded.slice(pos, at))) {
      out.push(current);
      current = [];
    }
    current.push(w);
    pos = at + w.length;
  }
  if (current.length) out.push(current);
  return out;
}
