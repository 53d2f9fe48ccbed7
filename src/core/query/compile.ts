// A parsed query as a plan over the search tables (docs/schema.md): an FTS4 MATCH expression on
// the gram index (search_grams) and, where the index alone cannot decide, an SQL condition on
// `d` (search_docs) and `t` (search_text). A term without whitespace is exactly the phrase of
// its bigrams (grams.ts), so such terms (and their OR, AND and NOT) are answered by the index
// alone; other terms use the index to narrow and instr() over the folded text to decide.
import { foldText } from './fold';
import { gramQuery } from './grams';
import { join, not, sql, type Sql } from './sql-builder';
import type { Clause, ParsedQuery, TextField } from './syntax';
import { FACET_FIELDS, type FacetField, type FacetFilter } from './types';

/** A query ready to run. */
export interface CompiledQuery {
  /** True when the query sets no condition: every article matches. */
  all: boolean;
  /** FTS4 MATCH expression over search_grams that every hit satisfies; null for none. */
  match: string | null;
  /** What else a hit must satisfy, over `d` and `t`; null when `match` alone decides. */
  where: Sql | null;
  /** True when `where` reads `t` (search_text), which must then be joined. */
  needsText: boolean;
  /** The whole query without the gram index (instr over `d` and `t` only): the truth, used for
   *  articles whose grams are stale (search-index.ts). */
  verify: Sql;
  /** Chip values per facet field (a field's chips are ORed, fields ANDed). */
  chips: Map<FacetField, string[]>;
  /** Folded literal strings that results contain (positive text terms), for ranking. */
  rankTerms: Array<{ text: string; field: TextField | null }>;
  /** The literal strings searched for as typed, for highlighting (folded before matching). */
  highlight: string[];
}

const GRAMS = 'd.id IN (SELECT docid FROM search_grams WHERE search_grams MATCH ?)';
/** The folded short columns of search_docs a field query checks. */
const FIELD_COLUMN: Record<TextField, string> = {
  headline: 'd.f_headline', kicker: 'd.f_kicker', credit: 'd.f_credit', byline: 'd.f_byline',
};

type TextClause = Extract<Clause, { type: 'text' }>;

/** The instr() check of a text clause: the literal truth, with no index. */
function textCheck(folded: string, field: TextField | null): Sql {
  return sql(`instr(${field ? FIELD_COLUMN[field] : 't.text'}, ?) > 0`, folded);
}

/** Whether the gram index covers a field (credit and byline are not in the indexed text). */
function indexed(field: TextField | null): boolean {
  return field === null || field === 'headline' || field === 'kicker';
}

/** One clause as SQL; `useGrams` lets the index narrow (false: the plain truth). */
function clauseSql(c: Clause, useGrams: boolean): Sql {
  let cond: Sql;
  if (c.type === 'text') {
    const folded = foldText(c.text);
    const g = gramQuery(folded);
    const check = textCheck(folded, c.field);
    if (!useGrams || !indexed(c.field) || !g.match) cond = check;
    else if (g.exact && c.field === null) cond = sql(GRAMS, g.match);
    else cond = join([sql(GRAMS, g.match), check], 'AND');
  } else if (c.type === 'date') cond = sql('d.date_from >= ? AND d.date_to <= ?', c.from, c.to);
  else if (c.field === 'kind') cond = sql('d.kind = ?', c.value);
  // district:红旗 finds 红旗区, paper:新乡 finds 新乡日报: the value is looked for inside.
  else cond = sql(`instr(d.${c.field}, ?) > 0`, c.value);
  return c.negate ? not(cond) : cond;
}

function needsTextSql(c: Clause): boolean {
  return c.type === 'text' && c.field === null;
}

/** Compile a parsed query and chips. */
export function compileQuery(q: ParsedQuery, chipList: FacetFilter[] = []): CompiledQuery {
  const positives: string[] = [];
  const negatives: string[] = [];
  const rest: Sql[] = [];
  let needsText = false;
  for (const group of q.groups) {
    const texts = group.filter((c): c is TextClause => c.type === 'text');
    const grams = texts.map((c) => ({ c, g: gramQuery(foldText(c.text)) }));
    const exactOnly = texts.length === group.length && grams.every(({ c, g }) => !c.negate && c.field === null && g.exact);
    const single = group.length === 1 ? grams[0] : undefined;
    if (exactOnly) {
      positives.push(grams.map(({ g }) => `(${g.match})`).join(' OR '));
    } else if (single && !single.c.negate && indexed(single.c.field) && single.g.match) {
      // The index narrows, instr decides.
      positives.push(`(${single.g.match})`);
      rest.push(textCheck(foldText(single.c.text), single.c.field));
      needsText ||= single.c.field === null;
    } else if (single && single.c.negate && single.c.field === null && single.g.exact) {
      negatives.push(`(${single.g.match})`);
    } else {
      rest.push(join(group.map((c) => clauseSql(c, true)), 'OR'));
      needsText ||= group.some(needsTextSql);
    }
  }
  // FTS4 cannot answer a NOT alone; without a positive part, exclusions become SQL.
  if (!positives.length) for (const n of negatives) rest.push(not(sql(GRAMS, n)));
  const match = positives.length ? [positives.map((p) => `(${p})`).join(' AND '), ...negatives.map((n) => `NOT ${n}`)].join(' ') : null;

  const chips = new Map<FacetField, string[]>();
  for (const field of FACET_FIELDS) {
    const values = [...new Set(chipList.filter((c) => c.field === field).map((c) => c.value))];
    if (values.length) chips.set(field, values);
  }
  const positive = q.groups.flat().filter((c): c is TextClause => c.type === 'text' && !c.negate);
  return {
    all: q.groups.length === 0,
    match,
    where: rest.length ? join(rest, 'AND') : null,
    needsText,
    verify: join(q.groups.map((g) => join(g.map((c) => clauseSql(c, false)), 'OR')), 'AND'),
    chips,
    rankTerms: positive.map((c) => ({ text: foldText(c.text), field: c.field })),
    highlight: [...new Set(positive.filter((c) => indexed(c.field)).map((c) => c.text))],
  };
}
