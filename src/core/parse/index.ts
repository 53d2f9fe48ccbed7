// The bulletin parser's public API: text in, articles and fragments out. Never throws.
import type { Fragment, ParseOptions, ParsedBulletin } from '../types';
import { splitLines } from './lines';
import { classifyLine } from './classify';
import { segment } from './segment';
import { readArticle, type BulletinContext } from './article';
import { inferMeta } from './meta';

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
  const articles = seg.articles.map((d) => readArticle(d, ctx));
  const fragments: Fragment[] = seg.orphans.map((o) => ({ text: o.line.text, reason: o.reason, span: o.line.span }));
  return { meta, articles, fragments };
}
