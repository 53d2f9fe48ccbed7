// Rewrites of a bulletin into the other dialects real dumps come in: with or without Markdown,
// full- or half-width punctuation and digits, no blank lines between paragraphs, CRLF or CR line
// ends. A parser that only knows the seeds' own dialect fails these.

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
const FULL_TO_HALF = Object.fromEntries(Object.entries(HALF_TO_FULL).map(([h, f]) => [f, h]));

/** Remove Markdown: heading marks, bold marks, trailing hard-break spaces. */
export function stripMarkdown(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^#{1,6}\s*/, '').replace(/\*\*/g, '').replace(/[ \t]+$/, ''))
    .join('\n');
}

/** Turn half-width punctuation into full-width (the 人民日报 house style). */
export function toFullWidthPunct(text: string): string {
  return text.replace(/[,:;()!?]/g, (c) => HALF_TO_FULL[c]);
}

/** Turn full-width punctuation into half-width. */
export function toHalfWidthPunct(text: string): string {
  return text.replace(/[，：；（）！？]/g, (c) => FULL_TO_HALF[c]);
}

/** Full-width digits, as some GBK-era dumps have them. */
export function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** No blank lines at all: every paragraph on its own line, nothing between. */
export function noBlankLines(text: string): string {
  return text.replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n');
}

/** CRLF line ends (Windows). */
export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/** Markdown everywhere: headings for headline lines, bold leads. Needs the expected headlines. */
export function addMarkdown(text: string, headlines: string[]): string {
  const set = new Set(headlines.map((h) => h.replace(/\s+/g, '')));
  return text
    .split('\n')
    .map((l) => {
      const t = l.replace(/^#{1,6}\s*/, '').trim();
      if (set.has(t.replace(/\s+/g, '').replace(/\*\*/g, ''))) return `## ${t}`;
      return l.replace(/^本报讯/, '**本报讯**');
    })
    .join('\n');
}
