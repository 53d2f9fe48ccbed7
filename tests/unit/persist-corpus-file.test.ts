// The corpus as a file: what opens (and what is refused with a clear reason), replacing a
// corpus's content in place (and keeping it on failure), removing one bulletin, and rebuilding
// a corpus of another schema version from its texts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBulletinName } from '../../src/core/decode';
import { ingestFile } from '../../src/core/ingest';
import { rebuildFromTexts } from '../../src/core/persist/rebuild';
import { Searcher } from '../../src/core/query/search';
import { CorpusStore, SCHEMA_VERSION } from '../../src/core/store';
import { CorpusFileError, openCorpusFile, replaceCorpusContent } from '../../src/core/store/corpus-file';
import { removeBulletin } from '../../src/core/store/remove-bulletin';
import { SEEDS_DIR, segmenter } from './search-helpers';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const seedNames = () => readdirSync(SEEDS_DIR).filter(isBulletinName).sort();

async function seedStore(names = seedNames()): Promise<CorpusStore> {
  const store = CorpusStore.create(SQL);
  for (const name of names) await ingestFile(store, segmenter, { name, bytes: readFileSync(join(SEEDS_DIR, name)), source: 'sample' });
  return store;
}

const count = (store: CorpusStore, sql: string) => Number(store.db.exec(sql)[0]?.values[0]?.[0] ?? 0);

function expectProblem(fn: () => unknown, problem: string, text: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CorpusFileError);
    expect((e as CorpusFileError).problem).toBe(problem);
    expect((e as Error).message).toMatch(text);
    return;
  }
  throw new Error(`expected a ${problem} error`);
}

