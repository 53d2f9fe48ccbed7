// The candidate index behind exact search. Chinese has no spaces and jieba may cut a name one
// way in a query and another way in an article, so exact search cannot rest on words. Instead
// every run of characters between whitespace in the folded text is indexed as overlapping
// character bigrams, each run followed by its last character alone:
//
//   红旗区召开，  →  红旗 旗区 区召 召开 开， ，
//
// Every character of a run then starts exactly one token, at its own position. A query run of
// two or more characters matches as the phrase of its bigrams ("红旗 旗区"), which holds exactly
// where the run occurs in the text; a one-character run matches as a prefix query (区*). So a
// query without whitespace is answered by the index alone, exactly; one with whitespace gets
// candidates here and is checked against the text.
//
// The tokens go to an FTS4 table with the `simple` tokenizer, which keeps every non-ASCII
// character inside a token and splits on ASCII punctuation: ASCII punctuation is therefore
// written as its full-width twin inside tokens (folding has already turned full-width text into
// ASCII, so the twin stands for exactly one character). Nothing is cut differently from the way
// it is built. Index text and query terms must both be folded (fold.ts) before they get here.

/** Whitespace and control characters end a run; every other character is part of one. */
const SEPARATOR = /[\s\p{Cc}]/u;

let bmp: Uint8Array | null = null;

/** For each BMP code unit: 0 separator, 1 run character, 2 ASCII punctuation (written full-width). */
function bmpClasses(): Uint8Array {
  if (bmp) return bmp;
  bmp = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (SEPARATOR.test(ch)) continue;
    bmp[c] = c < 0x80 && !/[a-z0-9]/i.test(ch) ? 2 : 1;
  }
  return bmp;
}

/** The runs of `text` (split at whitespace), each as an array of its characters as tokens write them. */
export function gramRuns(text: string): string[][] {
  const cls = bmpClasses();
  const runs: string[][] = [];
  let run: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let ch: string | null;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      ch = text.slice(i, i + 2);
      i++;
    } else {
      const k = cls[c];
      ch = k === 1 ? text[i] : k === 2 ? String.fromCharCode(c + 0xfee0) : (c >= 0xd800 && c <= 0xdfff ? text[i] : null);
    }
    if (ch !== null) run.push(ch);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** The gram tokens of folded text, space-separated, for the FTS column. */
export function gramTokens(folded: string): string {
  const out: string[] = [];
  for (const run of gramRuns(folded)) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
    out.push(run[run.length - 1]);
  }
  return out.join(' ');
}

/** How a folded term is looked up in the gram index. */
export interface GramQuery {
  /** An FTS4 MATCH expression every article containing the term matches; null when the term
   *  is only whitespace (nothing to look up: every article is a candidate). */
  match: string | null;
  /** True when matching the expression is the same as containing the term (the term holds no
   *  whitespace), so no article needs checking against the text. */
  exact: boolean;
}

/** The MATCH expression for one run: its bigrams as a phrase, or a prefix for one character. */
function runMatch(run: string[]): string {
  if (run.length === 1) return `${run[0]}*`;
  const grams: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) grams.push(run[i] + run[i + 1]);
  return `"${grams.join(' ')}"`;
}

/** The gram-index lookup for a folded term. */
export function gramQuery(folded: string): GramQuery {
  const runs = gramRuns(folded);
  if (!runs.length) return { match: null, exact: false };
  // One run covering the whole term: the phrase holds exactly where the term occurs.
  const exact = runs.length === 1 && runs[0].length === Array.from(folded).length;
  // Duplicate runs add nothing to an AND; the FTS engine would evaluate each again.
  const parts = [...new Set(runs.map(runMatch))];
  return { match: parts.join(' '), exact };
}
