// The corpus as SQLite tables in a sql.js database (schema in docs/schema.md). The caller hands
// over an initialised SqlJsStatic, so the core never loads WASM itself: the worker loads the
// browser build, the tests and the CLI the Node build.
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema';
import { articleFromRow, articleValues, bulletinFromRow, num, str, type Row } from './rows';
import { makeSnippet } from './snippet';
import { foldText } from '../query/fold';
import { SEARCH_DROP_SQL, SearchIndexWriter } from './search-index';
import { DEDUP_DROP_SQL } from './dedup-tables';
import type {
  ArticleDetail, ArticlePage, ArticleRow, BulletinRow, CorpusStats, ListArticlesOptions,
  NewBulletin,
} from './types';

/** Largest page a caller may ask for; bigger requests are clamped. */
export const MAX_PAGE = 500;
/** Bulletin texts longer than this are sent as a window around the opened article. */
export const MAX_SOURCE_CHARS = 1_000_000;

const INSERT_BULLETIN = `INSERT INTO bulletins (added_order, name, path, source, sha256, size,
  encoding, bom, error, paper, date, date_source, text, article_count, fragment_count, text_identity)
  VALUES ((SELECT coalesce(max(added_order), 0) + 1 FROM bulletins), ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;
const INSERT_ARTICLE = `INSERT INTO articles (bulletin_id, idx, kicker, headline, subtitle,
  column_name, kind, lead, dateline, date, byline, reporters, correspondents, credit, district,
  body, original, repairs, flags, spans, start_offset, end_offset, seg_headline, seg_kicker,
  seg_body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;
const INSERT_FTS = `INSERT INTO articles_fts (docid, seg_headline, seg_kicker, seg_body)
  VALUES (?,?,?,?)`;
const INSERT_FRAGMENT = `INSERT INTO fragments (bulletin_id, idx, text, reason, start_offset,
  end_offset) VALUES (?,?,?,?,?,?)`;
const MATCH_IDS = `SELECT id FROM articles WHERE instr(headline, ?1) > 0
  OR instr(coalesce(kicker, ''), ?1) > 0 OR instr(coalesce(subtitle, ''), ?1) > 0
  OR instr(body, ?1) > 0 ORDER BY id`;
const ROW_COLUMNS = `a.id, a.bulletin_id, a.idx, a.headline, a.kicker, a.subtitle, a.credit,
  a.kind, a.date, a.district, a.body, b.name AS file`;

/** What `addBulletin` recorded. */
export interface AddedBulletin {
  id: number;
  articles: number;
  fragments: number;
}

/** A typed corpus over one sql.js database. Not thread-safe; one owner (the worker) uses it. */
export class CorpusStore {
  /** The underlying database, for read-only SQL by the query desk. */
  readonly db: Database;
  private statements = new Map<string, Statement>();
  /** Writes the search tables (search-index.ts) alongside each article. */
  private readonly search: SearchIndexWriter;
  /** The ids matching the last searched text, reused while paging; dropped on every write. */
  private lastMatch: { query: string; ids: number[] } | null = null;
  /** Inside `transaction()`: addBulletin writes into the caller's transaction. */
  private grouped = false;

  private constructor(db: Database) {
    this.db = db;
    this.search = new SearchIndexWriter(db);
  }

  /** A new, empty corpus. */
  static create(SQL: SqlJsStatic): CorpusStore {
    const store = new CorpusStore(new SQL.Database());
    store.createSchema();
    return store;
  }

  /**
   * Run `write` in one transaction: all of it or none. Used to store several bulletins at once
   * (ingest-group.ts): SQLite and FTS4 pay a commit per transaction (the FTS4 pending terms are
   * written as a new index segment), so a group of bulletins loads faster than one by one.
   * `write` must be synchronous: sql.js's export() reopens the connection, which would end a
   * transaction left open across an await. Nested calls join the outer transaction.
   */
  transaction<T>(write: () => T): T {
    if (this.grouped) return write();
    this.fastJournal();
    this.db.run('BEGIN');
    this.grouped = true;
    try {
      const result = write();
      this.db.run('COMMIT');
      return result;
    } catch (e) {
      this.db.run('ROLLBACK');
      throw e;
    } finally {
      this.grouped = false;
    }
  }

  /** The rollback journal in memory, no syncs: the database is in memory (sql.js) or a build's
   *  partial file (CLI) anyway, so writing a journal file only costs time. ROLLBACK still works.
   *  Set per transaction: sql.js's export() reopens the connection with the defaults. */
  private fastJournal(): void {
    try {
      this.db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF');
    } catch {
      // A transaction is open already (the pragmas cannot change there): the BEGIN that follows
      // says so, as it always did.
    }
  }

  private createSchema(): void {
    this.db.run(SCHEMA_SQL);
    this.db.run('INSERT INTO meta (key, value) VALUES (?, ?)', ['schema_version', String(SCHEMA_VERSION)]);
  }

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private all(sql: string, params: SqlValue[] = []): Row[] {
    const s = this.stmt(sql);
    s.bind(params);
    const rows: Row[] = [];
    try {
      while (s.step()) rows.push(s.getAsObject());
    } finally {
      s.reset();
    }
    return rows;
  }

  private one(sql: string, params: SqlValue[] = []): Row | null {
    return this.all(sql, params)[0] ?? null;
  }

  /** The bulletin already stored with these exact bytes, if any. */
  findBySha256(sha256: string): { id: number; name: string } | null {
    const r = this.one('SELECT id, name FROM bulletins WHERE sha256 = ? ORDER BY id LIMIT 1', [sha256]);
    return r ? { id: num(r.id), name: str(r.name) ?? '' } : null;
  }

  /** The bulletin already stored with this text (fileIdentity: same text in another encoding,
   *  with other line ends or wrapping), if any. */
  findByTextIdentity(identity: string): { id: number; name: string; encoding: string | null } | null {
    const r = this.one('SELECT id, name, encoding FROM bulletins WHERE text_identity = ? ORDER BY id LIMIT 1', [identity]);
    return r ? { id: num(r.id), name: str(r.name) ?? '', encoding: str(r.encoding) } : null;
  }

  /** Store one bulletin with its articles, fragments and index entries, all or nothing. */
  addBulletin(b: NewBulletin): AddedBulletin {
    this.lastMatch = null;
    if (this.grouped) return this.writeBulletin(b);
    return this.transaction(() => this.writeBulletin(b));
  }

  private writeBulletin(b: NewBulletin): AddedBulletin {
    const articles = b.parsed?.articles ?? [];
    const fragments = b.parsed?.fragments ?? [];
    const meta = b.parsed?.meta;
    this.stmt(INSERT_BULLETIN).run([
      b.name, b.path, b.source, b.sha256, b.size, b.encoding, b.bom ? 1 : 0, b.error,
      meta?.paper ?? null, meta?.date ?? null, meta?.dateSource ?? null, b.text,
      articles.length, fragments.length, b.textIdentity ?? null,
    ]);
    const id = num(this.one('SELECT last_insert_rowid() AS id')?.id);
    const insertArticle = this.stmt(INSERT_ARTICLE);
    const insertFts = this.stmt(INSERT_FTS);
    articles.forEach((a, i) => {
      const raw = b.segments?.[i] ?? { headline: '', kicker: '', body: '' };
      // Folded (学習 → 学习) so that ranking treats both scripts alike; see query/fold.ts.
      const seg = { headline: foldText(raw.headline), kicker: foldText(raw.kicker), body: foldText(raw.body) };
      insertArticle.run([...articleValues(id, i, a), seg.headline, seg.kicker, seg.body]);
      const articleId = num(this.one('SELECT last_insert_rowid() AS id')?.id);
      insertFts.run([articleId, seg.headline, seg.kicker, seg.body]);
      this.search.add(articleId, a, { id, paper: meta?.paper ?? null, date: meta?.date ?? null }, seg);
    });
    const insertFragment = this.stmt(INSERT_FRAGMENT);
    fragments.forEach((f, i) => {
      insertFragment.run([id, i, f.text, f.reason, f.span?.start ?? 0, f.span?.end ?? 0]);
    });
    return { id, articles: articles.length, fragments: fragments.length };
  }

  /** Counts for the header. */
  stats(): CorpusStats {
    const r = this.one(`SELECT
      (SELECT count(*) FROM bulletins WHERE error IS NULL) AS bulletins,
      (SELECT count(*) FROM bulletins WHERE error IS NOT NULL) AS failed,
      (SELECT count(*) FROM articles) AS articles,
      (SELECT count(*) FROM fragments) AS fragments`);
    return {
      bulletins: num(r?.bulletins), failed: num(r?.failed),
      articles: num(r?.articles), fragments: num(r?.fragments),
    };
  }

  /** Every stored file in the order it was added, with its outcome. */
  listBulletins(): BulletinRow[] {
    return this.all(`SELECT id, added_order, name, path, source, sha256, size, encoding, error,
      paper, date, article_count, fragment_count FROM bulletins ORDER BY added_order`).map(bulletinFromRow);
  }

  /**
   * A page of articles, in the order they were loaded, containing `query` as an exact substring
   * of headline, kicker, subtitle or body (all articles when the query is blank).
   */
  listArticles(opts: ListArticlesOptions = {}): ArticlePage {
    const query = (opts.query ?? '').trim();
    const offset = Math.max(0, Math.floor(opts.offset ?? 0));
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(opts.limit ?? 50)));
    let total: number;
    let rows: Row[];
    if (!query) {
      total = num(this.one('SELECT count(*) AS n FROM articles')?.n);
      rows = this.all(`SELECT ${ROW_COLUMNS} FROM articles a JOIN bulletins b ON b.id = a.bulletin_id
        ORDER BY a.id LIMIT ? OFFSET ?`, [limit, offset]);
    } else {
      const ids = this.matchingIds(query);
      total = ids.length;
      const page = ids.slice(offset, offset + limit);
      rows = page.length
        ? this.db.exec(`SELECT ${ROW_COLUMNS} FROM articles a JOIN bulletins b ON b.id = a.bulletin_id
            WHERE a.id IN (${page.join(',')}) ORDER BY a.id`).flatMap(toRows)
        : [];
    }
    return { query, total, offset, limit, rows: rows.map((r) => this.lightRow(r, query)) };
  }

  private matchingIds(query: string): number[] {
    if (this.lastMatch?.query !== query) {
      this.lastMatch = { query, ids: this.all(MATCH_IDS, [query]).map((r) => num(r.id)) };
    }
    return this.lastMatch.ids;
  }

  private lightRow(r: Row, query: string): ArticleRow {
    return {
      id: num(r.id),
      bulletinId: num(r.bulletin_id),
      index: num(r.idx),
      headline: str(r.headline) ?? '',
      kicker: str(r.kicker),
      subtitle: str(r.subtitle),
      credit: str(r.credit),
      kind: (str(r.kind) ?? 'news') as ArticleRow['kind'],
      date: str(r.date),
      district: str(r.district),
      file: str(r.file) ?? '',
      snippet: makeSnippet(str(r.body) ?? '', query),
    };
  }

  /** One article with every field and the text of the bulletin it came from; null if unknown. */
  getArticle(id: number): ArticleDetail | null {
    const r = this.one('SELECT * FROM articles WHERE id = ?', [id]);
    if (!r) return null;
    const b = this.one('SELECT id, name, path, sha256, paper, date, encoding, text FROM bulletins WHERE id = ?', [r.bulletin_id]);
    const article = articleFromRow(r);
    const whole = str(b?.text) ?? '';
    let textOffset = 0;
    let text = whole;
    if (whole.length > MAX_SOURCE_CHARS) {
      // A huge file is sent as a window around the article so opening it stays quick.
      const margin = Math.floor(MAX_SOURCE_CHARS / 4);
      textOffset = Math.max(0, num(r.start_offset) - margin);
      text = whole.slice(textOffset, Math.min(whole.length, num(r.end_offset) + margin));
    }
    return {
      id: num(r.id),
      bulletinId: num(r.bulletin_id),
      index: num(r.idx),
      article,
      bulletin: {
        id: num(b?.id), name: str(b?.name) ?? '', path: str(b?.path) ?? '', sha256: str(b?.sha256) ?? '', paper: str(b?.paper),
        date: str(b?.date), encoding: str(b?.encoding) as ArticleDetail['bulletin']['encoding'],
        text, textOffset, totalLength: whole.length,
      },
    };
  }

  /** Forget what was cached from the tables (search ids) after a write made outside this class
   *  (a bulletin correction, bulletin-edits.ts). */
  forgetCaches(): void {
    this.lastMatch = null;
  }

  /** Remove every bulletin, article and fragment (the schema stays). */
  clear(): void {
    this.freeStatements();
    this.lastMatch = null;
    this.db.run(`${DEDUP_DROP_SQL} ${SEARCH_DROP_SQL} DROP TABLE bulletin_corrections; DROP TABLE articles_fts; DROP TABLE fragments; DROP TABLE articles;
      DROP TABLE bulletins; DROP TABLE meta;`);
    this.createSchema();
  }

  private freeStatements(): void {
    for (const s of this.statements.values()) s.free();
    this.statements.clear();
    this.search.free();
  }

  /** Release the database. The store cannot be used afterwards. */
  close(): void {
    this.freeStatements();
    this.db.close();
  }
}

function toRows(result: { columns: string[]; values: SqlValue[][] }): Row[] {
  return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])));
}
