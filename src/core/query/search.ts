// The query desk's search over one corpus database: parse (syntax.ts), plan (compile.ts), collect
// the exact hits with the gram index and SQL, then filter by chips, count facets, rank or sort,
// and count reprinted stories once over in-memory columns (doc-columns.ts), and cut a page with
// highlighted snippets. The same code answers the page (in the worker), the CLI and the tests.
import type { Database, SqlValue } from 'sql.js';
import type { Segmenter } from '../segment';
import { num, str, type Row } from '../store/rows';
import type { ArticleRow } from '../store/types';
import { compileQuery, type CompiledQuery } from './compile';
import { DocColumns } from './doc-columns';
import { chipFailures, facetCounts } from './facets';
import { hitSnippet } from './highlight';
import { Ranker } from './ranker';
import { literalTiers, ResultOrder, sortByKey } from './results';
import { articleRef, parseArticleRef } from './ref';
import { parseQuery } from './syntax';
import { peopleFacet, personArticleIds } from './people-facet';
import {
  FACET_FIELDS, SORT_ORDERS, type FacetCounts, type FacetFilter, type SearchPage, type SearchRequest,
  type SearchRow, type SortOrder,
} from './types';

/** Largest page a caller may ask for. */
export const MAX_LIMIT = 500;

/** The matching articles of one request, with what the page needs besides. */
interface Match {
  key: string;
  order: ResultOrder;
  facets: FacetCounts[];
}

/** Runs searches against a corpus database; keeps the last result set for paging. */
export class Searcher {
  private last: Match | null = null;
  private seenChanges = -1;
  private readonly cols = new DocColumns();
  private readonly ranker: Ranker;

  /** `segmenter` cuts query text the way the indexed text was cut (jieba), for ranking. */
  constructor(private readonly db: Database, segmenter: Segmenter) {
    this.ranker = new Ranker(db, this.cols, segmenter);
  }

  private rows(sql: string, params: SqlValue[] = []): Row[] {
    const s = this.db.prepare(sql);
    try {
      s.bind(params);
      const out: Row[] = [];
      while (s.step()) out.push(s.getAsObject());
      return out;
    } finally {
      s.free();
    }
  }

  /** Ids from a query returning group_concat(id) in its one column. */
  private idList(sql: string, params: SqlValue[]): number[] {
    const v = this.db.exec(sql, params)[0]?.values[0]?.[0];
    return typeof v === 'string' && v ? v.split(',').map(Number) : typeof v === 'number' ? [v] : [];
  }

