// The query language of the search box: terms are ANDed, "quoted phrases", -exclusions, a OR b,
// field filters (headline:, kicker:, credit:, byline:, district:, paper:, kind:, date:) with
// Chinese aliases and full-width punctuation. Bad syntax yields hints, never an exception.

/** Fields whose value is searched as text inside that field. */
export type TextField = 'headline' | 'kicker' | 'credit' | 'byline';
/** Fields whose value is compared with the article's value. */
export type ExactField = 'district' | 'paper' | 'kind';

/** One condition of a query. */
export type Clause =
  | { type: 'text'; text: string; field: TextField | null; negate: boolean; phrase: boolean }
  | { type: 'field'; field: ExactField; value: string; negate: boolean }
  | { type: 'date'; from: string; to: string; negate: boolean };

/** What kind of problem a hint reports (the page words it in the chosen language). */
export type HintCode =
  | 'unknown-field' | 'unclosed-quote' | 'empty-value' | 'empty-term' | 'bad-date' | 'bad-kind'
  | 'or-sides' | 'or-negated';

/** A hint about syntax the parser did not understand, for showing inline under the box. */
export interface QueryHint {
  code: HintCode;
  /** The same in English (for logs and the command line). */
  message: string;
  /** Offset in the query string where the problem is. */
  at: number;
  /** The text concerned: the unknown field's name, the value that is not a date … */
  detail?: string;
}

/** A parsed query: every group must match; a group matches when any of its clauses does. */
export interface ParsedQuery {
  groups: Clause[][];
  hints: QueryHint[];
}

const FIELD_ALIASES: Record<string, TextField | ExactField | 'date'> = {
  headline: 'headline', title: 'headline', 标题: 'headline', 题目: 'headline',
  kicker: 'kicker', 引题: 'kicker',
  credit: 'credit', 来源: 'credit', 署名: 'credit',
  byline: 'byline', reporter: 'byline', 记者: 'byline', 作者: 'byline',
  district: 'district', 区县: 'district', 地区: 'district',
  paper: 'paper', 报纸: 'paper', 报刊: 'paper',
  kind: 'kind', 类型: 'kind', 体裁: 'kind',
  date: 'date', 日期: 'date',
};
const TEXT_FIELDS = new Set(['headline', 'kicker', 'credit', 'byline']);
const KINDS: Record<string, string> = { news: 'news', 新闻: 'news', 消息: 'news', photo: 'photo', 图片: 'photo', commentary: 'commentary', 评论: 'commentary', notice: 'notice', 公告: 'notice', 通知: 'notice' };

interface Token {
  text: string;
  at: number;
  quoted: boolean;
  negate: boolean;
  field: string | null;
}

const SPACE = new Set([' ', '\t', '\n', '\r', '\u3000']);
const MINUS = new Set(['-', '－']);
/** Quote marks that open a phrase at the start of a term, each with the marks that close it. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”"', '”': '”"', '„': '“”"', '「': '」"', '『': '』"' };

/**
 * Cut the query into terms. Syntax characters count only where syntax can stand: a minus or a
 * quote mark at the start of a term, a field name with a colon (: or ：) before it. Elsewhere
 * they are text, so 坚持“三个结合” and ——压实责任 are searched as typed.
 */
