// Exports and imports as a person uses them: the results on screen downloaded as CSV, JSON Lines
// and Markdown; the whole corpus downloaded as SQLite, checked with sql.js in Node, and opened in
// another browser profile; a wrong file refused without touching the corpus.
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { articleCount, articleMatches, makeBulletin, seedArticles } from './corpus';
import { expectNumber, numberIn, waitUntilReady } from './harness';
import { expectSaveState, pasteBulletin, resultsFor, useKeepHarness } from './keep-harness';

const h = useKeepHarness();

/** Click an entry of the export menu and return the downloaded file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-menu').locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe('exporting the results', () => {
  it('the current results download as CSV with a BOM, as JSON Lines and as Markdown', async () => {
    const { page, errors } = await h.open(await h.context());
    const query = '会议';
    const expected = seedArticles().filter((a) => articleMatches(a, query)).length;
    expect(await resultsFor(page, query)).toBe(expected);
    const total = await numberIn(page, 'result-count');

    const csv = await download(page, 'export-csv');
    expect(csv.name).toMatch(/^baoxun-会议-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('ref,file,paper,bulletin_date,date,district,kind,column,kicker,headline,subtitle,lead,dateline,byline,reporters,correspondents,credit,body,story,printings,link');
    // Every record starts with an article reference: count them (bodies hold line breaks).
    expect(text.match(/\r\n[0-9a-f]{16}\.\d+,/g)?.length).toBe(total);

    const jsonl = await download(page, 'export-jsonl');
    const rows = jsonl.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { headline: string; body: string; link: string });
    expect(rows.length).toBe(total);
    for (const r of rows) expect(`${r.headline}${r.body}`.length).toBeGreaterThan(0);
    expect(rows[0].link).toMatch(/\?a=[0-9a-f]{16}\.\d+$/);

    const md = await download(page, 'export-md');
    const markdown = md.bytes.toString('utf8');
    expect(markdown.startsWith('# 本报讯 Baoxun: “会议”')).toBe(true);
    expect(markdown.match(/^## /gm)?.length).toBe(total);
    await expect.poll(() => page.getByTestId('export-status').innerText()).toContain(md.name);
    expect(errors).toEqual([]);
  });
});

describe('exporting and importing the whole corpus', () => {
  it('the corpus exported as SQLite opens in another browser profile', async () => {
    const a = await h.open(await h.context());
    const text = makeBulletin('云台山', 3);
    await pasteBulletin(a.page, text, articleCount(text));
    const articles = await numberIn(a.page, 'article-count');
    const bulletins = await numberIn(a.page, 'bulletin-count');
    const file = await download(a.page, 'export-sqlite');
    expect(file.name).toMatch(/^baoxun-corpus-\d{4}-\d{2}-\d{2}\.sqlite$/);

    // Other tools open it: sql.js in Node stands in for sqlite3, Datasette and pandas here.
    const SQL = await initSqlJs();
    const db = new SQL.Database(file.bytes);
    expect(db.exec('PRAGMA integrity_check')[0].values[0][0]).toBe('ok');
    expect(db.exec('SELECT count(*) FROM articles')[0].values[0][0]).toBe(articles);
    expect(db.exec("SELECT count(*) FROM articles WHERE headline LIKE '云台山%'")[0].values[0][0]).toBe(articleCount(text));
    expect(Number(db.exec("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '云台山'")[0].values[0][0])).toBeGreaterThan(0);
    db.close();

    // Another profile: a fresh browser with the samples, then the file opened in place of them.
    const b = await h.open(await h.context());
    await b.page.getByTestId('import-corpus').setInputFiles({ name: file.name, mimeType: 'application/vnd.sqlite3', buffer: file.bytes });
    await b.page.getByTestId('import-confirm').click();
    await b.page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    await waitUntilReady(b.page);
    await expectNumber(b.page, 'article-count', articles);
    await expectNumber(b.page, 'bulletin-count', bulletins);
    expect(await resultsFor(b.page, '云台山')).toBe(articleCount(text));
    expect(await b.page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('imported');
    await expectSaveState(b.page, 'saved');
    // And it is kept there.
    await b.page.reload();
    await waitUntilReady(b.page);
    expect(await resultsFor(b.page, '云台山')).toBe(articleCount(text));
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('a file that is not a corpus is refused with a clear reason and the corpus is unchanged', async () => {
    const { page, errors } = await h.open(await h.context());
    const before = await numberIn(page, 'article-count');
    await page.getByTestId('import-corpus').setInputFiles({ name: 'notes.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from('## 这不是数据库\n\n只是一段文字。'.repeat(20)) });
    await page.getByTestId('import-confirm').click();
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/not an SQLite database/);
    await waitUntilReady(page);
    await expectNumber(page, 'article-count', before);
    expect(await resultsFor(page, '会议')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
