// Exports of a result set: CSV that a strict RFC 4180 reader gets every field back from (BOM,
// CRLF, quotes), JSON Lines with one parseable object per article, and Markdown where article
// text can never turn into headings, lists or HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../csv-reader';
import { isBulletinName } from '../../src/core/decode';
import {
  articlesCsv, articlesJsonl, articlesMarkdown, CSV_COLUMNS, exportArticles, exportFileName, markdownText,
  type ExportArticle, type ExportContext,
} from '../../src/core/export';
import { ingestFile } from '../../src/core/ingest';
import { Searcher } from '../../src/core/query/search';
import { CorpusStore } from '../../src/core/store';
import { SEEDS_DIR, segmenter } from './search-helpers';

let store: CorpusStore;
let searcher: Searcher;
beforeAll(async () => {
  store = CorpusStore.create(await initSqlJs());
  for (const name of readdirSync(SEEDS_DIR).filter(isBulletinName).sort()) {
    await ingestFile(store, segmenter, { name, bytes: readFileSync(join(SEEDS_DIR, name)) });
  }
  // An article whose text holds every character CSV and Markdown must escape.
  const tricky = '## 标题, 带"引号"\n\n本报讯 第一段, 有逗号和 "引号"。\n\n# 不是标题\n\n- 不是列表 <b>不是HTML</b>';
  await ingestFile(store, segmenter, { name: 'tricky.md', bytes: new TextEncoder().encode(tricky) });
  searcher = new Searcher(store.db, segmenter);
});

const ctx = (over: Partial<ExportContext> = {}): ExportContext => ({
  query: '会议', filters: [], total: 0, exportedAt: '2026-11-22T10:00:00.000Z', ...over,
});

function results(query: string): ExportArticle[] {
  return [...exportArticles(store.db, searcher.allIds({ query }))];
}

describe('the articles of a result set', () => {
  it('come in result order with the fields of the article and its bulletin', () => {
    const ids = searcher.allIds({ query: '会议', sort: 'oldest' });
    const rows = [...exportArticles(store.db, ids)];
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      expect(r.ref).toMatch(/^[0-9a-f]{16}\.\d+$/);
      expect(`${r.headline}\n${r.subtitle ?? ''}\n${r.kicker ?? ''}\n${r.body}`).toContain('会议');
      expect(r.printings).toBeGreaterThanOrEqual(1);
      expect(r.file).toMatch(/\.(txt|md)$/);
    }
  });
});

describe('CSV', () => {
  it('starts with a BOM, ends records in CRLF and gives every field back to a strict reader', () => {
    const rows = results('');
    const text = [...articlesCsv(rows, ctx({ linkBase: 'https://example.org/baoxun/' }))].join('');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = readCsv(text.slice(1));
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records.length).toBe(rows.length + 1);
    const at = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    records.slice(1).forEach((rec, i) => {
      expect(rec.length).toBe(CSV_COLUMNS.length);
      expect(rec[at('headline')]).toBe(rows[i].headline);
      expect(rec[at('body')]).toBe(rows[i].body);
      expect(rec[at('reporters')]).toBe(rows[i].reporters.join('、'));
      expect(rec[at('link')]).toBe(`https://example.org/baoxun/?a=${rows[i].ref}`);
    });
    const tricky = records.find((r) => r[at('file')] === 'tricky.md')!;
    expect(tricky[at('headline')]).toBe('标题, 带"引号"');
    expect(tricky[at('body')]).toContain('第一段, 有逗号和 "引号"。\n');
  });
});

describe('JSON Lines', () => {
  it('is one JSON object per line, arrays kept as arrays', () => {
    const rows = results('会议');
    const text = [...articlesJsonl(rows, ctx())].join('');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('Markdown', () => {
  it('has a heading for the search and one section per article, with text escaped', () => {
    const rows = results('');
    const text = [...articlesMarkdown(rows, ctx({ query: '', total: rows.length }))].join('');
    expect(text.startsWith('# 本报讯 Baoxun:')).toBe(true);
    expect(text.match(/^## /gm)?.length).toBe(rows.length);
    expect(text.match(/^# /gm)?.length).toBe(1);
    expect(text).toContain('\\- 不是列表 \\<b\\>不是HTML\\</b\\>');
    expect(text).not.toMatch(/^- /m);
    for (const r of rows) expect(text).toContain(r.ref);
  });

  it('escapes what would start Markdown syntax', () => {
    expect(markdownText('1. 第一')).toBe('1\\. 第一');
    expect(markdownText('> 引')).toBe('\\> 引');
    expect(markdownText('a*b_c')).toBe('a\\*b\\_c');
    expect(markdownText('平常的文字。')).toBe('平常的文字。');
  });
});

describe('file names', () => {
  it('carry the query and the date, without characters file systems refuse', () => {
    expect(exportFileName('防汛 会议', 'csv', '2026-11-22T10:00:00Z')).toBe('baoxun-防汛_会议-2026-11-22.csv');
    expect(exportFileName('a/b:c*?', 'md', '2026-11-22T10:00:00Z')).toBe('baoxun-a_b_c-2026-11-22.md');
    expect(exportFileName('', 'jsonl', '2026-11-22T10:00:00Z')).toBe('baoxun-2026-11-22.jsonl');
  });
});
