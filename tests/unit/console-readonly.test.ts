// The SQL console runs what users type on a query-only copy of the corpus: nothing can change
// or destroy the corpus, a whole batch is refused when one statement would write, and results
// come back as columns and rows.
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { Database, SqlJsStatic } from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ConsoleError, firstKeyword, openConsoleDatabase, parseSchemaDocs, readSchema, refusal, runConsoleSql,
} from '../../src/core/console';
import { CorpusStore } from '../../src/core/store';
import { corpusRevision, corpusSnapshot } from '../../src/core/store/snapshot';
import { article, parsed } from './store-fixtures';

let SQL: SqlJsStatic;
let store: CorpusStore;
let consoleDb: Database;

beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});

beforeEach(() => {
  store = CorpusStore.create(SQL);
  store.addBulletin({
    name: '新乡日报_2026-06-10_04.txt', path: '新乡日报_2026-06-10_04.txt', source: 'file', sha256: 'a',
    size: 10, encoding: 'utf-8', bom: false, error: null, text: '## 标题\n正文',
    parsed: parsed([article({ headline: '封丘县召开防汛会议' }), article({ headline: '红旗区开展学习' })]),
    segments: [{ headline: '封丘县 召开 防汛 会议', kicker: '', body: '防汛' }, { headline: '红旗区 开展 学习', kicker: '', body: '学习' }],
  });
  consoleDb = openConsoleDatabase(SQL, corpusSnapshot(store, null).bytes!);
});

/** The corpus as a fingerprint: every table's rows. */
function fingerprint(db: Database): string {
  return JSON.stringify(['meta', 'bulletins', 'articles', 'fragments'].map((t) => db.exec(`SELECT * FROM ${t} ORDER BY 1`)));
}

function failureOf(sql: string): ConsoleError {
  try {
    runConsoleSql(consoleDb, sql);
  } catch (e) {
    if (e instanceof ConsoleError) return e;
    throw e;
  }
  throw new Error(`expected ${sql} to fail`);
}

