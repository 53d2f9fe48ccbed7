// Duplicate files and reprinted stories in real Chromium: a GBK copy of a sample bulletin is
// loaded once and named as a duplicate; a reprint (a sample article with a new headline, a
// dropped paragraph and typos) is shown side by side with its source, differences marked; a
// split stays a split when more files load; search counts a reprinted story once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR, flat, seedArticles, seedFileCount } from './corpus';
import { dropFiles } from './drop';
import { expectNumber, screenshot, useHarness } from './harness';
import { reprintableArticle, reprintBulletin } from './reprints';

const h = useHarness();

const source = reprintableArticle();
const first = reprintBulletin(source);
const second = reprintBulletin(source, { prefix: '关注:', drop: 3, typoAt: [0.1, 0.55, 0.8] });
/** A phrase every printing keeps: from the start of the reprinted article's first paragraph. */
const phrase = source.paragraphs[0].replace(/^\S*?\s/, '').slice(4, 16);

/** Wait until a file's status row says `status`; return the row's text. */
async function fileStatus(page: Page, name: string, status: string): Promise<string> {
  const row = page.getByTestId('file-status').filter({ hasText: name }).first();
  await expect.poll(() => row.getAttribute('data-status').catch(() => null), { timeout: 30_000, message: `status of ${name}` }).toBe(status);
  return row.innerText();
}

/** Open the Duplicates view and wait until it has answered. */
async function openDuplicates(page: Page): Promise<void> {
  await page.getByTestId('view-duplicates').click();
  await page.locator('[data-testid="duplicates-view"][data-state="idle"] [data-testid="cluster-total"]').waitFor();
}

/** Search from the search view and wait for the count. */
async function countFor(page: Page, query: string, n: number): Promise<void> {
  await page.getByTestId('view-search').click();
  await page.getByTestId('search-input').fill(query);
  await expectNumber(page, 'result-count', n);
}

