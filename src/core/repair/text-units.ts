// Text units for the repair stage: the "content" of a paragraph (letters and digits only, folded
// to one width and case) with a map back to raw offsets, and its clauses and sentences.
// Echoes and pasted passages are compared on content, so that full/half-width punctuation,
// spaces and quotes never hide a repeat; they are cut on clause boundaries so that what is
// removed, and what remains, reads as text.

/** Punctuation that ends a clause (both widths). A removed passage starts and ends on these. */
export const CLAUSE_END = new Set([...'，,。；;！!？?、：:']);
/** Punctuation that ends a sentence: sentence coverage decides whether a repeat is an echo. */
export const SENTENCE_END = new Set([...'。；;！!？?']);
/** Closing quotes/brackets that belong to the clause before them (……。” ). */
const CLOSERS = new Set([...'”’」』）)】》〉']);

let contentTable: Uint8Array | null = null;

/** True for letters and digits of any script: the characters a repeat is measured in. */
export function isContentCode(code: number): boolean {
  if (code >= 0xd800 && code <= 0xdfff) return true; // astral Han (surrogate halves)
  if (!contentTable) {
    contentTable = new Uint8Array(65536);
    const re = /[\p{L}\p{N}]/u;
    for (let c = 0; c < 65536; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (re.test(String.fromCharCode(c))) contentTable[c] = 1;
    }
  }
  return contentTable[code] === 1;
}

/** Fold one content character: full-width ASCII to half-width, letters to lower case. */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 65 && code <= 90) code += 32;
  return code;
}

/** A clause or sentence: raw offsets in its paragraph and its content range in the stream. */
export interface TextUnit {
  /** Half-open raw range in the paragraph string (includes the closing punctuation). */
  start: number;
  end: number;
  /** Half-open range of its content characters in the stream. */
  cStart: number;
  cEnd: number;
}

/** The content of several paragraphs as one string, with maps back to the paragraphs. */
export interface ContentStream {
  /** Folded content characters; each paragraph is followed by one SEP. */
  text: string;
  /** Paragraph index of each stream position (-1 at a SEP). */
  para: Int32Array;
  /** Raw offset in its paragraph of each stream position. */
  raw: Int32Array;
  /** Stream range [paraStart[i], paraEnd[i]) of paragraph i's content. */
  paraStart: number[];
  paraEnd: number[];
  clauses: TextUnit[][];
  sentences: TextUnit[][];
}

/** Separates paragraphs in a content stream; never a content character. */
export const SEP = '\u0000';

const IS_CLAUSE_END = 1;
const IS_SENTENCE_END = 2;
const IS_CLOSER = 4;
/** Punctuation classes by UTF-16 code unit (0 for every other character). */
const PUNCT = new Uint8Array(65536);
for (const c of CLAUSE_END) PUNCT[c.charCodeAt(0)] |= IS_CLAUSE_END;
for (const c of SENTENCE_END) PUNCT[c.charCodeAt(0)] |= IS_SENTENCE_END;
for (const c of CLOSERS) PUNCT[c.charCodeAt(0)] |= IS_CLOSER;

function segment(p: string, base: number, contentBefore: Int32Array, endMask: number): TextUnit[] {
  const units: TextUnit[] = [];
  let start = 0;
  let i = 0;
  while (i < p.length) {
    if (!(PUNCT[p.charCodeAt(i)] & endMask)) { i++; continue; }
    let end = i + 1;
    while (end < p.length && (PUNCT[p.charCodeAt(end)] & (endMask | IS_CLOSER) || p.charCodeAt(end) === 32)) end++;
    units.push({ start, end, cStart: base + contentBefore[start], cEnd: base + contentBefore[end] });
    start = end;
    i = end;
  }
  // a tail without closing punctuation is a unit when it holds anything but spaces
  if (start < p.length && (contentBefore[p.length] > contentBefore[start] || /\S/.test(p.slice(start)))) {
    units.push({ start, end: p.length, cStart: base + contentBefore[start], cEnd: base + contentBefore[p.length] });
  }
  return units;
}

/** Build the content stream of a list of paragraphs (raw strings, as the parser gives them). */
export function buildStream(paragraphs: string[]): ContentStream {
  let total = 0;
  for (const p of paragraphs) total += p.length + 1;
  const chars: number[] = [];
  const para = new Int32Array(total);
  const raw = new Int32Array(total);
  const paraStart: number[] = [];
  const paraEnd: number[] = [];
  const clauses: TextUnit[][] = [];
  const sentences: TextUnit[][] = [];
  paragraphs.forEach((p, pi) => {
    const base = chars.length;
    paraStart.push(base);
    // contentBefore[r] = number of content characters in p before raw offset r
    const contentBefore = new Int32Array(p.length + 1);
    for (let r = 0; r < p.length; r++) {
      const code = p.charCodeAt(r);
      contentBefore[r + 1] = contentBefore[r];
      if (isContentCode(code)) {
        para[chars.length] = pi;
        raw[chars.length] = r;
        chars.push(foldCode(code));
        contentBefore[r + 1]++;
      }
    }
    paraEnd.push(chars.length);
    para[chars.length] = -1;
    raw[chars.length] = p.length;
    chars.push(0);
    clauses.push(segment(p, base, contentBefore, IS_CLAUSE_END));
    sentences.push(segment(p, base, contentBefore, IS_SENTENCE_END));
  });
  let text = '';
  for (let i = 0; i < chars.length; i += 8192) text += String.fromCharCode(...chars.slice(i, i + 8192));
  return { text, para, raw, paraStart, paraEnd, clauses, sentences };
}

/** The folded content of a string (letters and digits only), e.g. for comparing passages. */
export function contentOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isContentCode(c)) out += String.fromCharCode(foldCode(c));
  }
  return out;
}