describe('the read-only console', () => {
  it('runs a SELECT on the copy and returns columns and rows', () => {
    const r = runConsoleSql(consoleDb, 'SELECT idx, headline FROM articles ORDER BY idx');
    expect(r.columns).toEqual(['idx', 'headline']);
    expect(r.rows).toEqual([[0, '封丘县召开防汛会议'], [1, '红旗区开展学习']]);
    expect(r.truncated).toBe(false);
    expect(r.statements).toBe(1);
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });

  it('searches the segmented text through the FTS table', () => {
    const r = runConsoleSql(consoleDb, `SELECT a.headline FROM articles_fts JOIN articles a ON a.id = articles_fts.docid
      WHERE articles_fts MATCH '防汛'`);
    expect(r.rows).toEqual([['封丘县召开防汛会议']]);
  });

  const writes = [
    'DROP TABLE articles',
    'DELETE FROM articles',
    "UPDATE articles SET headline = '改'",
    "INSERT INTO meta (key, value) VALUES ('x', 'y')",
    "ATTACH DATABASE ':memory:' AS other",
    'CREATE TEMP TABLE t (a)',
    'CREATE TABLE t (a)',
    'VACUUM',
    'REINDEX',
    'ANALYZE',
    'PRAGMA query_only = 0',
    'PRAGMA query_only(0)',
    'PRAGMA writable_schema = 1',
    'PRAGMA main.user_version = 7',
    'BEGIN',
    '/* looks harmless */ DROP TABLE articles',
    '-- a comment\nDELETE FROM bulletins',
    'SELECT 1; DROP TABLE articles',
    'SELECT count(*) FROM articles; PRAGMA query_only = 0; DELETE FROM articles; SELECT count(*) FROM articles',
    'WITH doomed AS (SELECT id FROM articles) DELETE FROM articles WHERE id IN doomed',
    'EXPLAIN PRAGMA query_only = 0',
    'EXPLAIN QUERY PLAN DELETE FROM articles',
    "SELECT ';' AS x; DROP TABLE articles",
    'SELECT "a;b" FROM (SELECT 1 AS "a;b"); /* ; */ DELETE FROM articles -- ;',
  ];

  it.each(writes)('refuses %j and leaves the corpus and the copy intact', (sql) => {
    const corpusBefore = fingerprint(store.db);
    const copyBefore = fingerprint(consoleDb);
    const e = failureOf(sql);
    expect(e.failure.code).toBe('read-only');
    expect(e.message).toMatch(/read-?only/);
    expect(fingerprint(store.db)).toBe(corpusBefore);
    expect(fingerprint(consoleDb)).toBe(copyBefore);
    expect(runConsoleSql(consoleDb, 'SELECT count(*) FROM articles').rows).toEqual([[2]]);
    expect(runConsoleSql(consoleDb, 'PRAGMA query_only').rows).toEqual([[1]]);
  });

  it('names the refused keyword and statement of a batch, having run none of it', () => {
    const e = failureOf('SELECT 1;\n  drop   table articles;');
    expect(e.failure).toMatchObject({ code: 'read-only', keyword: 'DROP', statement: 'drop table articles;' });
  });

  it('keeps the corpus whole even when the copy itself is written to', () => {
    const before = fingerprint(store.db);
    consoleDb.run('PRAGMA query_only = 0; DROP TABLE articles_fts; DROP TABLE articles;');
    expect(fingerprint(store.db)).toBe(before);
    expect(store.stats().articles).toBe(2);
  });

  it('lets schema PRAGMAs, EXPLAIN, VALUES and WITH through', () => {
    expect(runConsoleSql(consoleDb, 'PRAGMA table_info(articles)').rows.length).toBeGreaterThan(20);
    expect(runConsoleSql(consoleDb, 'PRAGMA table_list').columns).toContain('name');
    expect(runConsoleSql(consoleDb, 'EXPLAIN QUERY PLAN SELECT * FROM articles').columns.length).toBeGreaterThan(0);
    expect(runConsoleSql(consoleDb, 'VALUES (1, 2)').rows).toEqual([[1, 2]]);
    expect(runConsoleSql(consoleDb, 'WITH x(n) AS (SELECT 3) SELECT n FROM x').rows).toEqual([[3]]);
  });

  it('splits a batch at semicolons outside strings, quoted names and comments', () => {
    expect(runConsoleSql(consoleDb, "SELECT 'a;b' AS [x;y] -- ;\n").rows).toEqual([['a;b']]);
    expect(runConsoleSql(consoleDb, "SELECT 'it''s; fine'; /* ; */").rows).toEqual([["it's; fine"]]);
  });

  it('returns the last result set of a batch and counts its statements', () => {
    const r = runConsoleSql(consoleDb, 'SELECT 1 AS a; SELECT 2 AS b, 3 AS c;');
    expect(r).toMatchObject({ columns: ['b', 'c'], rows: [[2, 3]], statements: 2 });
  });

  it('reports SQLite errors with the statement at fault, and an empty batch', () => {
    const e = failureOf('SELECT nosuch FROM articles');
    expect(e.failure.code).toBe('sql');
    expect(e.message).toContain('no such column: nosuch');
    expect(failureOf('SELEC 1').failure.code).toBe('sql');
    expect(failureOf('  -- only a comment\n').failure.code).toBe('empty');
  });

  it('keeps at most maxRows rows of an endless query and says it cut them', () => {
    const r = runConsoleSql(consoleDb, 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c', 1000);
    expect(r.rows.length).toBe(1000);
    expect(r.rows[999]).toEqual([1000]);
    expect(r.truncated).toBe(true);
  });
});

describe('statement screen', () => {
  it('reads the first keyword after comments', () => {
    expect(firstKeyword('  /* a */ -- b\n select 1')).toBe('SELECT');
    expect(firstKeyword('')).toBe('');
    expect(refusal('select 1')).toBeNull();
    expect(refusal('PRAGMA table_info("articles")')).toBeNull();
    expect(refusal('PRAGMA foreign_keys')).toBeNull();
    expect(refusal('PRAGMA foreign_keys = ON')).toEqual({ keyword: 'PRAGMA' });
    expect(refusal('PRAGMA journal_mode')).toEqual({ keyword: 'PRAGMA' });
    expect(refusal('DETACH other')).toEqual({ keyword: 'DETACH' });
  });
});

describe('corpus snapshots', () => {
  it('sends new bytes only when the corpus changed since the copy', () => {
    const first = corpusSnapshot(store, null);
    expect(first.bytes).toBeInstanceOf(Uint8Array);
    expect(corpusSnapshot(store, first.revision)).toEqual({ revision: first.revision, bytes: null });
    store.addBulletin({
      name: 'b.txt', path: 'b.txt', source: 'file', sha256: 'b', size: 1, encoding: 'utf-8', bom: false,
      error: null, text: 'x', parsed: parsed([article()]),
    });
    const second = corpusSnapshot(store, first.revision);
    expect(second.revision).toBeGreaterThan(first.revision);
    expect(openConsoleDatabase(SQL, second.bytes!).exec('SELECT count(*) FROM articles')[0].values).toEqual([[3]]);
    store.clear();
    expect(corpusRevision(store)).toBeGreaterThan(second.revision);
  });

  it('leaves the corpus usable after an export (its prepared statements survive)', () => {
    store.listArticles({ query: '防汛' });
    corpusSnapshot(store, null);
    expect(store.listArticles({ query: '防汛' }).total).toBe(1);
    expect(store.stats().articles).toBe(2);
  });
});

describe('schema browser data', () => {
  it('lists the documented tables first, with columns, types, counts and doc lines, and no FTS internals', () => {
    const docs = parseSchemaDocs(readFileSync('docs/schema.md', 'utf8'));
    const tables = readSchema(consoleDb, docs);
    const names = tables.map((t) => t.name);
    expect(names.slice(0, 4)).toEqual(['meta', 'bulletins', 'articles', 'fragments']);
    expect(names).toContain('articles_fts');
    expect(names.some((n) => /^articles_fts_/.test(n))).toBe(false);
    const articles = tables.find((t) => t.name === 'articles')!;
    expect(articles).toMatchObject({ kind: 'table', rows: 2 });
    expect(articles.doc).toMatch(/one row per article/);
    const headline = articles.columns.find((c) => c.name === 'headline')!;
    expect(headline).toMatchObject({ type: 'TEXT', notNull: true });
    expect(headline.doc).toBe('headline');
    expect(articles.columns.find((c) => c.name === 'column_name')!.doc).toContain('栏目');
    expect(articles.columns.find((c) => c.name === 'seg_body')!.doc).toContain('jieba');
    const fragments = tables.find((t) => t.name === 'fragments')!;
    expect(fragments.columns.find((c) => c.name === 'end_offset')!.doc).toContain('span');
    expect(tables.find((t) => t.name === 'articles_fts')).toMatchObject({ kind: 'virtual', rows: null });
  });
});
