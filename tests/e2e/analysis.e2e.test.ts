// The analysis views in real Chromium over the current result set: a concordance that lines up
// and sorts its contexts and exports CSV, frequencies without function words, a trend chart of
// two terms saved as PNG, SVG and CSV, officials named together, and a user word kept whole.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../csv-reader';
import { seedArticles } from './corpus';
import { screenshot, useHarness } from './harness';

const h = useHarness();

/** Search, then open the analysis view on the settled result set. */
async function analyse(page: Page, query: string): Promise<void> {
  await page.getByTestId('view-search').click();
  await page.getByTestId('search-input').fill(query);
  await page.locator(`[data-testid="result-list"][data-state="idle"][data-query="${query}"]`).waitFor();
  await page.getByTestId('view-analysis').click();
}

/** Occurrences of `term` in the articles holding it (headline, subtitle, kicker and body). */
function occurrences(term: string): number {
  return seedArticles().reduce((n, a) => n + [a.headline, a.subtitle ?? '', a.kicker ?? '', a.body].join('\n').split(term).length - 1, 0);
}

/** Run SQL in the console and return the first cell of each row. */
async function sqlColumn(page: Page, sql: string): Promise<string[]> {
  await page.getByTestId('view-sql').click();
  await page.getByTestId('sql-input').fill(sql);
  await page.getByTestId('sql-run').click();
  await page.locator('[data-testid="sql-console"][data-state="done"]').waitFor({ timeout: 30_000 });
  return page.getByTestId('sql-row').evaluateAll((rs) => rs.map((r) => r.querySelector('[role="gridcell"]')?.textContent ?? ''));
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFile((await file.path())!);
}