function tokenize(q: string, hints: QueryHint[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    if (SPACE.has(q[i])) { i++; continue; }
    const at = i;
    let negate = false;
    if (MINUS.has(q[i]) && i + 1 < q.length && !SPACE.has(q[i + 1])) { negate = true; i++; }
    let field: string | null = null;
    const fm = /^([A-Za-z\u4e00-\u9fff]{1,10})[:：]/.exec(q.slice(i));
    if (fm && FIELD_ALIASES[fm[1].toLowerCase()]) {
      field = FIELD_ALIASES[fm[1].toLowerCase()];
      i += fm[0].length;
    } else if (fm && /^[A-Za-z]+$/.test(fm[1])) {
      hints.push({ code: 'unknown-field', message: `unknown field "${fm[1]}:" — fields: headline kicker credit byline district paper kind date`, at, detail: fm[1] });
      i += fm[0].length;
    }
    const closers = QUOTES[q[i]];
    if (closers) {
      let close = -1;
      for (let j = i + 1; j < q.length; j++) if (closers.includes(q[j])) { close = j; break; }
      if (close < 0) {
        hints.push({ code: 'unclosed-quote', message: 'a quote is not closed; the rest is read as a phrase', at: i });
        tokens.push({ text: q.slice(i + 1), at, quoted: true, negate, field });
        break;
      }
      tokens.push({ text: q.slice(i + 1, close), at, quoted: true, negate, field });
      i = close + 1;
    } else {
      let j = i;
      while (j < q.length && !SPACE.has(q[j])) j++;
      tokens.push({ text: q.slice(i, j), at, quoted: false, negate, field });
      i = j;
    }
  }
  return tokens;
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** Read 2026, 2026-06 or 2026-06-08 as the first and last day it covers. */
export function dateBounds(value: string): { from: string; to: string } | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const y = m[1];
  const mo = m[2] ? m[2].padStart(2, '0') : null;
  const d = m[3] ? m[3].padStart(2, '0') : null;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d && (Number(d) < 1 || Number(d) > 31)) return null;
  if (d) return { from: `${y}-${mo}-${d}`, to: `${y}-${mo}-${d}` };
  if (mo) return { from: `${y}-${mo}-01`, to: `${y}-${mo}-31` };
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

function toClause(t: Token, hints: QueryHint[]): Clause | null {
  const text = t.text.trim();
  if (!text) {
    hints.push(t.field
      ? { code: 'empty-value', message: `"${t.field}:" needs a value`, at: t.at, detail: t.field }
      : { code: 'empty-term', message: 'an empty term is ignored', at: t.at });
    return null;
  }
  if (t.field === 'date') {
    const [a, b] = text.split('..');
    const from = dateBounds(a);
    const to = b === undefined ? from : dateBounds(b);
    if (!from || !to) {
      hints.push({ code: 'bad-date', message: `"${text}" is not a date: use date:2026, date:2026-06 or date:2026-05..2026-07`, at: t.at, detail: text });
      return null;
    }
    return { type: 'date', from: from.from, to: to.to, negate: t.negate };
  }
  if (t.field === 'kind') {
    const k = KINDS[text.toLowerCase()];
    if (!k) {
      hints.push({ code: 'bad-kind', message: `kind is one of news, photo, commentary, notice (新闻 图片 评论 公告)`, at: t.at, detail: text });
      return null;
    }
    return { type: 'field', field: 'kind', value: k, negate: t.negate };
  }
  if (t.field === 'district' || t.field === 'paper') return { type: 'field', field: t.field, value: text, negate: t.negate };
  const field = t.field && TEXT_FIELDS.has(t.field) ? (t.field as TextField) : null;
  return { type: 'text', text, field, negate: t.negate, phrase: t.quoted };
}

/** Parse a search-box query. Never throws; problems come back as hints. */
export function parseQuery(input: string): ParsedQuery {
  const hints: QueryHint[] = [];
  const tokens = tokenize(input, hints);
  const groups: Clause[][] = [];
  let pendingOr = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t.quoted && !t.field && !t.negate && (t.text === 'OR' || t.text === '|' || t.text === '或')) {
      if (!groups.length || k === tokens.length - 1) hints.push({ code: 'or-sides', message: 'OR needs a term on both sides', at: t.at });
      else pendingOr = true;
      continue;
    }
    const clause = toClause(t, hints);
    if (!clause) continue;
    if (pendingOr && groups.length && clause.negate) {
      hints.push({ code: 'or-negated', message: 'an excluded term cannot be one side of OR; it is excluded everywhere', at: t.at });
      groups.push([clause]);
    } else if (pendingOr && groups.length) {
      groups[groups.length - 1].push(clause);
    } else {
      groups.push([clause]);
    }
    pendingOr = false;
  }
  return { groups, hints };
}

/** The literal strings a query asks to find in text, for highlighting hits. */
export function highlightTerms(q: ParsedQuery): string[] {
  return q.groups.flat().flatMap((c) => (c.type === 'text' && !c.negate ? [c.text] : []));
}
