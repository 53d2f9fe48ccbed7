// Reading one draft article into an Article: headline block roles, lead and byline, credit,
// joined body, dateline, kind, district and date, with the source span of every part.
import type { Article, ArticleKind, Flag, Repair, Span } from '../types';
import type { DraftArticle } from './segment';
import { assignRoles } from './headline-block';
import { matchLead, splitByline } from './lead';
import { trailingCredit } from './credit';
import { findDateline, isoDate } from './dateline';
import { findDistrict } from './district';
import { joinBreaks, type JoinedParagraph, type SourceParagraph } from '../repair/join';
import { removeEchoes } from '../repair/apply';

/** What the article reader needs to know about the bulletin. */
export interface BulletinContext {
  text: string;
  date: string | null;
  doubledElsewhere: (pair: string) => boolean;
}

/** Find `part` in the source at or after `from`, to give a cleaned string its source span. */
function locate(ctx: BulletinContext, part: string, from: number, to: number): Span | undefined {
  if (!part) return undefined;
  const at = ctx.text.indexOf(part, from);
  return at >= 0 && at < to ? { start: at, end: at + part.length } : undefined;
}

const COMMENTARY_COLUMN = /(?:评论|时评|短评|言论|论坛|观点|锐评|热评|微评|随笔|杂谈|漫谈|札记|手记|强音)$/;
const NOTICE_HEADLINE = /(?:公告|通告|启事|声明|公示|通知|须知|名单|一览)$/;

function kindOf(a: { lead: string | null; credit: string | null; author: string | null; column: string | null; headline: string }): ArticleKind {
  if (a.author || (a.column && COMMENTARY_COLUMN.test(a.column) && !a.lead)) return 'commentary';
  if (!a.lead && a.credit && /(?:摄|摄影)$/.test(a.credit.trim())) return 'photo';
  if (a.column && /图片|图说|影像/.test(a.column) && !a.lead) return 'photo';
  if (NOTICE_HEADLINE.test(a.headline)) return 'notice';
  return 'news';
}

/** An article and its joined paragraphs, which the bulletin-level repairs still work on. */
export interface ReadArticle {
  article: Article;
  paragraphs: JoinedParagraph[];
}

/** Turn a draft into a full Article; echoes are removed here, pasted passages by the caller. */
export function readArticle(draft: DraftArticle, ctx: BulletinContext): ReadArticle {
  const block = assignRoles(draft.run);
  const flags: Flag[] = [];
  const repairs: Repair[] = [];
  const spans: Article['spans'] = { article: { start: 0, end: 0 }, paragraphs: [], ...block.spans };

  let lead: string | null = null;
  let byline: string | null = block.author ?? (draft.bylines.length ? draft.bylines.map((l) => l.value).join(' ') : null);
  if (draft.bylines.length && !block.author) {
    spans.byline = { start: draft.bylines[0].span.start, end: draft.bylines[draft.bylines.length - 1].span.end };
  }
  const source: SourceParagraph[] = draft.paragraphs.map((p) => ({
    text: p.line.text, span: { ...p.line.span }, joinable: p.joinable, subhead: p.subhead,
  }));
  const first = source[0];
  if (first) {
    const m = matchLead(first.text);
    if (m.lead) {
      lead = m.lead;
      const lineStart = first.span.start;
      spans.lead = locate(ctx, m.lead, lineStart, first.span.end);
      if (m.byline) {
        byline = m.byline;
        spans.byline = locate(ctx, m.byline, lineStart, first.span.end);
      }
      const rest = first.text.slice(m.bodyStart);
      const at = ctx.text.indexOf(rest.slice(0, 12), lineStart);
      first.text = rest;
      if (at >= 0 && at < first.span.end) first.span.start = at;
    }
  }

  let credit: string | null = null;
  if (draft.credits.length) {
    credit = draft.credits.map((c) => c.value).join(' ');
    spans.credit = { start: draft.credits[0].span.start, end: draft.credits[draft.credits.length - 1].span.end };
  } else {
    const last = source[source.length - 1];
    const tc = last && !draft.paragraphs[draft.paragraphs.length - 1].subhead ? trailingCredit(last.text) : null;
    if (tc && last) {
      credit = tc.credit;
      spans.credit = locate(ctx, tc.credit, last.span.start, last.span.end);
      last.text = last.text.slice(0, tc.start).replace(/\s+$/, '');
    }
  }
  const nonEmpty = source.filter((p) => p.text.trim());
  const joined = joinBreaks(nonEmpty, ctx.doubledElsewhere);
  repairs.push(...joined.repairs);
  spans.paragraphs = nonEmpty.map((p) => p.span);

  const isPhotoCredit = !lead && !!credit && /(?:摄|摄影)$/.test(credit);
  let dl = findDateline(joined.paragraphs[0]?.text ?? '', isPhotoCredit);
  // A wire lead carries its own date (新华社北京6月9日电): the dateline when the body has none.
  const leadDate = lead ? /(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日/.exec(lead) : null;
  if (!dl && leadDate && lead) dl = { dateline: leadDate[0], start: -1 };
  if (dl && first) {
    const from = dl.start < 0 && spans.lead ? spans.lead.start : first.span.start;
    spans.dateline = locate(ctx, dl.dateline, from, first.span.end + 400);
  }
  if (!block.headline) flags.push({ type: 'no-headline', note: 'a story that opens with a lead but has no headline above it' });

  repairs.push(...removeEchoes(joined.paragraphs));
  const paragraphs = joined.paragraphs.filter((p) => /[\p{L}\p{N}]/u.test(p.text) || p.text.trim());
  const kind = kindOf({ lead, credit, author: block.author, column: block.column, headline: block.headline });
  const people = splitByline(byline ?? (credit && /记者|通讯员/.test(credit) ? credit : null));
  const firstSentence = (joined.paragraphs[0]?.text ?? '').slice(0, 120).split(/[。！？]/)[0];
  const all = [...draft.run.map((l) => l.span), ...draft.bylines.map((l) => l.span), ...draft.paragraphs.map((p) => p.line.span), ...draft.credits.map((c) => c.span)];
  spans.article = {
    start: Math.min(...all.map((s) => s.start)),
    end: Math.max(...all.map((s) => s.end)),
  };
  const article: Article = {
    kicker: block.kicker,
    headline: block.headline,
    subtitle: block.subtitle,
    column: block.column,
    kind,
    lead,
    dateline: dl?.dateline ?? null,
    date: isoDate(dl?.dateline ?? null, ctx.date),
    byline,
    reporters: people.reporters,
    correspondents: people.correspondents,
    credit,
    district: findDistrict([block.kicker, block.headline, firstSentence]),
    // Filled by the caller once pasted passages are out: building it here would hold a
    // second copy of every body while the bulletin-level check runs.
    body: '',
    original: ctx.text.slice(spans.article.start, spans.article.end),
    repairs,
    flags,
    spans,
  };
  return { article, paragraphs };
}
