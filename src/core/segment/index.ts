// Word segmentation for the full-text index. Chinese has no spaces, so FTS4 (which splits on
// separators) needs the text pre-cut into words; jieba does the cutting, and the tokens are
// stored space-separated so SQLite's unicode61 tokenizer sees one word per token.

/** Anything that cuts text into words (jieba in the app and CLI, a simple splitter in tests). */
export interface Segmenter {
  cut(text: string): string[];
}

/** The shape of jieba-wasm's `cut` export (the same in its web and Node builds). */
export type JiebaCut = (text: string, hmm?: boolean | null) => string[];

/** A Segmenter over jieba-wasm's `cut`, with the HMM on so unknown names are still grouped. */
export function jiebaSegmenter(cut: JiebaCut): Segmenter {
  return { cut: (text) => cut(text, true) };
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

/**
 * A dictionary-free segmenter: each CJK character is a token, runs of letters/digits are words.
 * Used when jieba cannot load, so files still load and index (search stays exact regardless).
 */
export const characterSegmenter: Segmenter = {
  cut(text) {
    const out: string[] = [];
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const run = m[0];
      if (!CJK.test(run)) {
        out.push(run);
        continue;
      }
      let latin = '';
      for (const ch of run) {
        if (CJK.test(ch)) {
          if (latin) out.push(latin);
          latin = '';
          out.push(ch);
        } else latin += ch;
      }
      if (latin) out.push(latin);
    }
    return out;
  },
};

const SKIP_TOKEN = /^[\s\p{P}\p{S}]*$/u;

/** The text as space-separated words for the FTS index; whitespace and punctuation tokens go. */
export function segmentForIndex(segmenter: Segmenter, text: string | null | undefined): string {
  if (!text) return '';
  const words: string[] = [];
  for (const token of segmenter.cut(text)) {
    // Most tokens are Chinese words: starting and ending with an ideograph, they are neither
    // skipped nor trimmed, and the Unicode regex (a third of this function's time) is not run.
    if (isIdeograph(token.charCodeAt(0)) && isIdeograph(token.charCodeAt(token.length - 1))) words.push(token);
    else if (!SKIP_TOKEN.test(token)) words.push(token.trim());
  }
  return words.join(' ');
}

/** CJK Unified Ideographs (the basic block): never whitespace, punctuation or a symbol. */
function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}
