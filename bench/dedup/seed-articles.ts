// A rough, self-contained splitter of the sample bulletins into articles, for the dedup benchmark
// and the echo/foreign tests. It is deliberately independent of the real parser (which is being
// rewritten): the tests need "all the text of every article, in paragraphs", not a perfect parse.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One article of a sample bulletin, as this splitter sees it. */
export interface SeedArticle {
  file: string;
  headline: string;
  /** Body paragraphs after a naive break-join; the first one is the lead paragraph. */
  paragraphs: string[];
  /** The closing credit, cut from the last paragraph (红旗宣, 赵慧意 李月锦 摄), or ''. */
  credit: string;
}

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

const isCredit = (s: string) =>
  /^[(（][^()（）]{1,24}[)）]$/.test(s) || /^(本报)?记者\s/.test(s) || /^通讯员\s/.test(s) || /摄$/.test(s) && s.length < 30;
const isLead = (s: string) => /^(\*\*)?本报讯/.test(s);
const isHeadlineLike = (s: string) =>
  /^#/.test(s) || (!/[。！？!?；;，,、]/.test(s) && s.length <= 50 && !isCredit(s) && !isLead(s));
const TERMINAL = /[。！？!?”」）)]$/;

function stripLead(s: string): string {
  return s.replace(/^(\*\*)?本报讯(\*\*)?\s*/, '').replace(/^[(（][^()（）]{0,30}记者[^()（）]*[)）]\s*/, '');
}

/** Split one bulletin's text into articles (headline + joined body paragraphs). */
export function splitBulletin(text: string, file = ''): SeedArticle[] {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const articles: SeedArticle[] = [];
  let headline: string[] = [];
  let cur: SeedArticle | null = null;
  for (const line of lines) {
    if (isHeadlineLike(line)) {
      headline.push(line.replace(/^#+\s*/, ''));
      cur = null;
      continue;
    }
    if (isCredit(line)) continue;
    if (!cur) {
      cur = { file, headline: headline.at(-1) ?? '', paragraphs: [], credit: '' };
      articles.push(cur);
      headline = [];
    }
    const body = stripLead(line);
    const prev = cur.paragraphs.at(-1);
    if (prev !== undefined && !TERMINAL.test(prev) && !isLead(line)) {
      // a column/page break inside a sentence; the last character is sometimes printed twice
      const dup = prev.at(-1) === body[0] && /\p{Script=Han}/u.test(body[0]);
      cur.paragraphs[cur.paragraphs.length - 1] = prev + (dup ? body.slice(1) : body);
    } else {
      cur.paragraphs.push(body);
    }
  }
  for (const a of articles) {
    const last = a.paragraphs.length - 1;
    const m = /(?:[(（]([^()（）]{1,24})[)）]|([\p{Script=Han} ]{2,20}摄))$/u.exec(a.paragraphs[last] ?? '');
    if (m && m.index > 0) {
      a.credit = (m[1] ?? m[2]).trim();
      a.paragraphs[last] = a.paragraphs[last].slice(0, m.index).trimEnd();
    }
  }
  return articles.filter((a) => a.paragraphs.join('').length > 0);
}

/** The sample bulletin files, name and text. */
export function seedFiles(): { file: string; text: string }[] {
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()
    .map((file) => ({ file, text: readFileSync(SEEDS + file, 'utf8') }));
}

/** Every article of every sample bulletin. */
export function seedArticles(): SeedArticle[] {
  return seedFiles().flatMap(({ file, text }) => splitBulletin(text, file));
}
