// `build`: the command line's corpus file is the page's corpus. Built from the seeds (plus a copy
// of one file and an undecodable file) it opens with sql.js like an exported corpus, holds the
// same rows as the page's own loading code writes, searches the same, and the native (on disk)
// and sql.js (in memory) engines write the same tables. Worker threads do not change the order.
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { Database, SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBulletinName } from '../../src/core/decode';
import { ingestFile } from '../../src/core/ingest';
import { Searcher } from '../../src/core/query/search';
import { CorpusStore, SCHEMA_VERSION } from '../../src/core/store';
import { openCorpusFile } from '../../src/core/store/corpus-file';
import { buildCorpus } from '../../cli/lib/build/build-corpus';
import { nativeSqlite } from '../../cli/lib/build/native-db';
import { runCli } from './cli-run';
import { SEEDS_DIR, segmenter } from './search-helpers';

let SQL: SqlJsStatic;
let dir: string;
let input: string;
beforeAll(async () => {
  SQL = await initSqlJs();
  dir = await mkdtemp(join(tmpdir(), 'baoxun-build-'));
  input = join(dir, 'in');
  await rm(input, { recursive: true, force: true });
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(input, 'sub'), { recursive: true });
  const seeds = (await readdir(SEEDS_DIR)).filter(isBulletinName).sort();
  for (const s of seeds) await copyFile(join(SEEDS_DIR, s), join(input, s));
  await copyFile(join(SEEDS_DIR, seeds[0]), join(input, 'sub', 'copy-of-first.txt'));
  await writeFile(join(input, 'zz-binary.txt'), new Uint8Array([0, 1, 2, 0xff, 0xfe, 0, 0, 7, 8, 9]));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const rows = (db: Database, sql: string) => db.exec(sql)[0]?.values ?? [];

/** The page's way: every file through ingestFile, in the same order as the build lists them. */
async function pageCorpus(files: string[]): Promise<CorpusStore> {
  const store = CorpusStore.create(SQL);
  for (const f of files) await ingestFile(store, segmenter, { name: f, bytes: await readFile(f) });
  return store;
}

describe('build', () => {
  it('writes the corpus the page would build, which opens as a corpus file', async () => {
    const out = join(dir, 'native.sqlite');
    const report = await buildCorpus([input], { output: out, jobs: 2 });
    expect(report.engine).toBe(nativeSqlite() ? 'native' : 'sqljs');
    expect(report.files).toBe(7);
    expect(report.duplicates).toBe(1);
    expect(report.failed.map((f) => f.file)).toEqual([join(input, 'zz-binary.txt')]);
    expect(report.inputBytes).toBeGreaterThan(80_000);
    expect(report.peakRssBytes).toBeGreaterThan(0);
    const { db, facts } = openCorpusFile(SQL, new Uint8Array(await readFile(out)));
    expect(facts.schemaVersion).toBe(SCHEMA_VERSION);
    expect(rows(db, 'PRAGMA integrity_check')[0][0]).toBe('ok');
    expect(rows(db, 'PRAGMA journal_mode')[0][0]).not.toBe('wal');

    // The same files through the page's loading code, in the build's order.
    const order = rows(db, 'SELECT name FROM bulletins ORDER BY added_order').map((r) => String(r[0]));
    const page = await pageCorpus([...order, join(input, 'sub', 'copy-of-first.txt')]);
    for (const table of ['bulletins', 'articles', 'fragments', 'search_docs', 'search_text', 'search_reporters']) {
      expect(rows(db, `SELECT * FROM ${table} ORDER BY 1`), table).toEqual(rows(page.db, `SELECT * FROM ${table} ORDER BY 1`));
    }
    expect(rows(db, 'SELECT name, match FROM duplicate_files')).toEqual([[join(input, 'sub', 'copy-of-first.txt'), 'bytes']]);
    // Search answers alike, through the gram index and the FTS ranking tables.
    const built = new Searcher(db, segmenter);
    const mine = new Searcher(page.db, segmenter);
    for (const q of ['会议', '红旗区 -学习', '"集中学习"', 'district:红旗区']) {
      expect(built.allIds({ query: q }), q).toEqual(mine.allIds({ query: q }));
    }
    db.close();
    page.close();
  });

  it('writes the same tables with the native and the sql.js engine, with one or two threads', async () => {
    if (!nativeSqlite()) throw new Error('better-sqlite3 did not install: npm install builds it (needs python3, make, g++)');
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    await buildCorpus([input], { output: a, jobs: 1, engine: 'native' });
    await buildCorpus([input], { output: b, jobs: 2, engine: 'sqljs' });
    const da = new SQL.Database(await readFile(a));
    const dbb = new SQL.Database(await readFile(b));
    for (const table of ['bulletins', 'articles', 'search_docs', 'search_text', 'duplicate_files']) {
      expect(rows(da, `SELECT * FROM ${table} ORDER BY 1`), table).toEqual(rows(dbb, `SELECT * FROM ${table} ORDER BY 1`));
    }
    expect(rows(da, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '会议'")).toEqual(rows(dbb, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '会议'"));
    da.close();
    dbb.close();
  });

  it('runs from the command line: a JSON report on stdout, exit 1 for the failed file, usage errors exit 2', async () => {
    const out = join(dir, 'cli.sqlite');
    const r = await runCli(['build', input, '-o', out, '-q']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { bulletins: number; articles: number; output: string };
    expect(report.output).toBe(out);
    expect(report.bulletins).toBe(5);
    expect(r.stderr).toContain('zz-binary.txt');
    const usage = await runCli(['build', input]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('-o <corpus.sqlite>');
    // A build that cannot finish leaves no file under the output's name.
    const missing = await runCli(['build', join(dir, 'no-such-dir'), '-o', join(dir, 'none.sqlite'), '-q']);
    expect(missing.code).toBe(1);
    await expect(readFile(join(dir, 'none.sqlite.partial'))).rejects.toThrow();
  });
});