describe('opening a corpus file', () => {
  it('opens an exported corpus and reports what it holds', async () => {
    const store = await seedStore();
    const { db, facts } = openCorpusFile(SQL, store.db.export());
    expect(facts.schemaVersion).toBe(SCHEMA_VERSION);
    expect(facts.bulletins).toBe(store.stats().bulletins);
    expect(facts.articles).toBe(store.stats().articles);
    db.close();
  });

  it('refuses an empty file, a text file, another SQLite database and another schema version, each with its reason', () => {
    expectProblem(() => openCorpusFile(SQL, new Uint8Array()), 'empty', /empty/);
    expectProblem(() => openCorpusFile(SQL, new TextEncoder().encode('## 标题\n\n本报讯 正文'.repeat(20))), 'not-sqlite', /not an SQLite database/);
    const other = new SQL.Database();
    other.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (\'x\')');
    expectProblem(() => openCorpusFile(SQL, other.export()), 'not-corpus', /not a Baoxun corpus/);
    other.close();
    const old = CorpusStore.create(SQL);
    old.db.run("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    expectProblem(() => openCorpusFile(SQL, old.db.export()), 'schema-version', new RegExp(`version 1; this page reads version ${SCHEMA_VERSION}`));
  });

  it('refuses a truncated database file as damaged', async () => {
    const bytes = (await seedStore()).db.export();
    const torn = bytes.slice(0, Math.floor(bytes.length / 2));
    expect(() => openCorpusFile(SQL, torn)).toThrow(CorpusFileError);
  });
});

describe('replacing a corpus with a file', () => {
  it('gives the store the file\'s bulletins, articles, search index and corrections', async () => {
    const source = await seedStore();
    const id = Number(source.db.exec('SELECT id FROM bulletins ORDER BY id LIMIT 1')[0].values[0][0]);
    source.db.run("INSERT INTO bulletin_corrections (bulletin_id, sha256, paper, date, corrected_at) VALUES (?, (SELECT sha256 FROM bulletins WHERE id = ?), '某报', '2026-01-02', 'now')", [id, id]);
    const target = await seedStore(seedNames().slice(0, 1));
    const searcher = new Searcher(target.db, segmenter);
    const before = searcher.search({ query: '会议', limit: 500 }).total;
    const { db } = openCorpusFile(SQL, source.db.export());
    replaceCorpusContent(target, db);
    db.close();
    expect(target.stats()).toEqual(source.stats());
    expect(count(target, 'SELECT count(*) FROM bulletin_corrections')).toBe(1);
    // The searcher over the same connection sees the new content, and FTS still answers.
    const after = searcher.search({ query: '会议', limit: 500 }).total;
    expect(after).toBe(new Searcher(source.db, segmenter).search({ query: '会议', limit: 500 }).total);
    expect(after).toBeGreaterThanOrEqual(before);
    expect(count(target, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '会议'")).toBe(
      count(source, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '会议'"));
    // New loads go on after the replaced content, with the store's cached statements.
    const r = await ingestFile(target, segmenter, { name: 'new.txt', bytes: new TextEncoder().encode('## 新闻标题一则\n\n本报讯 新的内容在这里。') });
    expect(r.state).toBe('done');
    expect(target.stats().bulletins).toBe(source.stats().bulletins + 1);
  });

  it('keeps tables the page has that the file lacks, empty', async () => {
    const target = CorpusStore.create(SQL);
    target.db.run('CREATE TABLE IF NOT EXISTS people (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO people (name) VALUES (\'张三\')');
    const { db } = openCorpusFile(SQL, (await seedStore(seedNames().slice(0, 1))).db.export());
    replaceCorpusContent(target, db);
    db.close();
    expect(count(target, 'SELECT count(*) FROM people')).toBe(0);
  });

  it('leaves the store as it was when the replacement fails midway', async () => {
    const target = await seedStore(seedNames().slice(0, 2));
    const keep = target.stats();
    const hits = count(target, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '会议'");
    const bad = new SQL.Database((await seedStore(seedNames().slice(2))).db.export());
    // A file whose full-text shadow table has the wrong shape: copying its rows fails after
    // the store's own tables have already been dropped inside the transaction.
    bad.run('DROP TABLE articles_fts_segdir; CREATE TABLE articles_fts_segdir (level INTEGER)');
    expect(() => replaceCorpusContent(target, bad)).toThrow();
    bad.close();
    expect(target.stats()).toEqual(keep);
    expect(count(target, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '会议'")).toBe(hits);
    expect(String(target.db.exec('PRAGMA integrity_check')[0].values[0][0])).toBe('ok');
  });
});

describe('removing one bulletin', () => {
  it('takes away its articles, fragments, full-text rows, search rows and story assignments, and nothing else', async () => {
    const store = await seedStore();
    const [first, second] = store.listBulletins();
    const mine = store.db.exec('SELECT id FROM articles WHERE bulletin_id = ?', [first.id])[0].values.map((r) => Number(r[0]));
    const other = Number(store.db.exec('SELECT id FROM articles WHERE bulletin_id = ? LIMIT 1', [second.id])[0].values[0][0]);
    // Pretend a reprint: the other bulletin's article is a printing of the first's story.
    store.db.run('UPDATE search_docs SET story_id = ? WHERE id = ?', [mine[0], other]);
    const before = store.stats();
    const removed = removeBulletin(store, first.id)!;
    expect(removed).toMatchObject({ id: first.id, name: first.name, articles: first.articles, fragments: first.fragments });
    const after = store.stats();
    expect(after.articles).toBe(before.articles - first.articles);
    expect(after.fragments).toBe(before.fragments - first.fragments);
    expect(after.bulletins).toBe(before.bulletins - 1);
    const list = mine.join(',');
    for (const table of ['articles', 'search_docs', 'search_text']) {
      expect(count(store, `SELECT count(*) FROM ${table} WHERE id IN (${list})`)).toBe(0);
    }
    expect(count(store, `SELECT count(*) FROM search_reporters WHERE article_id IN (${list})`)).toBe(0);
    expect(count(store, `SELECT count(*) FROM articles_fts_docsize WHERE docid IN (${list})`)).toBe(0);
    expect(count(store, `SELECT count(*) FROM search_docs WHERE story_id IN (${list})`)).toBe(0);
    expect(count(store, 'SELECT story_id FROM search_docs WHERE id = ' + other)).toBe(other);
    // The full-text index agrees with the articles that are left, word for word.
    const ftsHits = count(store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '会议'");
    const rowHits = count(store, "SELECT count(*) FROM articles WHERE (' ' || seg_headline || ' ' || seg_kicker || ' ' || seg_body || ' ') LIKE '% 会议 %'");
    expect(ftsHits).toBe(rowHits);
    expect(String(store.db.exec('PRAGMA integrity_check')[0].values[0][0])).toBe('ok');
    // Search no longer finds the removed articles.
    const s = new Searcher(store.db, segmenter);
    const all = s.allIds({ query: '' });
    expect(all.filter((id) => mine.includes(id))).toEqual([]);
    expect(all.length).toBe(after.articles);
    expect(removeBulletin(store, first.id)).toBeNull();
  });
});

describe('rebuilding a corpus of another schema version from its texts', () => {
  it('keeps names, SHA-256 (so article links hold), corrections and story decisions', async () => {
    const old = await seedStore();
    const b = old.listBulletins()[0];
    old.db.run("INSERT INTO bulletin_corrections (bulletin_id, sha256, paper, date, inferred_paper, inferred_date, corrected_at) VALUES (?, ?, '测试报', '2020-05-06', NULL, NULL, 't')", [b.id, b.sha256]);
    old.db.run("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    const { db, facts } = openCorpusFile(SQL, old.db.export(), { allowOtherVersion: true });
    expect(facts.schemaVersion).toBe(1);
    const { store, report } = rebuildFromTexts(SQL, db, segmenter);
    db.close();
    expect(report.bulletins).toBe(old.listBulletins().length);
    expect(report.corrections).toBe(1);
    expect(store.listBulletins().map((x) => [x.name, x.sha256])).toEqual(old.listBulletins().map((x) => [x.name, x.sha256]));
    const fixed = store.listBulletins().find((x) => x.sha256 === b.sha256)!;
    expect(fixed.paper).toBe('测试报');
    expect(fixed.date).toBe('2020-05-06');
    expect(Number(store.db.exec("SELECT value FROM meta WHERE key = 'schema_version'")[0].values[0][0])).toBe(SCHEMA_VERSION);
  });
});