  /** One page of results for a request. Never throws on bad syntax: hints come back instead. */
  search(req: SearchRequest): SearchPage {
    const started = performance.now();
    const query = req.query.trim();
    const filters = normaliseFilters(req.filters ?? []);
    const sort: SortOrder = SORT_ORDERS.includes(req.sort as SortOrder) ? (req.sort as SortOrder) : 'relevance';
    const everyPrinting = req.everyPrinting === true;
    const wantFacets = req.facets !== false;
    const offset = Math.max(0, Math.floor(req.offset ?? 0));
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(req.limit ?? 50)));
    const parsed = parseQuery(query);
    const compiled = compileQuery(parsed, filters);
    const key = JSON.stringify([query, filters, sort, everyPrinting, wantFacets]);

    // Any write to the corpus since the last search (a load, dedup, a correction) makes the
    // kept results stale; the columns catch up with the table.
    const changes = this.changes();
    if (changes !== this.seenChanges) {
      this.last = null;
      this.ranker.clear();
      this.cols.refresh(this.db);
      this.seenChanges = changes;
    }
    const people = filters.filter((f) => f.field === 'person').map((f) => f.value);
    const match = this.last?.key === key ? this.last : this.match(key, compiled, sort, everyPrinting, wantFacets, people);
    this.last = match;

    const pageIds = match.order.slice(offset, limit);
    return {
      query, filters, sort, everyPrinting, offset, limit,
      total: match.order.total,
      printings: match.order.printings,
      rows: this.pageRows(pageIds, compiled.highlight),
      facets: match.facets,
      hints: parsed.hints,
      terms: compiled.highlight,
      tookMs: performance.now() - started,
    };
  }

  /** Every matching article id in result order (no paging): for the CLI and the tests. */
  allIds(req: SearchRequest): number[] {
    this.search({ ...req, offset: 0, limit: 1, facets: false });
    return this.last?.order.all() ?? [];
  }

  private changes(): number {
    return Number(this.db.exec('SELECT total_changes()')[0].values[0][0]);
  }

  /** The ids of the articles that satisfy the query text (before chips), ascending. */
  private hits(q: CompiledQuery): Int32Array {
    const cols = this.cols;
    if (q.all) return cols.ids.slice(0, cols.count);
    const text = q.needsText ? ' JOIN search_text t ON t.id = d.id' : '';
    let ids: number[];
    if (q.match && !q.where) {
      ids = this.idList('SELECT group_concat(docid) FROM search_grams WHERE search_grams MATCH ?', [q.match]);
    } else if (q.match && q.where) {
      ids = this.idList(`SELECT group_concat(d.id) FROM search_docs d${text}
        WHERE d.id IN (SELECT docid FROM search_grams WHERE search_grams MATCH ?) AND ${q.where.text}`, [q.match, ...q.where.params]);
    } else {
      ids = this.idList(`SELECT group_concat(d.id) FROM search_docs d${text} WHERE ${q.where!.text}`, q.where!.params);
    }
    // Articles whose grams are not written yet (search_pending) or may hold text they no longer
    // have (search_stale) are decided by the query's plain truth over their text (search-index.ts).
    const unsure = 'SELECT id FROM search_stale UNION SELECT id FROM search_pending';
    const stale = new Set(this.idList(`SELECT group_concat(id) FROM (${unsure})`, []));
    if (stale.size) {
      ids = ids.filter((id) => !stale.has(id));
      ids.push(...this.idList(`SELECT group_concat(d.id) FROM search_docs d JOIN search_text t ON t.id = d.id
        WHERE d.id IN (${unsure}) AND ${q.verify.text}`, q.verify.params));
    }
    const out = Int32Array.from(ids.filter((id) => id <= cols.maxId && cols.present[id] === 1));
    return out.sort();
  }

  private match(key: string, q: CompiledQuery, sort: SortOrder, everyPrinting: boolean, wantFacets: boolean, people: string[] = []): Match {
    const cols = this.cols;
    const textHits = this.hits(q);
    // People chips (ORed) narrow the hits before the other chips, so every facet counts within
    // them; the people facet itself counts without them (people-facet.ts).
    const named = people.length ? personArticleIds(this.db, people) : null;
    const hits = named ? textHits.filter((id) => named.has(id)) : textHits;
    const fails = chipFailures(cols, hits, q.chips);
    let kept = 0;
    for (let i = 0; i < hits.length; i++) if (!fails[i]) kept++;
    const ids = new Int32Array(kept);
    for (let i = 0, k = 0; i < hits.length; i++) if (!fails[i]) ids[k++] = hits[i];
    const facets = wantFacets ? facetCounts(cols, hits, fails, everyPrinting) : [];
    if (wantFacets) {
      const basis = named ? passing(textHits, chipFailures(cols, textHits, q.chips)) : ids;
      const person = peopleFacet(this.db, basis, everyPrinting);
      if (person) facets.push(person);
    }
    let order: ResultOrder;
    if (sort === 'relevance' && !q.all && q.rankTerms.length) {
      const literal = q.rankTerms.filter((t) => t.field === null || t.field === 'headline' || t.field === 'kicker').map((t) => t.text);
      order = new ResultOrder(cols, literalTiers(cols, ids, literal), (tier) => this.ranker.rankTier(tier, q.rankTerms), everyPrinting);
    } else {
      order = new ResultOrder(cols, [sort === 'relevance' ? ids : this.sortBy(ids, sort)], null, everyPrinting);
    }
    return { key, order, facets };
  }

  /** Order by date (undated last) or by paper (then date); ties in load order. */
  private sortBy(ids: Int32Array, sort: SortOrder): Int32Array {
    const { day, codes, dicts, maxId } = this.cols;
    const undated = 99999999;
    if (sort === 'newest') return sortByKey(ids, (id) => (day[id] ? 99991231 - day[id] : undated), maxId);
    if (sort === 'oldest') return sortByKey(ids, (id) => day[id] || undated, maxId);
    // Papers in alphabetical order (by code point), unknown paper last; then by date.
    const names = dicts.paper.values;
    const rank = new Uint32Array(names.length);
    Array.from(names.keys()).slice(1).sort((a, b) => (names[a] < names[b] ? -1 : 1)).forEach((code, i) => { rank[code] = i + 1; });
    const paper = codes.paper;
    return ids.slice().sort((a, b) => (rank[paper[a]] || 1e9) - (rank[paper[b]] || 1e9) || (day[a] || undated) - (day[b] || undated) || a - b);
  }

  private pageRows(ids: number[], terms: string[]): SearchRow[] {
    if (!ids.length) return [];
    const rows = this.rows(`SELECT a.id, a.bulletin_id, a.idx, a.headline, a.kicker, a.subtitle, a.credit, a.kind,
        a.district, a.body, d.date, d.paper, d.story_id, b.name AS file, b.sha256
      FROM articles a JOIN bulletins b ON b.id = a.bulletin_id JOIN search_docs d ON d.id = a.id
      WHERE a.id IN (${ids.map(() => '?').join(',')})`, ids);
    const byId = new Map(rows.map((r) => [num(r.id), r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [searchRow(r, terms, this.cols.printings[num(r.story_id)] || 1)] : [];
    });
  }

  /** The id of the article a reference (SearchRow.ref) names, or null when it is not loaded. */
  resolveRef(ref: string): number | null {
    const parts = parseArticleRef(ref);
    if (!parts) return null;
    const r = this.rows(`SELECT a.id FROM articles a JOIN bulletins b ON b.id = a.bulletin_id
      WHERE substr(b.sha256, 1, ?) = ? AND a.idx = ? ORDER BY a.id LIMIT 1`,
    [parts.sha256Prefix.length, parts.sha256Prefix, parts.index]);
    return r.length ? num(r[0].id) : null;
  }
}

