// Names and user words as jieba user-dictionary lines (`词 频 词性`), so segmentation stops
// splitting 刘怀斌 into 刘/怀/斌. jieba's with_dict silently ignores a line without a frequency,
// so every line carries one.

/** A word the user adds (a name, a slogan such as 二马机制), with an optional tag and frequency. */
export interface UserWord {
  word: string;
  /** jieba part of speech; default n (a noun). */
  tag?: string;
  /** Frequency; default 1000, enough for jieba to keep the word whole. */
  freq?: number;
}

/** The frequency names and words get unless told otherwise. */
export const DEFAULT_FREQ = 1000;

const VALID_WORD = /^[^\s]{2,32}$/u;
const VALID_TAG = /^[a-z]{1,4}$/;

/**
 * Dictionary lines for jieba's `with_dict(lines.join('\n'))`: one `name freq nr` line per person
 * name, then the user's words (`word freq tag`). Words with spaces or shorter than two characters
 * are left out (jieba would misread the line), and each word appears once (the first wins).
 */
export function dictionaryLines(people: ReadonlyArray<{ name: string } | string>, extraWords: ReadonlyArray<UserWord | string> = []): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  const add = (word: string, freq: number, tag: string) => {
    const w = word.trim();
    if (!VALID_WORD.test(w) || seen.has(w)) return;
    seen.add(w);
    const f = Number.isFinite(freq) && freq > 0 ? Math.round(freq) : DEFAULT_FREQ;
    lines.push(`${w} ${f} ${VALID_TAG.test(tag) ? tag : 'n'}`);
  };
  for (const p of people) add(typeof p === 'string' ? p : p.name, DEFAULT_FREQ, 'nr');
  for (const w of extraWords) {
    if (typeof w === 'string') add(w, DEFAULT_FREQ, 'n');
    else add(w.word, w.freq ?? DEFAULT_FREQ, w.tag ?? 'n');
  }
  return lines;
}
