// Loading files a group per transaction (core/ingest/ingest-group.ts) gives the very corpus that
// loading them one by one gives, and a file the database refuses inside a group is reported
// alone while the rest of its group loads.
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import type { CorpusStore as Store } from '../../src/core/store';

// The real parser, except that a text holding NOHEAD yields an article without a headline,
// which the articles table refuses (NOT NULL): a store failure on demand.
vi.mock('../../src/core/parse', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/parse')>();
  return {
    ...real,
    parseBulletin: (text: string, opts?: Parameters<typeof real.parseBulletin>[1]) => {
      const parsed = real.parseBulletin(text, opts);
      if (!text.includes('NOHEAD')) return parsed;
      return { ...parsed, articles: parsed.articles.map((a) => ({ ...a, headline: null as unknown as string })) };
    },
  };
});

const { CorpusStore } = await import('../../src/core/store');
const { ingestFile, ingestFiles, GROUP_FILES } = await import('../../src/core/ingest');
const { characterSegmenter } = await import('../../src/core/segment');
const { generateCorpus } = await import('../../bench/search/corpus');

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});
const encode = (s: string) => new TextEncoder().encode(s);

/** Every row a load writes, as text: bulletins, articles, FTS and search rows, duplicates. */
function dump(store: Store): string {
  const tables = [
    'SELECT id, added_order, name, sha256, error, paper, date, text, article_count, fragment_count, text_identity FROM bulletins ORDER BY id',
    'SELECT * FROM articles ORDER BY id',
    'SELECT * FROM fragments ORDER BY id',
    'SELECT name, sha256, duplicate_of, match FROM duplicate_files ORDER BY id',
    'SELECT * FROM search_docs ORDER BY id',
    'SELECT * FROM search_text ORDER BY id',
    "SELECT docid FROM articles_fts WHERE articles_fts MATCH '区' ORDER BY docid",
  ];
  return JSON.stringify(tables.map((sql) => store.db.exec(sql)[0]?.values ?? []));
}

describe('loading files a group per transaction', () => {
  it('writes exactly the rows that loading them one by one writes, duplicates included', async () => {
    const corpus = generateCorpus({ articles: 400 });
    const inputs = corpus.map((b) => ({ name: b.name, bytes: encode(b.text), source: 'file' as const }));
    // A copy of the same bytes and a copy with other line ends, inside the same group.
    inputs.splice(3, 0, { ...inputs[1], name: 'copy.txt' });
    inputs.splice(5, 0, { name: 'crlf.txt', bytes: encode(corpus[2].text.replace(/\n/g, '\r\n')), source: 'file' });
    inputs.push({ name: 'photo.png', bytes: encode('x'), source: 'file' });
    expect(inputs.length).toBeGreaterThan(GROUP_FILES);

    const one = CorpusStore.create(SQL);
    const single = [];
    for (const input of inputs) single.push(await ingestFile(one, characterSegmenter, input));
    const grouped = CorpusStore.create(SQL);
    const results = await ingestFiles(grouped, characterSegmenter, inputs);

    expect(results).toEqual(single);
    expect(results.filter((r) => r.problem?.code === 'duplicate')).toHaveLength(1);
    expect(results.filter((r) => r.problem?.code === 'duplicate-text')).toHaveLength(1);
    expect(dump(grouped)).toBe(dump(one));
  });

  it('reports a file the database refuses alone, and stores the rest of its group', async () => {
    const corpus = generateCorpus({ articles: 100 });
    const inputs = corpus.slice(0, 6).map((b) => ({ name: b.name, bytes: encode(b.text), source: 'file' as const }));
    inputs.splice(2, 0, { name: 'refused.txt', bytes: encode(`${corpus[7].text}\nNOHEAD`), source: 'file' });
    const store = CorpusStore.create(SQL);
    const results = await ingestFiles(store, characterSegmenter, inputs);

    expect(results[2]).toMatchObject({ name: 'refused.txt', state: 'error', bulletinId: null, problem: { code: 'store-failed' } });
    expect(results.filter((r) => r.state === 'done')).toHaveLength(6);
    const names = store.listBulletins().map((b) => b.name);
    expect(names).toEqual(inputs.filter((i) => i.name !== 'refused.txt').map((i) => i.name));
    // Nothing of the refused file is left behind: every article and search row has its bulletin.
    const orphans = store.db.exec(`SELECT
      (SELECT count(*) FROM articles WHERE bulletin_id NOT IN (SELECT id FROM bulletins)),
      (SELECT count(*) FROM search_docs WHERE id NOT IN (SELECT id FROM articles))`)[0].values[0];
    expect(orphans).toEqual([0, 0]);
    expect(store.stats().articles).toBe(results.reduce((n, r) => n + r.articles, 0));
  });

  it('finds each new bulletin\'s added_order through an index, not by reading every bulletin', () => {
    // Without the index the max() reads the whole table once per stored file, so a load's cost
    // grows with the square of the corpus (the 1 GB build's writer spent most of its time there).
    const store = CorpusStore.create(SQL);
    const plan = store.db.exec('EXPLAIN QUERY PLAN SELECT coalesce(max(added_order), 0) + 1 FROM bulletins')[0].values.map((r) => String(r[3])).join(' ');
    expect(plan).toMatch(/USING COVERING INDEX bulletins_added_order/);
  });
});
