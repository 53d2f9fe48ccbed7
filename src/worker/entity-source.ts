// Reading the corpus for the entity pass and the analyses: articles in the extractor's shape
// (EntityArticle, with `file` = bulletin id), the lookups between the report's references and
// article ids, the texts re-segmentation cuts, and the rows the analyses read.
import type { Database, SqlValue } from 'sql.js';
import type { AnalysisDoc, ArticleBrief, ArticleLookup, SegmentSource } from '../core/analysis/index';
import type { EntityArticle } from '../core/entities/index';

function rows(db: Database, sql: string, params: SqlValue[] = []): Array<Record<string, SqlValue>> {
  const s = db.prepare(sql);
  try {
    s.bind(params);
    const out: Array<Record<string, SqlValue>> = [];
    while (s.step()) out.push(s.getAsObject());
    return out;
  } finally {
    s.free();
  }
}

const str = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));

function list(v: SqlValue | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(String(v ?? '[]'));
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The corpus as the entity pass reads it. */
export interface EntityCorpus {
  articles: EntityArticle[];
  lookup: ArticleLookup;
}

const KINDS = new Set(['news', 'photo', 'commentary', 'notice']);

/** Every article of the corpus, in load order, with the lookups of the report's references. */
export function readEntityCorpus(db: Database): EntityCorpus {
  const ids = new Map<string, number>();
  const briefs = new Map<number, ArticleBrief>();
  const articles = rows(db, `SELECT a.id, a.bulletin_id, a.idx, a.date, a.dateline, a.district, a.headline,
      a.kicker, a.subtitle, a.kind, a.body, a.reporters, a.correspondents, a.credit, b.paper, b.date AS bulletin_date
    FROM articles a JOIN bulletins b ON b.id = a.bulletin_id ORDER BY a.id`).map((r): EntityArticle => {
    const file = String(r.bulletin_id);
    const index = Number(r.idx);
    const id = Number(r.id);
    ids.set(`${file}\u0000${index}`, id);
    briefs.set(id, {
      id, headline: String(r.headline ?? ''), date: str(r.date) ?? str(r.bulletin_date), district: str(r.district), paper: str(r.paper),
    });
    const kind = String(r.kind ?? 'news');
    return {
      file, index, date: str(r.date), bulletinDate: str(r.bulletin_date), dateline: str(r.dateline), district: str(r.district),
      paper: str(r.paper), headline: String(r.headline ?? ''), kicker: str(r.kicker), subtitle: str(r.subtitle),
      kind: KINDS.has(kind) ? (kind as EntityArticle['kind']) : 'news', body: String(r.body ?? ''),
      reporters: list(r.reporters), correspondents: list(r.correspondents), credit: str(r.credit),
    };
  });
  return {
    articles,
    lookup: {
      idOf: (file, index) => ids.get(`${file}\u0000${index}`) ?? null,
      brief: (id) => briefs.get(id) ?? null,
    },
  };
}

/** The texts of every article that segmentation cuts. */
export function readSegmentSources(db: Database): SegmentSource[] {
  return rows(db, 'SELECT id, headline, subtitle, kicker, column_name, body FROM articles ORDER BY id').map((r) => ({
    id: Number(r.id), headline: String(r.headline ?? ''), subtitle: str(r.subtitle), kicker: str(r.kicker),
    column: str(r.column_name), body: String(r.body ?? ''),
  }));
}

/** The articles of `ids` as the analyses read them, in the order of `ids`. */
export function readAnalysisDocs(db: Database, ids: readonly number[]): AnalysisDoc[] {
  if (!ids.length) return [];
  const byId = new Map<number, AnalysisDoc>();
  for (const r of rows(db, `SELECT a.id, a.headline, a.subtitle, a.kicker, a.body, a.seg_headline, a.seg_kicker,
      a.seg_body, a.district, d.date, d.paper
    FROM articles a JOIN search_docs d ON d.id = a.id WHERE a.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)])) {
    byId.set(Number(r.id), {
      id: Number(r.id), headline: String(r.headline ?? ''), subtitle: str(r.subtitle), kicker: str(r.kicker), body: String(r.body ?? ''),
      segHeadline: String(r.seg_headline ?? ''), segKicker: String(r.seg_kicker ?? ''), segBody: String(r.seg_body ?? ''),
      date: str(r.date), district: str(r.district), paper: str(r.paper),
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The segmented columns of every article (for document frequencies). */
export function* readSegColumns(db: Database): Generator<{ segHeadline: string; segKicker: string; segBody: string }> {
  const s = db.prepare('SELECT seg_headline, seg_kicker, seg_body FROM articles');
  try {
    while (s.step()) {
      const [h, k, b] = s.get();
      yield { segHeadline: String(h ?? ''), segKicker: String(k ?? ''), segBody: String(b ?? '') };
    }
  } finally {
    s.free();
  }
}

/** Changes whenever articles are added, removed or re-segmented (for caches over the corpus). */
export function corpusSignature(db: Database): string {
  const r = db.exec(`SELECT count(*), max(id), (SELECT value FROM meta WHERE key = 'search_revision') FROM articles`)[0]?.values[0] ?? [];
  return r.map((v) => String(v)).join('/');
}
