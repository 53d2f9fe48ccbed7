// The bulletin parser's public API: text in, articles and fragments out. Never throws.
import type { Fragment, ParseOptions, ParsedBulletin } from '../types';
import { splitLines } from './lines';
import { classifyLine } from './classify';
import { segment } from './segment';
import { readArticle, type BulletinContext } from './article';
import { inferMeta } from './meta';
import { removeForeign } from '../repair/apply';

export { inferMeta } from './meta';

/** Split a bulletin's text into articles (with every part read) and fragments. */
export function parseBulletin(text: string, opts: ParseOptions = {}): ParsedBulletin {
  const meta = inferMeta(text, opts.fileName ?? '');
  if (opts.paper) meta.paper = opts.paper;
  if (opts.date) {
    meta.date = opts.date;
    meta.dateSource = 'user';
  }
  const lines = splitLines(text).map(classifyLine);
  const seg = segment(lines);
  const ctx: BulletinContext = {
    text,
    date: meta.date,
    doubledElsewhere: (pair) => text.includes(pair),
  };
  const read = seg.articles.map((d) => readArticle(d, ctx));
  const foreign = removeForeign(read.map((r) => ({ headline: r.article.headline, paragraphs: r.paragraphs })));
  const articles = read.map((r, i) => {
    const f = foreign[i];
    r.article.repairs.push(...f.repairs);
    r.article.flags.push(...f.flags);
    r.article.body = r.paragraphs.filter((p) => p.text.trim()).map((p) => p.text).join('\n');
    r.paragraphs.length = 0; // the body now holds the text; let the pieces go
    return r.article;
  });
  const fragments: Fragment[] = seg.orphans.map((o) => ({ text: o.line.text, reason: o.reason, span: o.line.span }));
  return { meta, articles, fragments };
}