describe('duplicates', () => {
  it('loading the same bulletin twice, once as GBK, loads it once and says which file it duplicates', async () => {
    const { page, errors } = await h.openApp();
    const seed = seedArticles()[0].file;
    const utf8 = readFileSync(join(SEEDS_DIR, seed), 'utf8');
    await dropFiles(page, [
      { name: '简报副本_GBK.txt', content: new Uint8Array(iconv.encode(utf8.replace(/\n/g, '\r\n'), 'gbk')) },
      { name: '简报副本.txt', content: utf8 },
    ]);
    const gbk = await fileStatus(page, '简报副本_GBK.txt', 'skipped');
    expect(gbk).toContain(seed);
    expect(gbk).toContain('同一份简报');
    expect(await fileStatus(page, '简报副本.txt', 'skipped')).toContain(seed);
    await expectNumber(page, 'bulletin-count', seedFileCount());
    await expectNumber(page, 'article-count', seedArticles().length);
    await expect.poll(() => page.getByTestId('summary-duplicate-files').getAttribute('data-value')).toBe('2');
    await page.getByTestId('load-summary').scrollIntoViewIfNeeded();
    await screenshot(page, 'load-summary.png');

    await openDuplicates(page);
    const rows = page.getByTestId('duplicate-file');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-of')).toBe(seed);
    expect(await rows.first().getAttribute('data-match')).toBe('text');
    expect(await rows.first().innerText()).toContain('GB18030');
    expect(await rows.nth(1).getAttribute('data-match')).toBe('bytes');
    expect(errors).toEqual([]);
  });

  it('the duplicates view shows a reprinted story side by side with its differences highlighted', async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await h.openApp({ width, height: width > 500 ? 860 : 844 });
      await dropFiles(page, [{ name: '转载_2026-06-12.txt', content: first.text }]);
      await fileStatus(page, '转载_2026-06-12.txt', 'done');
      await expect.poll(() => page.getByTestId('summary-reprints').getAttribute('data-value'), { timeout: 30_000 }).toBe('1');
      expect(await page.getByTestId('load-summary').innerText()).toMatch(/转载报道 1/);
      await openDuplicates(page);
      const card = page.getByTestId('cluster-card');
      expect(await card.count()).toBe(1);
      const canonical = card.locator('[data-testid="printing"][data-role="canonical"]');
      const compared = card.locator('[data-testid="printing"][data-role="compared"]');
      expect(flat(await canonical.getByTestId('printing-open').innerText())).toBe(flat(source.article.headline));
      expect(flat(await compared.getByTestId('printing-open').innerText())).toBe(flat(first.headline));
      expect(await canonical.innerText()).toContain(source.file);
      // The dropped paragraph is marked on the canonical side, the typos on the reprint's.
      const removed = (await canonical.locator('del[data-change="removed"]').allInnerTexts()).join('');
      expect(flat(removed)).toContain(flat(first.dropped));
      const added = (await compared.locator('ins[data-change="added"]').allInnerTexts()).join('');
      for (const [, typo] of first.typos) expect(added).toContain(typo);
      expect(await compared.getByTestId('printing-similarity').innerText()).toMatch(/\d+%/);
      expect(await card.getByTestId('also-appeared').count()).toBe(1);
      if (width < 500) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, width > 500 ? 'duplicates.png' : 'duplicates-phone.png');
      // Search counts the story once, unless every printing is asked for.
      await countFor(page, phrase, 1);
      expect(errors).toEqual([]);
    }
  });

  it('splitting a cluster keeps it split after more files are loaded', async () => {
    const { page, errors } = await h.openApp();
    await dropFiles(page, [{ name: '转载一.txt', content: first.text }]);
    await fileStatus(page, '转载一.txt', 'done');
    await openDuplicates(page);
    await expect.poll(() => page.getByTestId('cluster-card').count()).toBe(1);
    await page.locator('[data-testid="printing"][data-role="compared"] [data-testid="cluster-split"]').click();
    await page.getByTestId('clusters-none').waitFor();
    expect(await page.getByTestId('story-decision').count()).toBe(1);
    await countFor(page, phrase, 2);

    await dropFiles(page, [{ name: '转载二.txt', content: second.text }]);
    await fileStatus(page, '转载二.txt', 'done');
    await expect.poll(() => page.locator('[data-testid="app"][data-state="ready"]').count()).toBe(1);
    await openDuplicates(page);
    const card = page.getByTestId('cluster-card');
    await expect.poll(() => card.count()).toBe(1);
    const files = await card.getByTestId('printing').allInnerTexts();
    expect(files.join('\n')).toContain('转载二.txt');
    expect(files.join('\n')).not.toContain('转载一.txt');
    expect(await card.getByTestId('also-appeared').count()).toBe(1);
    // Three printings: the story (printed twice) and the printing split off.
    await countFor(page, phrase, 2);

    // Undo brings the split printing back into the story.
    await page.getByTestId('view-duplicates').click();
    await page.getByTestId('decision-undo').click();
    await expect.poll(() => page.getByTestId('also-appeared').count()).toBe(2);
    await countFor(page, phrase, 1);
    expect(errors).toEqual([]);
  });

  it('merging two stories makes them one, in the view and in search', async () => {
    const other = reprintableArticle(4, 1);
    const { page, errors } = await h.openApp();
    await dropFiles(page, [{ name: '转载一.txt', content: first.text }, { name: '转载三.txt', content: reprintBulletin(other).text }]);
    await fileStatus(page, '转载三.txt', 'done');
    await openDuplicates(page);
    await expect.poll(() => page.getByTestId('cluster-card').count()).toBe(2);
    const merge = page.getByTestId('cluster-merge');
    expect(await merge.isDisabled()).toBe(true);
    await page.getByTestId('cluster-select').nth(0).check();
    await page.getByTestId('cluster-select').nth(1).check();
    await merge.click();
    await expect.poll(() => page.getByTestId('cluster-card').count()).toBe(1);
    expect(await page.getByTestId('also-appeared').count()).toBe(3);
    expect(await page.locator('[data-testid="story-decision"][data-kind="merge"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
