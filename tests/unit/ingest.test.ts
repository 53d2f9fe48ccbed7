import { createHash } from 'node:crypto';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { zipSync, strToU8 } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { CorpusStore } from '../../src/core/store';
import { characterSegmenter } from '../../src/core/segment';
import { ingestArchive, ingestFile, listZip, recoverEntryName, type IngestResult } from '../../src/core/ingest';
import { MARKDOWN_BULLETIN } from './store-fixtures';

let SQL: SqlJsStatic;
let store: CorpusStore;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});
beforeEach(() => {
  store = CorpusStore.create(SQL);
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function recorder() {
  const events: string[] = [];
  const results: IngestResult[] = [];
  let listed: { entries: string[]; skipped: IngestResult[] } | null = null;
  return {
    events, results, get listed() { return listed; },
    progress: {
      listed: (entries: string[], skipped: IngestResult[]) => { listed = { entries, skipped }; events.push(`listed ${entries.length}`); },
      loading: (name: string) => { events.push(`loading ${name}`); },
      done: (r: IngestResult) => { results.push(r); events.push(`done ${r.name}`); },
    },
  };
}

describe('ingestFile', () => {
  it('loads a Markdown bulletin: articles stored, bytes hashed, encoding named', async () => {
    const bytes = utf8(MARKDOWN_BULLETIN);
    const r = await ingestFile(store, characterSegmenter, { name: '新乡日报_2026-06-10_04.md', bytes });
    expect(r.state).toBe('done');
    expect(r.problem).toBeNull();
    expect(r.encoding).toBe('utf-8');
    expect(r.articles).toBeGreaterThan(0);
    expect(store.stats().articles).toBe(r.articles);
    const [b] = store.listBulletins();
    expect(b.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(b.name).toBe('新乡日报_2026-06-10_04.md');
    expect(store.listArticles({ query: '防汛工作会议' }).total).toBe(1);
  });

  it('fills the segmented columns and the FTS index', async () => {
    await ingestFile(store, characterSegmenter, { name: 'a.md', bytes: utf8(MARKDOWN_BULLETIN) });
    const rows = store.db.exec("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"义 诊\"'");
    expect(rows[0].values[0][0]).toBe(1);
  });

  it('skips a file that is not a bulletin, naming the reason, and stores nothing', async () => {
    const r = await ingestFile(store, characterSegmenter, { name: 'photo.png', bytes: PNG });
    expect(r).toMatchObject({ name: 'photo.png', state: 'skipped', bulletinId: null, problem: { code: 'not-bulletin' } });
    expect(r.problem!.message).toMatch(/\.txt and \.md/);
    expect(store.listBulletins()).toEqual([]);
  });

  it('records a binary file named .txt as failed with the decoder’s reason', async () => {
    const r = await ingestFile(store, characterSegmenter, { name: 'fake.txt', bytes: PNG });
    expect(r.state).toBe('error');
    expect(r.problem).toMatchObject({ code: 'unreadable' });
    expect(r.problem!.message).toMatch(/PNG/);
    expect(store.listBulletins()[0]).toMatchObject({ name: 'fake.txt', error: r.problem!.message });
    expect(store.stats()).toMatchObject({ bulletins: 0, failed: 1 });
  });

  it('skips the same bytes loaded a second time, naming the first file', async () => {
    const bytes = utf8(MARKDOWN_BULLETIN);
    await ingestFile(store, characterSegmenter, { name: 'first.md', bytes });
    const again = await ingestFile(store, characterSegmenter, { name: 'copy/again.md', bytes });
    expect(again).toMatchObject({ state: 'skipped', problem: { code: 'duplicate', detail: 'first.md' } });
    expect(store.stats().bulletins).toBe(1);
  });

  it('keeps loading the other files after a bad one', async () => {
    const names = ['ok1.md', 'bad.txt', 'x.docx', 'ok2.md'];
    const inputs = [utf8(MARKDOWN_BULLETIN), PNG, PNG, utf8(MARKDOWN_BULLETIN + '\n## 另一篇\n正文。')];
    const states: string[] = [];
    for (let i = 0; i < names.length; i++) {
      states.push((await ingestFile(store, characterSegmenter, { name: names[i], bytes: inputs[i] })).state);
    }
    expect(states).toEqual(['done', 'error', 'skipped', 'done']);
    expect(store.stats().bulletins).toBe(2);
  });

  it('loads an empty file as a bulletin with no articles', async () => {
    const r = await ingestFile(store, characterSegmenter, { name: 'empty.txt', bytes: new Uint8Array() });
    expect(r.state).toBe('done');
    expect(r.articles).toBe(0);
  });
});

describe('ingestArchive', () => {
  function archive(): Uint8Array {
    return zipSync({
      'bulletins/a.md': strToU8(MARKDOWN_BULLETIN),
      'bulletins/sub/b.txt': strToU8('## 单篇文章\n\n本报讯 近日,某区召开会议。'),
      'bulletins/notes.docx': PNG,
      'bulletins/pic.png': PNG,
      '__MACOSX/bulletins/._a.md': PNG,
      'inner.zip': zipSync({ 'x.txt': strToU8('## x') }),
      'empty-folder/': new Uint8Array(),
    });
  }

  it('loads every bulletin of a zip as archive.zip/inner/path and names what it skips', async () => {
    const rec = recorder();
    const total = await ingestArchive(store, characterSegmenter, { name: '六月.zip', bytes: archive() }, rec.progress);
    expect(rec.listed!.entries).toEqual(['六月.zip/bulletins/a.md', '六月.zip/bulletins/sub/b.txt']);
    expect(rec.listed!.skipped.map((s) => [s.name, s.problem!.code])).toEqual([
      ['六月.zip/bulletins/notes.docx', 'not-bulletin'],
      ['六月.zip/bulletins/pic.png', 'not-bulletin'],
      ['六月.zip/__MACOSX/bulletins/._a.md', 'zip-metadata'],
      ['六月.zip/inner.zip', 'zip-nested'],
    ]);
    expect(rec.events).toEqual([
      'listed 2', 'loading 六月.zip/bulletins/a.md', 'done 六月.zip/bulletins/a.md',
      'loading 六月.zip/bulletins/sub/b.txt', 'done 六月.zip/bulletins/sub/b.txt',
    ]);
    expect(rec.results.every((r) => r.state === 'done')).toBe(true);
    expect(total).toMatchObject({ name: '六月.zip', state: 'done', problem: null });
    expect(total.articles).toBe(store.stats().articles);
    expect(total.articles).toBeGreaterThan(1);
    expect(store.listBulletins().map((b) => [b.name, b.source])).toEqual([
      ['六月.zip/bulletins/a.md', 'zip'], ['六月.zip/bulletins/sub/b.txt', 'zip'],
    ]);
  });

  it('gives a damaged archive a clear error and stores nothing', async () => {
    const rec = recorder();
    const broken = archive().slice(0, 200);
    const r = await ingestArchive(store, characterSegmenter, { name: 'broken.zip', bytes: broken }, rec.progress);
    expect(r.state).toBe('error');
    expect(r.problem!.code).toBe('zip-invalid');
    expect(r.problem!.message).toMatch(/zip archive/);
    expect(rec.events).toEqual([]);
    const notZip = await ingestArchive(store, characterSegmenter, { name: 'text.zip', bytes: utf8('hello') }, rec.progress);
    expect(notZip.problem!.code).toBe('zip-invalid');
    expect(store.listBulletins()).toEqual([]);
  });

  it('skips entries beyond the unpacked-size limit with a message naming the limit', async () => {
    const big = 'x'.repeat(600 * 1024);
    const zip = zipSync({ '1.txt': strToU8('## 一\n' + big), '2.txt': strToU8('## 二\n' + big), '3.txt': strToU8('## 三') });
    const listing = listZip(zip, { maxTotalBytes: 1024 * 1024 });
    expect(listing.entries.map((e) => e.path)).toEqual(['1.txt', '3.txt']);
    expect(listing.skipped).toHaveLength(1);
    expect(listing.skipped[0]).toMatchObject({ path: '2.txt', problem: { code: 'zip-too-large', detail: '1 MB' } });
    expect(listing.skipped[0].problem.message).toMatch(/1 MB limit/);
  });
});

describe('recoverEntryName', () => {
  it('recovers GBK and UTF-8 names that were read as Latin-1', () => {
    const gbk = [0xd0, 0xc2, 0xcf, 0xe7, 0x2e, 0x74, 0x78, 0x74]; // 新乡.txt in GBK
    expect(recoverEntryName(String.fromCharCode(...gbk))).toBe('新乡.txt');
    const u8 = Array.from(utf8('新乡日报.md'));
    expect(recoverEntryName(String.fromCharCode(...u8))).toBe('新乡日报.md');
  });

  it('leaves proper Unicode and plain ASCII names alone', () => {
    expect(recoverEntryName('新乡日报.md')).toBe('新乡日报.md');
    expect(recoverEntryName('plain/name.txt')).toBe('plain/name.txt');
  });
});