/** Chips deduplicated, on known fields, in a stable order (equal requests share a cache key). */
/** The hits that fail no chip. */
function passing(hits: Int32Array, fails: Uint8Array): Int32Array {
  return hits.filter((_, i) => !fails[i]);
}

function normaliseFilters(filters: FacetFilter[]): FacetFilter[] {
  const seen = new Set<string>();
  const out: FacetFilter[] = [];
  for (const f of filters) {
    if ((!FACET_FIELDS.includes(f.field) && f.field !== 'person') || typeof f.value !== 'string') continue;
    const k = `${f.field}\u0000${f.value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ field: f.field, value: f.value });
  }
  return out;
}

function searchRow(r: Row, terms: string[], printings: number): SearchRow {
  const index = num(r.idx);
  return {
    id: num(r.id), bulletinId: num(r.bulletin_id), index, headline: str(r.headline) ?? '',
    kicker: str(r.kicker), subtitle: str(r.subtitle), credit: str(r.credit),
    kind: (str(r.kind) ?? 'news') as ArticleRow['kind'], date: str(r.date), district: str(r.district),
    file: str(r.file) ?? '', snippet: hitSnippet(str(r.body) ?? '', terms),
    ref: articleRef(str(r.sha256) ?? '', index), paper: str(r.paper), printings,
  };
}
