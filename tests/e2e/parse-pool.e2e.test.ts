// A big load in real Chromium is shared with parse workers (src/worker/parse-pool.ts): the
// corpus it stores is row for row the corpus of the same files loaded in small drops, which the
// corpus worker parses alone. Compared through the SQLite export, read with sql.js in Node.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/search/corpus';
import { POOL_MIN_FILES } from '../../src/worker/parse-pool';
import { dropFiles, type FileSpec } from './drop';
import { expectNumber, numberIn, useHarness } from './harness';

const h = useHarness();

/**
 * Digests of the exported corpus: every column of the bulletins, articles, fragments and search
 * text, except the words (seg_*). The words are cut with the dictionary of the moment (by the
 * parse workers, taught the corpus worker's words, or by the corpus worker): the people index
 * teaches jieba the names it finds after each load and cuts again the articles holding them, on
 * its own schedule, so two drops and one drop end with words cut at different moments. That the
 * pool changes no word, taught words included, is shown in Node (tests/unit/ingest-parse-pool.test.ts).
 */
async function exportedDigest(page: Page) {
  await page.getByTestId('export-menu').locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-sqlite').click()]);
  const SQL = await initSqlJs();
  const db = new SQL.Database(await readFile(await file.path()));
  const digest = (sql: string) => {
    const hash = createHash('sha256');
    for (const row of db.exec(sql)[0]?.values ?? []) hash.update(JSON.stringify(row));
    return hash.digest('hex');
  };
  const columns = (table: string) => (db.exec(`PRAGMA table_info(${table})`)[0]?.values ?? [])
    .map((c) => String(c[1])).filter((c) => !c.startsWith('seg_'));
  const rows = Object.fromEntries(['bulletins', 'articles', 'fragments', 'search_text']
    .map((t) => [t, digest(`SELECT ${columns(t).join(', ')} FROM ${t} ORDER BY rowid`)]));
  const count = (sql: string) => Number(db.exec(sql)[0].values[0][0]);
  const result = { rows, articles: count('SELECT count(*) FROM articles'), bulletins: count('SELECT count(*) FROM bulletins') };
  db.close();
  return result;
}

async function waitLoaded(page: Page, bulletins: number): Promise<void> {
  await expectNumber(page, 'bulletin-count', bulletins, 240_000);
  await page.getByTestId('ingest').waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator('[data-testid="app"][data-state="ready"]').waitFor({ timeout: 60_000 });
}

describe('parse workers', () => {
  it('a drop of many files parsed by the worker pool stores the same rows as the same files dropped a few at a time', async () => {
    const corpus = generateCorpus({ articles: 900 }).slice(0, POOL_MIN_FILES + 22);
    const files: FileSpec[] = corpus.map((b) => ({ name: b.name, content: b.text }));
    files.splice(7, 0, { name: 'copy.txt', content: corpus[3].text }); // a duplicate among them
    const unique = files.length - 1;

    // Small drops: each below the pool's threshold, parsed by the corpus worker itself.
    const alone = await h.openApp();
    const start = await numberIn(alone.page, 'bulletin-count');
    const half = Math.ceil(files.length / 2);
    expect(half).toBeLessThan(POOL_MIN_FILES);
    await dropFiles(alone.page, files.slice(0, half));
    await waitLoaded(alone.page, start + half - 1); // the copy among them is not a new bulletin
    await dropFiles(alone.page, files.slice(half));
    await waitLoaded(alone.page, start + unique);

    // One drop: parsed and cut by the pool's workers; the corpus worker writes.
    const pooled = await h.openApp();
    const parseWorkers: string[] = [];
    pooled.page.on('worker', (w) => { if (/parse-worker/.test(w.url())) parseWorkers.push(w.url()); });
    await dropFiles(pooled.page, files);
    await waitLoaded(pooled.page, start + unique);

    const a = await exportedDigest(alone.page);
    const b = await exportedDigest(pooled.page);
    expect(b.bulletins).toBe(start + unique);
    expect(b.articles).toBeGreaterThan(600);
    expect(b).toEqual(a);
    expect(parseWorkers.length, 'the big drop started parse workers').toBeGreaterThan(0);
    expect([...alone.errors, ...pooled.errors]).toEqual([]);
  });
});
