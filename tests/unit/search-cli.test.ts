// The command line's search: same files, same core, same semantics as the page's search.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run';
import { loadCorpus, scan, seedFiles, type LoadedCorpus } from './search-helpers';

interface Output {
  total: number;
  hits: Array<{ file: string; index: number; headline: string; snippet: string }>;
}

describe('search on the command line', () => {
  let corpus: LoadedCorpus;
  beforeAll(async () => {
    corpus = await loadCorpus(seedFiles().map((f) => ({ ...f, name: `seeds/${f.name}` })));
  });

  it('prints the total and the first hits with file, index, headline and snippet', async () => {
    const run = await runCli(['search', 'seeds', '--query', '政绩观', '--limit', '3']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Output;
    expect(Object.keys(out)).toEqual(['total', 'hits']);
    expect(out.total).toBe(scan(corpus, '政绩观').length);
    expect(out.hits).toHaveLength(3);
    for (const h of out.hits) {
      expect(Object.keys(h)).toEqual(['file', 'index', 'headline', 'snippet']);
      expect(h.file).toMatch(/^seeds\/\d{3}_[0-9a-f]+\.txt$/);
      expect(h.snippet + h.headline).toContain('政绩观');
    }
  }, 60_000);

  it('returns the same articles in the same order as the page\'s search', async () => {
    for (const query of ['学习 -会议', '红旗区 OR 封丘县', 'headline:学习', '學習']) {
      const run = await runCli(['search', 'seeds', '--query', query, '--limit', '500']);
      const out = JSON.parse(run.stdout) as Output;
      const page = corpus.searcher.search({ query, limit: 500 });
      expect(out.total, query).toBe(page.total);
      expect(out.hits.map((h) => `${h.file}#${h.index}`), query).toEqual(page.rows.map((r) => `${r.file}#${r.index}`));
    }
  }, 120_000);

  it('says what is wrong with the query on stderr and still answers', async () => {
    const run = await runCli(['search', 'seeds', '--query', 'date:六月 防汛']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('is not a date');
    expect(JSON.parse(run.stdout).total).toBeGreaterThan(0);
  }, 60_000);

  it('reports a file that cannot be read, searches the others and exits with 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoxun-search-'));
    writeFileSync(join(dir, 'good.txt'), '## 红旗区开展防汛演练\n\n本报讯 红旗区开展防汛演练。\n');
    writeFileSync(join(dir, 'bad.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const run = await runCli(['search', dir, '--query', '防汛']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.txt');
    expect(JSON.parse(run.stdout).total).toBe(1);
  }, 60_000);

  it('refuses to run without a query', async () => {
    const run = await runCli(['search', 'seeds']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