describe('analysis views', () => {
  it('a concordance of 政绩观 lines up its contexts and exports CSV', async () => {
    const { page, errors } = await h.openApp();
    await analyse(page, '政绩观');
    // The query's term is the concordance's term at first.
    await page.locator('[data-testid="kwic"][data-state="idle"][data-term="政绩观"]').waitFor({ timeout: 30_000 });
    const expected = occurrences('政绩观');
    expect(Number(await page.getByTestId('kwic-count').getAttribute('data-total'))).toBe(expected);
    const rows = page.getByTestId('kwic-row');
    expect(await rows.count()).toBe(expected);
    // Every line is text of an article: left context, the match, right context, in that order.
    const texts = seedArticles().map((a) => [a.headline, a.subtitle ?? '', a.kicker ?? '', a.body].join('\n'));
    const lines = await rows.evaluateAll((rs) => rs.map((r) => [
      r.querySelector('[data-testid="kwic-left"]')!.textContent ?? '', r.querySelector('mark')!.textContent ?? '',
      r.querySelector('[data-testid="kwic-right"]')!.textContent ?? '',
    ]));
    for (const [left, match, right] of lines) {
      expect(match).toBe('政绩观');
      expect(texts.some((t) => t.includes(left + match + right))).toBe(true);
    }
    // Lined up: every match starts at the same x.
    const xs = await page.locator('[data-testid="kwic-row"] mark').evaluateAll((ms) => ms.map((m) => m.getBoundingClientRect().left));
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(1);
    await screenshot(page, 'kwic.png');

    // Sorted by the words before: lines sharing the nearest word come together, in pinyin order.
    await page.getByTestId('kwic-sort-left').click();
    const before = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-left-word') ?? ''));
    const groups = before.filter((w, i) => i === 0 || w !== before[i - 1]);
    expect(new Set(groups).size).toBe(groups.length);
    const collator = new Intl.Collator('zh-CN');
    expect(groups).toEqual(groups.slice().sort(collator.compare));
    await page.getByTestId('kwic-sort-right').click();
    const after = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-right-word') ?? ''));
    const rightGroups = after.filter((w, i) => i === 0 || w !== after[i - 1]);
    expect(new Set(rightGroups).size).toBe(rightGroups.length);

    // The CSV: a byte-order mark, a header, one record per line in the order shown.
    const csv = (await download(page, 'kwic-export')).toString('utf-8');
    expect(csv.startsWith('\uFEFFleft,match,right,article_id')).toBe(true);
    const records = readCsv(csv.slice(1));
    expect(records).toHaveLength(expected + 1);
    const shown = await rows.evaluateAll((rs) => rs.map((r) => [
      r.querySelector('[data-testid="kwic-left"]')!.textContent ?? '', r.querySelector('[data-testid="kwic-right"]')!.textContent ?? '',
    ]));
    expect(records.slice(1).map((r) => [r[0], r[2]])).toEqual(shown);
    expect(errors).toEqual([]);
  });

  it('a trend chart of two terms can be saved as PNG', async () => {
    const { page, errors } = await h.openApp();
    await analyse(page, '');
    await page.getByTestId('analysis-tab-trends').click();
    await page.getByTestId('trend-input').fill('政绩观 防汛');
    await page.getByTestId('trend-run').click();
    const chart = page.getByTestId('trend-chart');
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.getAttribute('data-series')).toBe('2');
    expect(await chart.locator('path[stroke]').count()).toBeGreaterThanOrEqual(2);
    expect(await chart.innerHTML()).toContain('政绩观');
    await screenshot(page, 'trends.png');
    const png = await download(page, 'trend-export-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Drawn at twice the chart's size.
    const width = png.readUInt32BE(16);
    expect(width).toBe(2 * Number(await chart.getAttribute('width')));
    expect(png.length).toBeGreaterThan(5_000);
    const svg = (await download(page, 'trend-export-svg')).toString('utf-8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('政绩观');
    const csv = (await download(page, 'trend-export-csv')).toString('utf-8');
    expect(csv.startsWith('\uFEFFmonth,term,group,articles')).toBe(true);
    expect(csv).toContain(',防汛,');
    expect(errors).toEqual([]);
  });

  it('the frequency list of a result set leaves out function words, and a word opens its concordance', async () => {
    const { page, errors } = await h.openApp();
    await analyse(page, '防汛');
    await page.getByTestId('analysis-tab-freq').click();
    await page.getByTestId('freq-word').first().waitFor({ timeout: 30_000 });
    const words = await page.getByTestId('freq-word').evaluateAll((ws) => ws.map((w) => w.getAttribute('data-term') ?? ''));
    expect(words).toContain('防汛');
    for (const stop of ['的', '了', '和', '我们', '进行']) expect(words).not.toContain(stop);
    const counts = await page.getByTestId('freq-word').evaluateAll((ws) => ws.map((w) => Number(w.getAttribute('data-count'))));
    expect(counts).toEqual(counts.slice().sort((a, b) => b - a));
    expect(await page.getByTestId('keyword-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'frequencies.png');
    await page.getByTestId('freq-word').filter({ has: page.locator('[data-term="防汛"]') }).or(page.locator('[data-testid="freq-word"][data-term="防汛"]')).first().getByRole('button').click();
    await page.locator('[data-testid="kwic"][data-state="idle"][data-term="防汛"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('kwic-row').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('co-occurrence lists officials named together, and an example opens an article naming both', async () => {
    const { page, errors } = await h.openApp();
    await analyse(page, '');
    await page.getByTestId('analysis-tab-co').click();
    const pair = page.getByTestId('co-pair').first();
    await pair.waitFor({ timeout: 60_000 });
    await page.getByTestId('co-network').waitFor();
    expect(await page.getByTestId('co-node').count()).toBeGreaterThan(2);
    const [a, b] = await pair.locator('td').evaluateAll((tds) => tds.slice(0, 2).map((td) => (td.textContent ?? '').replace(/（.*$/, '')));
    await pair.locator('td').nth(3).getByRole('button').first().click();
    const article = page.getByTestId('article-view');
    await article.waitFor();
    const text = (await article.innerText()).replace(/\s+/g, '');
    expect(text).toContain(a);
    expect(text).toContain(b);
    await page.getByTestId('article-close').click();
    await screenshot(page, 'cooccurrence.png');
    expect(errors).toEqual([]);
  });

  it('a word the user adds is kept whole after the corpus is segmented again', async () => {
    const { page, errors } = await h.openApp();
    const holding = seedArticles().filter((a) => a.body.includes('万人助万企')).length;
    expect(holding).toBeGreaterThan(0);
    // jieba cuts it 万人助 / 万企: the index has no such word.
    const indexed = `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"万人助万企"'`;
    expect(await sqlColumn(page, indexed)).toEqual(['0']);
    await analyse(page, '万人助万企');
    await page.getByTestId('analysis-tab-words').click();
    await page.getByTestId('user-word-input').fill('万人助万企');
    await page.getByTestId('user-word-add').click();
    const result = page.getByTestId('user-words-result');
    await result.waitFor({ timeout: 30_000 });
    expect(Number(await result.getAttribute('data-resegmented'))).toBeGreaterThan(0);
    expect(await page.getByTestId('user-word').allInnerTexts()).toEqual([expect.stringContaining('万人助万企')]);
    expect(await sqlColumn(page, indexed)).toEqual([String(holding)]);
    // The frequency list counts it as one word now.
    await page.getByTestId('view-analysis').click();
    await page.getByTestId('analysis-tab-freq').click();
    await expect.poll(() => page.locator('[data-testid="freq-word"][data-term="万人助万企"]').count(), { timeout: 30_000 }).toBe(1);
    // Kept in the corpus (user_words): once the corpus is saved, a reload opens it with the word.
    await expect.poll(() => page.getByTestId('storage-panel').getAttribute('data-save-state'), { timeout: 60_000 }).toBe('saved');
    await page.reload();
    await page.locator('[data-testid="app"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('view-analysis').click();
    await page.getByTestId('analysis-tab-words').click();
    await expect.poll(() => page.getByTestId('user-word').allInnerTexts()).toEqual([expect.stringContaining('万人助万企')]);
    expect(errors).toEqual([]);
  });

  it('the analysis views fit a phone', async () => {
    const { page, errors } = await h.openApp({ width: 390, height: 844 });
    await analyse(page, '政绩观');
    await page.locator('[data-testid="kwic"][data-state="idle"][data-term="政绩观"]').waitFor({ timeout: 30_000 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'kwic-phone.png');
    await page.getByTestId('analysis-tab-trends').click();
    await page.getByTestId('trend-chart').waitFor({ timeout: 30_000 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'trends-phone.png');
    expect(errors).toEqual([]);
  });
});
