// A bulletin as a list of non-blank lines, each with its source span and Markdown hints.
// Markdown is a hint, not the truth: we keep the heading level and bold marks and strip them
// from the text the rest of the parser reads.
import type { Span } from '../types';

/** One non-blank line of the source, cleaned of Markdown markup. */
export interface Line {
  /** Text with Markdown heading marks, bold marks and outer whitespace removed. */
  text: string;
  /** The span of the whole line in the source (without its line end). */
  span: Span;
  /** Markdown heading level (1-6), or 0 when the line is not a heading. */
  heading: number;
  /** The whole line was bold (**…**) in the source. */
  bold: boolean;
  /** How many blank lines stand before this one. */
  blanksBefore: number;
  /** Position in the list of lines. */
  index: number;
}

const HEADING = /^(#{1,6})[ \t\u3000]*/;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Strip bold/italic markers (**, __) that wrap words; single * in text is kept. */
function stripEmphasis(text: string): string {
  return text.indexOf('**') < 0 && text.indexOf('__') < 0 ? text : text.replace(/\*\*|__/g, '');
}

/** Split text into cleaned non-blank lines. Linear in the text length. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let blanks = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const raw = text.slice(pos, end);
    let t = raw.replace(INVISIBLE, '').trim();
    if (!t || /^[-*_=]{3,}$/.test(t)) {
      blanks++;
    } else {
      const h = HEADING.exec(t);
      const heading = h ? h[1].length : 0;
      if (h) t = t.slice(h[0].length).replace(/[ \t]+#+$/, '');
      const bold = /^\*\*[^*].*\*\*$/.test(t) && t.indexOf('**', 2) === t.length - 2;
      t = stripEmphasis(t).trim();
      if (t) {
        lines.push({ text: t, span: { start: pos, end }, heading, bold, blanksBefore: blanks, index: lines.length });
        blanks = 0;
      } else {
        blanks++;
      }
    }
    pos = end + 1;
  }
  return lines;
}
