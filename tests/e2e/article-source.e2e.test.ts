// Where an article's fields came from, shown in real Chromium on the sample corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/decode/index';
import { SEEDS_DIR, flat, seedArticles } from './corpus';
import { screenshot, useHarness } from './harness';

const h = useHarness();

describe('article sources', () => {
  it('clicking a field highlights where it came from in the original', async () => {
    const articles = seedArticles();
    // The first article with a byline and a join repair, so both kinds of mark are exercised.
    const article = articles.find((a) => a.spans.byline && a.byline && a.repairs.some((r) => r.type === 'join')) ?? articles[0];
    const text = decodeBytes(readFileSync(join(SEEDS_DIR, article.file))).text;
    const { page, errors } = await h.openApp();
    await page.getByTestId('view-bulletins').click();
    await page.getByTestId('bulletin-item').getByRole('button', { name: article.file, exact: true }).click();
    await page.getByTestId('bulletin-article').filter({ hasText: article.headline.replaceAll('**', '') }).first().getByRole('button').click();
    await page.getByTestId('article-view').waitFor();

    for (const field of ['headline', 'byline', 'lead', 'credit'] as const) {
      const span = article.spans[field];
      if (!span || !article[field]) continue;
      await page.locator(`[data-field="${field}"] [data-testid="field-source"]`).click();
      const mark = page.getByTestId('source-highlight').first();
      await mark.waitFor();
      expect(await page.getByTestId('source-highlight').allTextContents(), field).toEqual([text.slice(span.start, span.end)]);
      // Scrolled into view inside the original text box.
      const inView = await mark.evaluate((el) => {
        const box = el.closest('pre')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      });
      expect(inView, `${field} highlight is scrolled into view`).toBe(true);
    }
    // The original text is exactly the file's text, marks notwithstanding.
    expect(await page.getByTestId('article-original-text').evaluate((el) => el.textContent)).toBe(text);
    // Each join is marked at its break.
    const joins = article.repairs.filter((r) => r.type === 'join').length;
    expect(await page.getByTestId('repair-join').count()).toBe(joins);
    await page.locator('[data-field="byline"] [data-testid="field-source"]').click();
    await screenshot(page, 'article-source.png');
    expect(flat(await page.getByTestId('article-headline').innerText())).toBe(flat(article.headline));
    expect(errors).toEqual([]);
  });

  it('the field sources work on a phone', async () => {
    const article = seedArticles().find((a) => a.spans.headline) ?? seedArticles()[0];
    const { page, errors } = await h.openApp({ width: 390, height: 844 });
    await page.getByTestId('result-item').first().click();
    await page.getByTestId('article-view').waitFor();
    await page.locator('[data-field="headline"] [data-testid="field-source"]').click();
    const mark = page.getByTestId('source-highlight').first();
    await mark.waitFor();
    expect(await mark.isVisible()).toBe(true);
    expect(article).toBeDefined();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'article-source-phone.png');
    expect(errors).toEqual([]);
  });
});
